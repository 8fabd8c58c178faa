package io.github.seriesforecaster.spark;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Column names of the tables {@link SparkForecaster} returns. The result table has one row per
 * series; the forecast table ({@link SparkForecaster#forecastTable}) one row per series and step.
 */
public final class SparkColumns {
  private SparkColumns() {}

  /** Series id, as a string. */
  public static final String ID = "id";
  /** {@link SeriesStatus} name: {@code OK}, {@code FALLBACK} or {@code FAILED}. */
  public static final String STATUS = "status";
  /** Class name of the exception behind a {@code FALLBACK} or {@code FAILED} row, else null. */
  public static final String ERROR_CLASS = "error_class";
  /**
   * Its message (with the root cause's, if different), at most
   * {@link SparkForecaster#MESSAGE_LIMIT} characters, else null.
   */
  public static final String ERROR_MESSAGE = "error_message";
  /** Number of values the series had after the missing-value policy (int). */
  public static final String VALUES = "values";
  /**
   * SHA-256 (hex) of those values as big-endian IEEE-754 doubles in time order: equal hashes mean
   * the fit saw the same data.
   */
  public static final String VALUES_SHA256 = "values_sha256";
  /**
   * What forecast: {@code lstm}, or the baseline of a {@code FALLBACK} row ({@code naive},
   * {@code seasonal naive (24)}).
   */
  public static final String METHOD = "method";
  /** The transform the fit chose ({@code AUTO} resolved), null unless fitted here. */
  public static final String TRANSFORM = "transform";
  /** The forecasts, array of doubles in time order, in the series' units. */
  public static final String FORECAST = "forecast";
  /** Time of the series' last value (timestamp, date or long, as the input's time column). */
  public static final String LAST_TIME = "last_time";
  /**
   * Times of the forecasts, array (null when unknown: fewer than two values and no frequency).
   */
  public static final String FORECAST_TIME = "forecast_time";
  /** One-step forecasts scored on the validation part (int). */
  public static final String VALIDATION_POINTS = "validation_points";
  /** Wall time spent on the series in its task, in ms: fit, forecasts and model writing; or model
   * reading and forecasts when scoring stored models (long). */
  public static final String MILLIS = "millis";
  /** The model file's bytes ({@code SeriesForecaster.load} reads them), when not written to a folder. */
  public static final String MODEL = "model";
  /** The model file's path, when written to a folder ({@link SparkForecaster.Builder#modelFolder}). */
  public static final String MODEL_PATH = "model_path";
  /** Spark partition the series was processed in (int): shows how the work spread. */
  public static final String PARTITION = "partition";
  /** Spark executor id the series was processed on ({@code driver} in local mode). */
  public static final String EXECUTOR = "executor";
  /** In the forecast table: 1 for the first forecast (int). */
  public static final String STEP = "step";
  /** In the forecast table: the forecast's time, when known. */
  public static final String TIME = "time";

  /**
   * Validation metric columns are {@code <forecaster>_<metric>}, such as {@code model_rmse},
   * {@code naive_smape} or {@code seasonal_naive_mase}.
   */
  static final String[] FORECASTERS = {"model", "naive", "seasonal_naive"};
  static final String[] METRICS = {"rmse", "mae", "smape", "mase"};

  /**
   * @param forecaster {@code model}, {@code naive} or {@code seasonal_naive}
   * @param metric {@code rmse}, {@code mae}, {@code smape} (percent) or {@code mase}
   * @return the column of that validation metric, e.g. {@code model_rmse}
   */
  public static String metric(String forecaster, String metric) {
    return forecaster + "_" + metric;
  }

  /**
   * @param level a coverage level such as 0.8 or 0.975
   * @return the column of the interval's lower bounds, such as {@code lower_80} or
   *     {@code lower_97_5} (an array in the result table, a double in the forecast table)
   */
  public static String lower(double level) {
    return "lower_" + percent(level);
  }

  /**
   * @param level a coverage level such as 0.8 or 0.975
   * @return the column of the interval's upper bounds, such as {@code upper_80}
   */
  public static String upper(double level) {
    return "upper_" + percent(level);
  }

  private static String percent(double level) {
    String text = BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString();
    return text.replace('.', '_').toLowerCase(Locale.ROOT);
  }
}
