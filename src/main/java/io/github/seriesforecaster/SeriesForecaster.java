package io.github.seriesforecaster;

import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.io.ForecasterArchive;
import io.github.seriesforecaster.internal.model.FittedModel;
import io.github.seriesforecaster.internal.model.ModelInputs;
import io.github.seriesforecaster.internal.runtime.NativeRuntime;
import io.github.seriesforecaster.internal.train.Fitting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Forecasts a time series one or more steps ahead with an LSTM network trained on sliding windows
 * of its past values, and optionally of feature columns beside it (see
 * {@link Builder#features(String...)} and {@link SeriesFrame}).
 *
 * <pre>{@code
 * SeriesForecaster f = SeriesForecaster.builder().window(3).hidden(6).layers(1).column("Close").build();
 * FitReport report = f.fit(Path.of("prices.csv"));   // validation metrics beside the naive forecast
 * double next = f.predict(recentValues);             // one step after the last value
 * double[] path = f.forecast(recentValues, 5);       // five steps, each fed back in
 * f.save(Path.of("model.zip"));
 * SeriesForecaster g = SeriesForecaster.load(Path.of("model.zip"));
 * }</pre>
 *
 * <p>{@code fit} splits the series chronologically: the last {@code validationFraction} is held out,
 * and the scaler is fitted on the training part only. {@code predict} and {@code forecast} take and
 * return values in original units.
 *
 * <p><b>Thread safety.</b> One instance may be shared by any number of threads. {@code predict},
 * {@code forecast} and {@code forecastWithIntervals} share no mutable state and never wait for
 * each other (the batched {@code predict(double[][])} runs one call at a time). A {@code fit}
 * replaces the model in one atomic step when it completes (of two concurrent fits, the last to
 * finish wins); until then, and if it fails, the previous model stays in use.
 */
public final class SeriesForecaster implements Forecaster {
  private final ForecasterConfig config;
  private final EpochListener listener;
  private volatile FittedModel fitted;

  private SeriesForecaster(ForecasterConfig config, EpochListener listener, FittedModel fitted) {
    this.config = config;
    this.listener = listener;
    this.fitted = fitted;
  }

  /** @return a builder with every setting at its default (see {@link ForecasterConfig}) */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param config the settings to start from
   * @return a builder holding {@code config}'s settings, for a forecaster with them or a variant
   * @throws NullPointerException if {@code config} is null
   */
  public static Builder builder(ForecasterConfig config) {
    return new Builder(Objects.requireNonNull(config, "config"));
  }

  /** @return this forecaster's settings */
  public ForecasterConfig config() {
    return config;
  }

  @Override
  public int minimumHistory() {
    FittedModel model = fitted;
    return model == null ? config.minimumHistory()
        : Math.max(config.minimumHistory(), model.config().minimumHistory());
  }

  @Override
  public String name() {
    return "lstm";
  }

  /** @return true after a successful {@code fit} or {@code load} */
  public boolean isFitted() {
    return fitted != null;
  }

  /**
   * Reads the configured column of a CSV file and fits the model to it.
   *
   * @param csv a CSV file with a header row
   * @return what the fit did and the validation metrics beside the naive forecast
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if its content is unusable (the message names line and column)
   * @throws ForecasterException if training fails
   */
  public FitReport fit(Path csv) throws IOException {
    Objects.requireNonNull(csv, "csv");
    long start = System.nanoTime();
    return fit(CsvColumns.data(config, csv, config.dateColumn()), start);
  }

  /**
   * Same as {@link #fit(Path)}.
   *
   * @param csvPath path of a CSV file with a header row
   * @return what the fit did and the validation metrics beside the naive forecast
   * @throws IOException if the file is missing, a directory or unreadable
   */
  public FitReport fit(String csvPath) throws IOException {
    Objects.requireNonNull(csvPath, "csvPath");
    return fit(Path.of(csvPath));
  }

  /**
   * Fits the model to a series held in memory.
   *
   * @param series finite values in time order
   * @return what the fit did and the validation metrics beside the naive forecast
   * @throws IllegalArgumentException if a value is not finite
   * @throws SeriesFormatException if the series is too short for the configuration
   */
  public FitReport fit(double[] series) {
    Objects.requireNonNull(series, "series");
    long start = System.nanoTime();
    Checks.finite(series, 0, "series");
    return fit(new SeriesData("array", "value", series, series.length, 0), start);
  }

  /**
   * Reads the configured column exactly as {@link #fit(Path)} does, for passing to
   * {@link #predict(double[])} or {@link #forecast}.
   *
   * @param csv a CSV file with a header row
   * @return the column's values in file order
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if its content is unusable
   */
  public double[] readSeries(Path csv) throws IOException {
    Objects.requireNonNull(csv, "csv");
    return CsvColumns.target(config, csv);
  }

  /**
   * Fits the model to columns held in memory, chosen by {@code column} and {@code features} as in
   * a CSV file (an index counts the frame's columns).
   *
   * @param frame finite values in time order
   * @return what the fit did and the validation metrics beside the naive forecast
   * @throws IllegalArgumentException if a configured column is not in the frame or a used value
   *     is not finite
   * @throws SeriesFormatException if the frame is too short for the configuration
   */
  public FitReport fit(SeriesFrame frame) {
    Objects.requireNonNull(frame, "frame");
    long start = System.nanoTime();
    return fit(FrameColumns.data(config, frame), start);
  }

  /**
   * Reads the columns (target and features) exactly as {@link #fit(Path)} does, for passing to
   * {@link #predict(SeriesFrame)} or {@link #forecast(SeriesFrame, int)}.
   *
   * @param csv a CSV file with a header row
   * @return the target column first, then the features, named as in the header
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if its content is unusable
   */
  public SeriesFrame readFrame(Path csv) throws IOException {
    Objects.requireNonNull(csv, "csv");
    return FrameColumns.frameOf(CsvColumns.data(config, csv, null));
  }

  private FitReport fit(SeriesData data, long start) {
    Fitting.Result result = Fitting.fit(config, data, listener, start);
    fitted = result.model();
    return result.report();
  }

  /**
   * Predicts the value that follows the last value of {@code series}.
   *
   * @param series values in original units, at least {@link #minimumHistory()} of them; only the
   *     most recent {@code minimumHistory()} are used and must be finite
   * @return the prediction in original units
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   * @throws IllegalArgumentException if the series is too short or a used value is not finite
   */
  @Override
  public double predict(double[] series) {
    FittedModel model = ModelInputs.univariate(fittedModel());
    ModelInputs.checkHistory(model, series, "series");
    return model.predict(series);
  }

  /**
   * Predicts the target value after the last row of {@code recent}, with or without features.
   *
   * @param recent the model's input columns by name (see {@link #inputColumns()}), at least
   *     {@link #minimumHistory()} rows; other columns are ignored
   * @return the prediction in original units
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   * @throws IllegalArgumentException if an input column is missing or too short, or a used value
   *     is not finite
   */
  public double predict(SeriesFrame recent) {
    FittedModel model = fittedModel();
    return model.predictInputs(ModelInputs.inputsOf(model, recent));
  }

  /**
   * @return the columns the fitted model reads, the target first
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   */
  public List<String> inputColumns() {
    return fittedModel().data().inputColumns();
  }

  /**
   * Predicts the next value of many series in one network call, much faster than calling
   * {@link #predict(double[])} for each.
   *
   * @param histories each at least {@link #minimumHistory()} long, as for {@code predict}
   * @return one prediction per history, in order
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   * @throws IllegalArgumentException if a history is too short or holds non-finite values
   */
  public double[] predict(double[][] histories) {
    Objects.requireNonNull(histories, "histories");
    FittedModel model = ModelInputs.univariate(fittedModel());
    for (int i = 0; i < histories.length; i++) {
      ModelInputs.checkHistory(model, histories[i], "histories[" + i + "]");
    }
    return histories.length == 0 ? new double[0] : model.predictEach(histories);
  }

  /**
   * Forecasts {@code steps} values after the end of {@code series}, feeding each prediction back
   * as the newest value for the next one (recursive forecasting: errors compound with the horizon).
   *
   * @param series values in original units, as for {@link #predict(double[])}
   * @param steps values to forecast, at least 1
   * @return the forecasts in time order, original units
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   * @throws IllegalArgumentException if {@code steps < 1}, or the series is too short or not finite
   */
  @Override
  public double[] forecast(double[] series, int steps) {
    FittedModel model = ModelInputs.univariate(fittedModel());
    ModelInputs.checkHistory(model, series, "series");
    Checks.atLeast(1, steps, "steps");
    return model.forecast(series, steps);
  }

  /**
   * Forecasts {@code steps} target values after the last row of {@code recent}: any number without
   * features, as {@link #forecast(double[], int)}; with features at most {@code horizon}, from one
   * network call (further steps would need the features' future values).
   *
   * @param recent the model's input columns by name, as for {@link #predict(SeriesFrame)}
   * @param steps values to forecast, at least 1
   * @return the forecasts in time order, original units
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   * @throws IllegalArgumentException if {@code steps} is out of range or the frame is unusable
   */
  public double[] forecast(SeriesFrame recent, int steps) {
    FittedModel model = fittedModel();
    double[][] inputs = ModelInputs.inputsOf(model, recent);
    ModelInputs.checkSteps(model, steps);
    return model.forecastInputs(inputs, steps);
  }

  /**
   * Reads a CSV file like {@link #fit(Path)} and forecasts {@code steps} values after its last row,
   * each stamped with the last row's time plus 1, 2, ... steps of the {@code frequency} (else of
   * the spacing inferred from the training data, or from this file for a model fitted on an array).
   *
   * @param csv a CSV file with the value and date columns
   * @param steps values to forecast, at least 1
   * @return the forecasts with their timestamps
   * @throws IllegalStateException if not fitted, or no {@code dateColumn} is configured
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if its content is unusable or too short
   */
  public List<TimedValue> forecast(Path csv, int steps) throws IOException {
    Objects.requireNonNull(csv, "csv");
    FittedModel model = fittedModel();
    String dateColumn = CsvColumns.dateColumn(config);
    Checks.atLeast(1, steps, "steps");
    return ModelInputs.forecastAfter(model, CsvColumns.data(config, csv, dateColumn), steps);
  }

  /**
   * Forecasts like {@link #forecast} and adds conformal prediction intervals that follow the
   * series' volatility (how: {@link ForecastIntervals}). Pass the whole recent history, not just
   * {@link #minimumHistory()} values: the intervals adapt to forecasts from up to 250 origins.
   *
   * @param series values in original units, as for {@link #predict(double[])}
   * @param steps values to forecast, at least 1
   * @param levels coverage levels strictly between 0 and 1, e.g. 0.8 and 0.95
   * @return point forecasts with lower and upper bounds per level
   * @throws IllegalStateException if not fitted, or fitted without a validation part
   * @throws IllegalArgumentException if an argument is out of range
   */
  public ForecastIntervals forecastWithIntervals(double[] series, int steps, double... levels) {
    FittedModel model = ModelInputs.univariate(fittedModel());
    ModelInputs.checkHistory(model, series, "series");
    return withIntervals(model, new double[][] {series}, steps, levels);
  }

  /**
   * Forecasts like {@link #forecast(SeriesFrame, int)} and adds conformal prediction
   * intervals, as {@link #forecastWithIntervals(double[], int, double...)}.
   *
   * @param recent the model's input columns by name, as for {@link #predict(SeriesFrame)}
   * @param steps values to forecast, at least 1 (at most {@code horizon} with features)
   * @param levels coverage levels strictly between 0 and 1, e.g. 0.8 and 0.95
   * @return point forecasts with lower and upper bounds per level
   * @throws IllegalStateException if not fitted, or fitted without a validation part
   * @throws IllegalArgumentException if an argument is out of range or the frame is unusable
   */
  public ForecastIntervals forecastWithIntervals(SeriesFrame recent, int steps, double... levels) {
    FittedModel model = fittedModel();
    return withIntervals(model, ModelInputs.inputsOf(model, recent), steps, levels);
  }

  private ForecastIntervals withIntervals(FittedModel model, double[][] inputs, int steps,
      double[] levels) {
    Objects.requireNonNull(levels, "levels");
    ModelInputs.checkSteps(model, steps);
    Checks.levels(levels, "0.8");
    return ModelInputs.intervals(model, inputs, steps, levels);
  }

  /**
   * Saves the network, the fitted scaler and the configuration in one zip file, atomically (a
   * crash never leaves a half-written model); missing parent folders are created.
   *
   * @param file the model file to write or replace
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   * @throws IOException if the file cannot be written
   */
  public void save(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    ForecasterArchive.write(fittedModel(), file);
  }

  /**
   * Loads a forecaster saved by {@link #save}. It predicts exactly what the saved one did.
   *
   * @param file a model file
   * @return the fitted forecaster, with the configuration it was saved with
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws IOException if it cannot be read
   * @throws ModelFormatException if it is not a complete model file of a version this release reads
   */
  public static SeriesForecaster load(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return loaded(ForecasterArchive.read(file));
  }

  /**
   * Writes the same zip as {@link #save(Path)} to a stream, for models that travel as bytes.
   *
   * @param out where the model file's bytes go; flushed, not closed
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   * @throws IOException if the stream fails
   */
  public void save(java.io.OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    ForecasterArchive.write(fittedModel(), out);
  }

  /**
   * Loads a forecaster from the bytes written by {@link #save(java.io.OutputStream)}, as
   * {@link #load(Path)} does from a file.
   *
   * @param in the model file's bytes; read to its end, not closed
   * @return the fitted forecaster, with the configuration it was saved with
   * @throws IOException if the stream fails
   * @throws ModelFormatException if the bytes are not a model file of a version this release reads
   */
  public static SeriesForecaster load(java.io.InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    return loaded(ForecasterArchive.read(in, "the model stream"));
  }

  private static SeriesForecaster loaded(FittedModel model) {
    NativeRuntime.useThreads(model.config().threads());
    return new SeriesForecaster(model.config(), EpochListener.NONE, model);
  }

  private FittedModel fittedModel() {
    return Checks.fitted(fitted, "SeriesForecaster");
  }

  /**
   * Collects settings for a {@link SeriesForecaster}: the setters of every configuration (see
   * {@link ConfigBuilder}) and the {@link #listener}.
   */
  public static final class Builder extends ConfigBuilder<Builder> {
    private EpochListener listener = EpochListener.NONE;

    Builder() {}

    Builder(ForecasterConfig config) {
      super(config);
    }

    /**
     * Sets who is told about each training epoch. Not part of the configuration: it is not saved.
     *
     * @param listener called after every epoch of every fit
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(EpochListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * @return an unfitted forecaster with these settings
     * @throws IllegalArgumentException if a combination of values is invalid
     */
    public SeriesForecaster build() {
      return new SeriesForecaster(config(), listener, null);
    }
  }
}
