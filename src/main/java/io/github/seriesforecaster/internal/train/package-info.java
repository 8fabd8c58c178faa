/**
 * One fit from start to end: Fitting (checks, one network trained on a prefix, shrinkage),
 * CandidateChoice (every AUTO candidate and seasonal baseline on the RollingOrigin folds, the
 * choice at the forecast horizon, run by ParallelTasks), SeasonalBaselines (seasonal naive, with
 * drift, Holt-Winters as models), FoldScores (pooled shrinkage and fold RMSEs), Refit (the kept
 * network on every value, and its ensemble) and Trainer (epochs
 * or DL4J's EarlyStoppingTrainer). Wraps DL4J failures with context. Imports data, model, eval,
 * intervals, runtime and the root package.
 */
package io.github.seriesforecaster.internal.train;
