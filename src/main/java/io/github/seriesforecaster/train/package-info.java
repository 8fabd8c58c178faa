/**
 * One fit from start to end: Fitting (chronological split, candidates of the AUTO transform,
 * shrinkage, validation beside naive) and Trainer (epochs or DL4J's EarlyStoppingTrainer). Wraps
 * DL4J failures with context. Imports data, model, eval and the root package.
 */
package io.github.seriesforecaster.train;
