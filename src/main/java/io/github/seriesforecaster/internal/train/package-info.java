/**
 * One fit from start to end: Fitting (checks, one network trained on a prefix, shrinkage),
 * CandidateChoice (every AUTO candidate and seasonal baseline on the RollingOrigin folds, the
 * choice at the forecast horizon, the refit and its ensemble, run by ParallelTasks) and Trainer (epochs
 * or DL4J's EarlyStoppingTrainer). Wraps DL4J failures with context. Imports data, model, eval,
 * intervals, runtime and the root package.
 */
package io.github.seriesforecaster.internal.train;
