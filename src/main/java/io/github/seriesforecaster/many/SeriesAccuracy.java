package io.github.seriesforecaster.many;

import io.github.seriesforecaster.ErrorMetrics;
import java.util.Objects;

/**
 * How well a model forecast one series' validation part (all its steps from one origin, as the M4
 * competition scores), beside the seasonal naive and the naive forecast from the same origin.
 * sMAPE is {@code 200/h · Σ |y - f| / (|y| + |f|)}; MASE divides the mean absolute error by the
 * mean {@code |y[t] - y[t - season]|} over the values before the validation part (lag 1 without a
 * season), as the M4 competition defines them.
 *
 * @param id the series
 * @param model the model's accuracy
 * @param seasonalNaive the seasonal naive forecast's (the last season repeated); the naive
 *     forecast's when no season is set
 * @param naive the naive forecast's (the last value repeated)
 */
public record SeriesAccuracy(String id, ErrorMetrics model, ErrorMetrics seasonalNaive,
    ErrorMetrics naive) {

  /**
   * Checks the values.
   *
   * @param id see {@link #id()}
   * @param model see {@link #model()}
   * @param seasonalNaive see {@link #seasonalNaive()}
   * @param naive see {@link #naive()}
   */
  public SeriesAccuracy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(seasonalNaive, "seasonalNaive");
    Objects.requireNonNull(naive, "naive");
  }
}
