package io.github.seriesforecaster.many;

/** The loss a {@link GlobalForecaster}'s network minimises on normalised targets. */
public enum TrainingLoss {
  /** Mean absolute error (L1): what sMAPE and MASE reward; robust to outlying windows. */
  MAE,
  /** Mean squared error (L2). */
  MSE
}
