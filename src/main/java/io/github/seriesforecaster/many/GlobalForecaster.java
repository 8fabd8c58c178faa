package io.github.seriesforecaster.many;

import io.github.seriesforecaster.Checks;
import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.internal.global.GlobalArchive;
import io.github.seriesforecaster.internal.global.GlobalIntervals;
import io.github.seriesforecaster.internal.global.GlobalModel;
import io.github.seriesforecaster.internal.global.GlobalTraining;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * One LSTM network trained across a whole set of series (a "global" model, as the M4
 * competition's winners built them), forecasting many steps at once for any series, also one it
 * never saw.
 *
 * <pre>{@code
 * SeriesSet train = SeriesSetReader.builder().build().readWide(Path.of("Hourly-train.csv"));
 * GlobalForecaster f = GlobalForecaster.builder().season(24).horizon(48).build();
 * GlobalFitReport report = f.fit(train);            // validation: the last 48 values of each series
 * System.out.println(report.summary());             // sMAPE, MASE beside seasonal naive and naive
 * Map<String, double[]> next = f.forecast(train, 48);
 * f.save(Path.of("hourly.zip"));
 * }</pre>
 *
 * <p>Every window is divided by its own level (the mean of its last season, see
 * {@link Normalization}), so series of very different scales share the network; the network reads
 * the window one season per time step and outputs the whole horizon at once. See
 * {@code docs/many-series.md}. Its internals live in package {@code io.github.seriesforecaster.internal.global}.
 *
 * <p><b>Thread safety.</b> One instance may be shared by threads: forecasts read an immutable
 * fitted model, and {@code fit} replaces it in one step when it succeeds (a failed fit leaves the
 * previous model in place). Fits themselves should not run concurrently on one instance.
 */
public final class GlobalForecaster {
  private final GlobalConfig config;
  private final EpochListener listener;
  private volatile GlobalModel fitted;

  private GlobalForecaster(GlobalConfig config, EpochListener listener, GlobalModel fitted) {
    this.config = config;
    this.listener = listener;
    this.fitted = fitted;
  }

  /** @return a builder with the defaults of {@link GlobalConfig} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param config the settings to start from
   * @return a builder holding {@code config}'s settings, to build a forecaster with them or a
   *     variant of them
   * @throws NullPointerException if {@code config} is null
   */
  public static Builder builder(GlobalConfig config) {
    return new Builder(Objects.requireNonNull(config, "config"));
  }

  /** @return the settings */
  public GlobalConfig config() {
    return config;
  }

  /** @return true once {@code fit} succeeded or the model was loaded */
  public boolean isFitted() {
    return fitted != null;
  }

  /** @return the values {@code forecast} needs per series: the window */
  public int minimumHistory() {
    return config.minimumHistory();
  }

  /** @return the values {@code fit} needs per series: window, horizon and validation part */
  public int minimumSeriesLength() {
    return config.minimumSeriesLength();
  }

  /**
   * Trains one network (or {@code ensemble} networks) on windows from every series of the set,
   * stopping early on the last {@code validation} values of every series.
   *
   * @param series the training set; every series at least {@link #minimumSeriesLength()} long
   * @return what the fit did and its validation accuracy beside seasonal naive and naive
   * @throws IllegalArgumentException if a series is too short (the message names it and its
   *     length) or cannot be normalised
   */
  public GlobalFitReport fit(SeriesSet series) {
    Objects.requireNonNull(series, "series");
    GlobalTraining.Result result =
        GlobalTraining.fit(config, series.ids(), series.values(), listener);
    fitted = result.model();
    return result.report();
  }

  /**
   * Forecasts every series of a set from its end.
   *
   * @param histories the series to forecast from, each at least {@link #minimumHistory()} long;
   *     need not be the series the model was trained on
   * @param steps values to forecast per series, at least 1; beyond {@code horizon} the forecasts
   *     are fed back in blocks of {@code horizon}
   * @return id → forecast, in set order
   * @throws IllegalStateException if the model is not fitted
   * @throws IllegalArgumentException if a history is too short or cannot be normalised
   */
  public Map<String, double[]> forecast(SeriesSet histories, int steps) {
    Objects.requireNonNull(histories, "histories");
    Checks.atLeast(1, steps, "steps");
    List<String> ids = histories.ids();
    double[][] forecasts = model().forecastAll(ids, histories.values(), steps);
    return byId(ids, s -> forecasts[s]);
  }

  /**
   * Forecasts every series of a set from its end, with prediction intervals calibrated on the
   * same histories and scaled per series: the model also forecasts each history from
   * {@code validation} values before its end (its {@code horizon} without a validation part, at
   * most {@code steps}), those errors are divided by their series' mean absolute seasonal
   * difference and pooled over the series per step, and each series' interval is its forecast plus
   * or minus its own scale times the pooled conformal quantile. A quiet series thus gets a narrow
   * interval, a noisy one a wide one. Given the training set, the calibration values are the
   * validation part the network never trained on. See docs/intervals.md.
   *
   * @param histories the series to forecast from, each at least {@link #minimumHistory()} long;
   *     only those at least {@code validation} values longer calibrate
   * @param steps values to forecast per series, at least 1
   * @param levels coverage levels strictly between 0 and 1, e.g. 0.95
   * @return id → forecast with bounds per level, in set order
   * @throws IllegalStateException if the model is not fitted
   * @throws IllegalArgumentException if an argument is out of range, no history is long enough to
   *     calibrate on, or a history cannot be normalised
   */
  public Map<String, ForecastIntervals> forecastWithIntervals(SeriesSet histories, int steps,
      double... levels) {
    Objects.requireNonNull(histories, "histories");
    Objects.requireNonNull(levels, "levels");
    Checks.atLeast(1, steps, "steps");
    Checks.levels(levels, "0.95");
    List<String> ids = histories.ids();
    List<ForecastIntervals> intervals =
        GlobalIntervals.of(model(), ids, histories.values(), steps, levels);
    return byId(ids, intervals::get);
  }

  /**
   * Forecasts one series, which need not be one the model was trained on.
   *
   * @param history past values in time order, at least {@link #minimumHistory()}
   * @param steps values to forecast, at least 1
   * @return the forecast, in the series' units
   * @throws IllegalStateException if the model is not fitted
   * @throws IllegalArgumentException if the history is too short, not finite or cannot be
   *     normalised
   */
  public double[] forecast(double[] history, int steps) {
    Objects.requireNonNull(history, "history");
    Checks.atLeast(1, steps, "steps");
    return model().forecast("history", history, steps);
  }

  /**
   * Saves the fitted model to one zip file (network(s), metadata), atomically.
   *
   * @param file the file to write; parent folders are created
   * @throws IOException if it cannot be written
   * @throws IllegalStateException if the model is not fitted
   */
  public void save(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    GlobalArchive.write(model(), file);
  }

  /**
   * Writes the model zip to a stream (to ship it as bytes); the stream is not closed.
   *
   * @param out where the zip goes
   * @throws IOException if the stream fails
   * @throws IllegalStateException if the model is not fitted
   */
  public void save(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    GlobalArchive.write(model(), out);
  }

  /**
   * @param file a file written by {@link #save(Path)}
   * @return a fitted forecaster with the saved settings
   * @throws IOException if the file cannot be read
   * @throws ModelFormatException if it is not a global model file of a supported version
   */
  public static GlobalForecaster load(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return loaded(GlobalArchive.read(file));
  }

  /**
   * @param in a stream holding what {@link #save(OutputStream)} wrote; read to its end, not closed
   * @return a fitted forecaster with the saved settings
   * @throws IOException if the stream fails
   * @throws ModelFormatException if it is not a global model of a supported version
   */
  public static GlobalForecaster load(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    return loaded(GlobalArchive.read(in, "model stream"));
  }

  private GlobalModel model() {
    return Checks.fitted(fitted, "GlobalForecaster");
  }

  private static <T> Map<String, T> byId(List<String> ids, IntFunction<T> result) {
    Map<String, T> map = new LinkedHashMap<>();
    for (int s = 0; s < ids.size(); s++) {
      map.put(ids.get(s), result.apply(s));
    }
    return map;
  }

  private static GlobalForecaster loaded(GlobalModel model) {
    return new GlobalForecaster(model.config(), EpochListener.NONE, model);
  }

  /**
   * Collects settings for a {@link GlobalForecaster}: the setters of every global configuration
   * (see {@link GlobalConfigBuilder}) and the {@link #listener}.
   */
  public static final class Builder extends GlobalConfigBuilder<Builder> {
    private EpochListener listener = EpochListener.NONE;

    Builder() {}

    Builder(GlobalConfig config) {
      super(config);
    }

    /**
     * @param listener told about each epoch; not saved
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(EpochListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * @return a new, unfitted forecaster
     * @throws IllegalArgumentException if the settings do not fit together (window not a multiple
     *     of valuesPerStep)
     */
    public GlobalForecaster build() {
      return new GlobalForecaster(config(), listener, null);
    }
  }
}
