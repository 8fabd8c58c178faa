package io.github.seriesforecaster;

import io.github.seriesforecaster.data.CsvSeriesReader;
import io.github.seriesforecaster.data.SeriesData;
import io.github.seriesforecaster.data.TimeStep;
import io.github.seriesforecaster.data.TransformCodec;
import io.github.seriesforecaster.io.ForecasterArchive;
import io.github.seriesforecaster.model.FittedModel;
import io.github.seriesforecaster.model.ForecastErrors;
import io.github.seriesforecaster.model.NativeRuntime;
import io.github.seriesforecaster.train.Fitting;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@code forecast} and {@code forecastWithIntervals} run on a plain-Java copy of the network's
 * forward pass that shares no mutable state, so they never wait for each other; the batched
 * {@code predict(double[][])} goes through the DL4J network, one call at a time. A {@code fit}
 * running while other threads predict does not disturb them: they use the previous model until the
 * new one is complete, which then replaces it in one atomic step (of two concurrent fits, the one
 * that finishes last wins). A {@code fit} that fails leaves the previous model in place.
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

  /** @return this forecaster's settings */
  public ForecasterConfig config() {
    return config;
  }

  /** @return the minimum length of a series given to {@link #predict(double[])} */
  @Override
  public int minimumHistory() {
    return config.minimumHistory();
  }

  /** @return {@code lstm} */
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
    return fit(readData(csv, config.dateColumn()), start);
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
   * Reads the configured column of a CSV file exactly as {@link #fit(Path)} does (same delimiter and
   * missing-value policy), for passing to {@link #predict(double[])} or {@link #forecast}.
   *
   * @param csv a CSV file with a header row
   * @return the column's values in file order
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if its content is unusable
   */
  public double[] readSeries(Path csv) throws IOException {
    Objects.requireNonNull(csv, "csv");
    return csvReader()
        .read(csv, config.columnName(), config.columnIndex())
        .values();
  }

  private CsvSeriesReader csvReader() {
    return new CsvSeriesReader(config.delimiter(), config.missingValues());
  }

  /** Reads the target and feature columns, and the date column if given. */
  private SeriesData readData(Path csv, String dateColumn) throws IOException {
    return csvReader().read(csv, config.columnName(), config.columnIndex(), dateColumn,
        config.featureNames(), config.featureIndices());
  }

  /**
   * Fits the model to columns held in memory: the target chosen by {@code column} (by name, or
   * by index into the frame's columns, or the last column) and the configured {@code features}.
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
    List<String> columns = frame.columns();
    String target = targetColumn(config, columns);
    List<String> features = new ArrayList<>();
    for (String name : config.featureNames()) {
      features.add(name.trim());
    }
    for (int index : config.featureIndices()) {
      features.add(columnAt(columns, index, "feature index"));
    }
    features.remove(target);
    double[] values = frame.column(target);
    Checks.finite(values, 0, target);
    double[][] featureValues = new double[features.size()][];
    for (int f = 0; f < features.size(); f++) {
      featureValues[f] = frame.column(features.get(f));
      Checks.finite(featureValues[f], 0, features.get(f));
    }
    return fit(new SeriesData("frame", target, values, values.length, 0, null, features,
        featureValues), start);
  }

  /** @return the name of the frame column that {@code config} makes the target */
  static String targetColumn(ForecasterConfig config, List<String> columns) {
    return config.columnName() != null ? config.columnName().trim()
        : config.columnIndex() >= 0 ? columnAt(columns, config.columnIndex(), "column index")
        : columns.get(columns.size() - 1);
  }

  private static String columnAt(List<String> columns, int index, String what) {
    if (index >= columns.size()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s %d is out of range 0-%d for a frame with columns %s", what, index,
          columns.size() - 1, columns));
    }
    return columns.get(index);
  }

  /**
   * Reads the columns a fit reads (target and features) from a CSV file exactly as
   * {@link #fit(Path)} does, for passing to {@link #predict(SeriesFrame)} or
   * {@link #forecast(SeriesFrame, int)}.
   *
   * @param csv a CSV file with a header row
   * @return the target column first, then the features, named as in the header
   * @throws IOException if the file is missing, a directory or unreadable
   * @throws SeriesFormatException if its content is unusable
   */
  public SeriesFrame readFrame(Path csv) throws IOException {
    Objects.requireNonNull(csv, "csv");
    SeriesData data = readData(csv, null);
    Map<String, double[]> columns = new LinkedHashMap<>();
    double[][] inputs = data.inputs();
    List<String> names = data.inputColumns();
    for (int c = 0; c < inputs.length; c++) {
      columns.put(names.get(c), inputs[c]);
    }
    return SeriesFrame.ofColumns(columns);
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
    FittedModel model = univariateModel();
    checkHistory(model, series, "series");
    return model.predict(series);
  }

  /**
   * Predicts the target value that follows the last row of {@code recent}, for a model with
   * feature columns (a model without them takes a frame too).
   *
   * @param recent the model's input columns by name (see {@link #inputColumns()}), at least
   *     {@link #minimumHistory()} rows; other columns are ignored
   * @return the prediction in original units
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   * @throws IllegalArgumentException if an input column is missing, the frame is too short, or a
   *     used value is not finite
   */
  public double predict(SeriesFrame recent) {
    FittedModel model = fittedModel();
    return model.predictInputs(inputsOf(model, recent));
  }

  /**
   * @return the columns the fitted model reads, the target first (just the target without
   *     features)
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
    FittedModel model = univariateModel();
    for (int i = 0; i < histories.length; i++) {
      checkHistory(model, histories[i], "histories[" + i + "]");
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
    FittedModel model = univariateModel();
    checkHistory(model, series, "series");
    Checks.atLeast(1, steps, "steps");
    return model.forecast(series, steps);
  }

  /**
   * Forecasts {@code steps} target values after the last row of {@code recent}. A model without
   * features forecasts any number of steps, as {@link #forecast(double[], int)}; a model with
   * features forecasts at most {@code horizon} steps, all from one network call, because further
   * steps would need the features' future values.
   *
   * @param recent the model's input columns by name, as for {@link #predict(SeriesFrame)}
   * @param steps values to forecast, at least 1
   * @return the forecasts in time order, original units
   * @throws IllegalStateException if the forecaster is neither fitted nor loaded
   * @throws IllegalArgumentException if {@code steps} is out of range or the frame is unusable
   */
  public double[] forecast(SeriesFrame recent, int steps) {
    FittedModel model = fittedModel();
    double[][] inputs = inputsOf(model, recent);
    checkSteps(model, steps);
    return model.forecastInputs(inputs, steps);
  }

  /**
   * Reads a CSV file like {@link #fit(Path)} and forecasts {@code steps} values after its last row,
   * each stamped with its time: the last row's time plus 1, 2, ... steps of the configured
   * {@code frequency}, or else of the spacing inferred from the training data (or from this file,
   * for a model trained on an array).
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
    if (config.dateColumn() == null) {
      throw new IllegalStateException(
          "forecaster has no dateColumn; set dateColumn(...) in the builder to read timestamps");
    }
    Checks.atLeast(1, steps, "steps");
    SeriesData data = readData(csv, config.dateColumn());
    if (data.length() < minimumHistory()) {
      throw new SeriesFormatException(String.format(Locale.ROOT,
          "%s has %d values but window=%d with transform %s needs at least %d",
          data.source(), data.length(), config.window(), config.transform(), minimumHistory()));
    }
    LocalDateTime[] times = data.times();
    TimeStep step = config.frequency() != null ? TimeStep.parse(config.frequency())
        : model.data().timeStep() != null ? TimeStep.parse(model.data().timeStep())
        : TimeStep.infer(times);
    double[][] inputs = data.inputs();
    checkInputs(model, inputs, data.inputColumns());
    checkSteps(model, steps);
    double[] forecast = model.forecastInputs(inputs, steps);
    List<TimedValue> result = new ArrayList<>(steps);
    LocalDateTime last = times[times.length - 1];
    for (int h = 0; h < steps; h++) {
      result.add(new TimedValue(step.after(last, h + 1), forecast[h]));
    }
    return result;
  }

  /**
   * Forecasts like {@link #forecast} and adds split-conformal prediction intervals: for each step
   * and level, the forecast plus or minus that quantile of the absolute errors recursive forecasts
   * made on the validation part at the same step (see {@link ForecastIntervals}).
   *
   * @param series values in original units, as for {@link #predict(double[])}
   * @param steps values to forecast, at least 1
   * @param levels coverage levels strictly between 0 and 1, e.g. 0.8 and 0.95
   * @return point forecasts with lower and upper bounds per level
   * @throws IllegalStateException if not fitted, or fitted without a validation part
   * @throws IllegalArgumentException if an argument is out of range
   */
  public ForecastIntervals forecastWithIntervals(double[] series, int steps, double... levels) {
    FittedModel model = univariateModel();
    checkHistory(model, series, "series");
    return withIntervals(model, new double[][] {series}, steps, levels);
  }

  /**
   * Forecasts like {@link #forecast(SeriesFrame, int)} and adds split-conformal prediction
   * intervals, as {@link #forecastWithIntervals(double[], int, double...)}.
   *
   * @param recent the model's input columns by name, as for {@link #predict(SeriesFrame)}
   * @param steps values to forecast, at least 1 (at most {@code horizon} with features)
   * @param levels coverage levels strictly between 0 and 1, e.g. 0.8 and 0.95
   * @return point forecasts with lower and upper bounds per level
   * @throws IllegalStateException if not fitted, or fitted without a validation part
   * @throws IllegalArgumentException if an argument is out of range or the frame is unusable
   */
  public ForecastIntervals forecastWithIntervals(SeriesFrame recent, int steps,
      double... levels) {
    FittedModel model = fittedModel();
    return withIntervals(model, inputsOf(model, recent), steps, levels);
  }

  private ForecastIntervals withIntervals(FittedModel model, double[][] inputs, int steps,
      double[] levels) {
    Objects.requireNonNull(levels, "levels");
    checkSteps(model, steps);
    if (levels.length == 0) {
      throw new IllegalArgumentException("levels must name at least one coverage level, e.g. 0.8");
    }
    for (double level : levels) {
      Checks.between(0.0, 1.0, level, "level");
    }
    ForecastErrors errors = model.errors();
    if (errors == null) {
      throw new IllegalStateException("this model has no validation errors to build intervals "
          + "from; fit with validationFraction > 0");
    }
    double[] point = model.forecastInputs(inputs, steps);
    double[][] lower = new double[levels.length][steps];
    double[][] upper = new double[levels.length][steps];
    for (int l = 0; l < levels.length; l++) {
      for (int h = 0; h < steps; h++) {
        double half = errors.halfWidth(levels[l], h + 1);
        lower[l][h] = point[h] - half;
        upper[l][h] = point[h] + half;
      }
    }
    return new ForecastIntervals(point, levels, lower, upper);
  }

  /**
   * Saves the network, the fitted scaler and the configuration in one zip file. The file is written
   * to a temporary file in the same folder and then moved into place, so a crash never leaves a
   * half-written model; missing parent folders are created.
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
    FittedModel model = ForecasterArchive.read(file);
    NativeRuntime.useThreads(model.config().threads());
    return new SeriesForecaster(model.config(), EpochListener.NONE, model);
  }

  private FittedModel fittedModel() {
    FittedModel model = fitted;
    if (model == null) {
      throw new IllegalStateException(
          "forecaster is not fitted; call fit(...) or SeriesForecaster.load(...) first");
    }
    return model;
  }

  /** The fitted model, refusing one with features where only the target's values are given. */
  private FittedModel univariateModel() {
    FittedModel model = fittedModel();
    if (model.inputs() > 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "this model reads %d input columns %s per time step, not one series; pass a "
              + "SeriesFrame with those columns (e.g. from readFrame(csv))",
          model.inputs(), model.data().inputColumns()));
    }
    return model;
  }

  private static void checkSteps(FittedModel model, int steps) {
    Checks.atLeast(1, steps, "steps");
    if (steps > model.maximumSteps()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "steps must be <= %d for this model, was %d: it reads feature columns %s whose future "
              + "values it does not know, so it forecasts at most horizon=%d steps at once; "
              + "train with a larger horizon(...)", model.maximumSteps(), steps,
          model.data().features(), model.config().horizon()));
    }
  }

  /** The model's input columns taken from a frame by name, checked like a history. */
  private double[][] inputsOf(FittedModel model, SeriesFrame frame) {
    Objects.requireNonNull(frame, "frame");
    List<String> names = model.data().inputColumns();
    double[][] inputs = new double[names.size()][];
    if (names.size() == 1 && frame.columns().size() == 1) {
      // one series: its name need not match the training column's
      inputs[0] = frame.column(frame.columns().get(0));
    } else {
      List<String> absent = new ArrayList<>();
      for (int c = 0; c < names.size(); c++) {
        if (frame.hasColumn(names.get(c))) {
          inputs[c] = frame.column(names.get(c));
        } else {
          absent.add(names.get(c));
        }
      }
      if (!absent.isEmpty()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "frame has no column %s; this model reads %d input columns %s per time step and the "
                + "frame has %s", absent, names.size(), names, frame.columns()));
      }
    }
    checkInputs(model, inputs, names);
    return inputs;
  }

  private void checkInputs(FittedModel model, double[][] inputs, List<String> names) {
    for (int c = 0; c < inputs.length; c++) {
      checkHistory(inputs[c], inputs.length == 1 ? "series" : "column '" + names.get(c) + "'",
          c == 0 ? model.encoder().codec() : model.encoder().featureCodec());
    }
  }

  private void checkHistory(FittedModel model, double[] series, String name) {
    checkHistory(series, name, model.encoder().codec());
  }

  private void checkHistory(double[] series, String name, TransformCodec codec) {
    Objects.requireNonNull(series, name);
    int needed = minimumHistory();
    if (series.length < needed) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s has %d values but window=%d with transform %s needs at least %d; "
              + "pass a longer history",
          name, series.length, config.window(), config.transform(), needed));
    }
    int from = series.length - needed;
    Checks.finite(series, from, name);
    try {
      codec.checkSeries(series, from, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " ends with values the transform cannot use: "
          + e.getMessage(), e);
    }
  }

  /**
   * Collects settings for a {@link SeriesForecaster}. Each setter checks its value at once; repeated
   * calls keep the last value. Defaults are the {@code DEFAULT_*} constants of
   * {@link ForecasterConfig}.
   */
  public static final class Builder {
    private int window = ForecasterConfig.DEFAULT_WINDOW;
    private int hidden = ForecasterConfig.DEFAULT_HIDDEN;
    private int layers = ForecasterConfig.DEFAULT_LAYERS;
    private int epochs = ForecasterConfig.DEFAULT_EPOCHS;
    private double learningRate = ForecasterConfig.DEFAULT_LEARNING_RATE;
    private int batchSize = ForecasterConfig.DEFAULT_BATCH_SIZE;
    private long seed = ForecasterConfig.DEFAULT_SEED;
    private String columnName;
    private int columnIndex = -1;
    private double validationFraction = ForecasterConfig.DEFAULT_VALIDATION_FRACTION;
    private TargetTransform transform = ForecasterConfig.DEFAULT_TRANSFORM;
    private int horizon = ForecasterConfig.DEFAULT_HORIZON;
    private int season = ForecasterConfig.DEFAULT_SEASON;
    private int patience = ForecasterConfig.DEFAULT_PATIENCE;
    private boolean shrink = ForecasterConfig.DEFAULT_SHRINK;
    private LstmImplementation lstm = ForecasterConfig.DEFAULT_LSTM;
    private String dateColumn;
    private String frequency;
    private MissingValues missingValues = ForecasterConfig.DEFAULT_MISSING_VALUES;
    private char delimiter = ForecasterConfig.DEFAULT_DELIMITER;
    private int threads = ForecasterConfig.DEFAULT_THREADS;
    private int parallelism = ForecasterConfig.defaultParallelism();
    private int ensemble = ForecasterConfig.DEFAULT_ENSEMBLE;
    private int forecastHorizon = ForecasterConfig.DEFAULT_FORECAST_HORIZON;
    private List<String> featureNames = List.of();
    private List<Integer> featureIndices = List.of();
    private TargetTransform featureTransform = ForecasterConfig.DEFAULT_FEATURE_TRANSFORM;
    private EpochListener listener = EpochListener.NONE;

    Builder() {}

    Builder(ForecasterConfig config) {
      window = config.window();
      hidden = config.hidden();
      layers = config.layers();
      epochs = config.epochs();
      learningRate = config.learningRate();
      batchSize = config.batchSize();
      seed = config.seed();
      columnName = config.columnName();
      columnIndex = config.columnIndex();
      validationFraction = config.validationFraction();
      transform = config.transform();
      horizon = config.horizon();
      season = config.season();
      patience = config.patience();
      shrink = config.shrink();
      lstm = config.lstm();
      dateColumn = config.dateColumn();
      frequency = config.frequency();
      missingValues = config.missingValues();
      delimiter = config.delimiter();
      threads = config.threads();
      parallelism = config.parallelism();
      ensemble = config.ensemble();
      forecastHorizon = config.forecastHorizon();
      featureNames = config.featureNames();
      featureIndices = config.featureIndices();
      featureTransform = config.featureTransform();
    }

    /**
     * @param window past observations per prediction (the LSTM's time steps), at least 1
     * @return this builder
     */
    public Builder window(int window) {
      this.window = Checks.atLeast(1, window, "window");
      return this;
    }

    /**
     * @param hidden LSTM units per layer, at least 1
     * @return this builder
     */
    public Builder hidden(int hidden) {
      this.hidden = Checks.atLeast(1, hidden, "hidden");
      return this;
    }

    /**
     * @param layers stacked LSTM layers, at least 1
     * @return this builder
     */
    public Builder layers(int layers) {
      this.layers = Checks.atLeast(1, layers, "layers");
      return this;
    }

    /**
     * @param epochs passes over the training windows, at least 1
     * @return this builder
     */
    public Builder epochs(int epochs) {
      this.epochs = Checks.atLeast(1, epochs, "epochs");
      return this;
    }

    /**
     * @param learningRate Adam's step size, strictly between 0 and 1
     * @return this builder
     */
    public Builder learningRate(double learningRate) {
      this.learningRate = Checks.between(0.0, 1.0, learningRate, "learningRate");
      return this;
    }

    /**
     * @param batchSize training windows per mini-batch, at least 1
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = Checks.atLeast(1, batchSize, "batchSize");
      return this;
    }

    /**
     * @param seed seed for weights and batch order; equal seeds give bit-identical models on the CPU
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Chooses the value column by its header name (replacing a choice by index).
     *
     * @param name the header name, not blank
     * @return this builder
     */
    public Builder column(String name) {
      Objects.requireNonNull(name, "column");
      if (name.isBlank()) {
        throw new IllegalArgumentException("column name must not be blank, was '" + name + "'");
      }
      this.columnName = name;
      this.columnIndex = -1;
      return this;
    }

    /**
     * Chooses the value column by its 0-based index (replacing a choice by name).
     *
     * @param index 0-based column index, at least 0
     * @return this builder
     */
    public Builder column(int index) {
      this.columnIndex = Checks.atLeast(0, index, "column index");
      this.columnName = null;
      return this;
    }

    /**
     * Adds input columns, by header name, that the network sees at every time step beside the
     * target {@link #column}: for example {@code features("Open", "High", "Low", "Volume")} with
     * {@code column("Close")}. Each goes through the target's transform (or the
     * {@link #featureTransform}) and gets its own scaler fitted on the training part; the input
     * for predicting row {@code t} holds rows {@code t - window .. t - 1} of every column. Listing the target too is allowed (it is an input
     * once). A model with features predicts from a {@link SeriesFrame} and forecasts at most
     * {@code horizon} steps at once, since later steps would need future feature values.
     * Replaces features chosen by index; an empty array removes the features.
     *
     * @param names header names, each once, not blank
     * @return this builder
     */
    public Builder features(String... names) {
      Objects.requireNonNull(names, "features");
      List<String> list = List.of(names);
      ForecasterConfig.checkFeatures(list, List.of());
      this.featureNames = list;
      this.featureIndices = List.of();
      return this;
    }

    /**
     * Adds input columns by 0-based index, as {@link #features(String...)} does by name.
     *
     * @param indices column indices, each once, at least 0
     * @return this builder
     */
    public Builder features(int... indices) {
      Objects.requireNonNull(indices, "features");
      List<Integer> list = java.util.Arrays.stream(indices).boxed().toList();
      ForecasterConfig.checkFeatures(List.of(), list);
      this.featureIndices = list;
      this.featureNames = List.of();
      return this;
    }

    /**
     * Sets how feature columns are transformed before their scalers: {@code AUTO} (the default)
     * exactly like the target, or a fixed transform. Use {@code LEVELS} for features whose level
     * carries the signal and stays in the training range (a rate, a temperature, a calendar
     * flag), {@code DIFFERENCES} or {@code LOG_RETURNS} for trending ones such as other prices.
     *
     * @param transform {@code AUTO}, {@code LEVELS}, {@code DIFFERENCES} or {@code LOG_RETURNS}
     * @return this builder
     */
    public Builder featureTransform(TargetTransform transform) {
      ForecasterConfig.checkFeatureTransform(transform);
      this.featureTransform = transform;
      return this;
    }

    /**
     * @param fraction share of the series, from its end, held out for validation: at least 0, below 1
     * @return this builder
     */
    public Builder validationFraction(double fraction) {
      this.validationFraction = Checks.fromUntil(0.0, 1.0, fraction, "validationFraction");
      return this;
    }

    /**
     * @param transform what the network sees and predicts
     * @return this builder
     */
    public Builder transform(TargetTransform transform) {
      this.transform = Objects.requireNonNull(transform, "transform");
      return this;
    }

    /**
     * Trains the network to output {@code horizon} values at once (direct multi-step forecasting):
     * {@link SeriesForecaster#forecast} then takes up to {@code horizon} steps from one network
     * call instead of feeding predictions back.
     *
     * @param horizon values per network output, at least 1 (default 1: one-step training)
     * @return this builder
     */
    public Builder horizon(int horizon) {
      this.horizon = Checks.atLeast(1, horizon, "horizon");
      return this;
    }

    /**
     * @param season season length in steps, e.g. 12 for monthly data with a yearly cycle; 0 (the
     *     default) for none, otherwise at least 2
     * @return this builder
     */
    public Builder season(int season) {
      Checks.atLeast(0, season, "season");
      if (season == 1) {
        throw new IllegalArgumentException("season must be 0 (none) or >= 2, was 1");
      }
      this.season = season;
      return this;
    }

    /**
     * @param patience epochs without improvement of the validation loss before training stops and
     *     the best epoch's network is kept; 0 turns early stopping off
     * @return this builder
     */
    public Builder patience(int patience) {
      this.patience = Checks.atLeast(0, patience, "patience");
      return this;
    }

    /**
     * @param shrink whether to shrink predicted changes toward the no-change forecast by a factor
     *     fitted on the validation part (default true)
     * @return this builder
     */
    public Builder shrink(boolean shrink) {
      this.shrink = shrink;
      return this;
    }

    /**
     * Names an ISO date/time column ({@code 2020-01-31}, {@code 2020-01}, {@code 2020-01-31T09:30},
     * {@code 2020-01-31 09:30:00}, with or without offset). Its rows must strictly increase, and
     * {@link SeriesForecaster#forecast(Path, int)} stamps forecasts with the following times.
     *
     * @param name the header name, not blank
     * @return this builder
     */
    public Builder dateColumn(String name) {
      Objects.requireNonNull(name, "dateColumn");
      if (name.isBlank()) {
        throw new IllegalArgumentException("dateColumn must not be blank, was '" + name + "'");
      }
      this.dateColumn = name;
      return this;
    }

    /**
     * @param frequency ISO-8601 spacing of the timestamps such as {@code P1D}, {@code P1M} or
     *     {@code PT30M}; without it the median spacing of the training data is used
     * @return this builder
     */
    public Builder frequency(String frequency) {
      io.github.seriesforecaster.data.TimeStep.parse(frequency);
      this.frequency = frequency;
      return this;
    }

    /**
     * @param lstm the LSTM layer implementation: {@code FAST} (default) or DL4J's {@code STANDARD}
     * @return this builder
     */
    public Builder lstm(LstmImplementation lstm) {
      this.lstm = Objects.requireNonNull(lstm, "lstm");
      return this;
    }

    /**
     * @param policy what to do with empty, {@code NA} or {@code NaN} cells
     * @return this builder
     */
    public Builder missingValues(MissingValues policy) {
      this.missingValues = Objects.requireNonNull(policy, "missingValues");
      return this;
    }

    /**
     * @param delimiter CSV field separator, e.g. {@code ';'}; not a quote or line break
     * @return this builder
     */
    public Builder delimiter(char delimiter) {
      this.delimiter = delimiter;
      return this;
    }

    /**
     * @param threads ND4J threads, at least 1; a process-wide ND4J setting applied by fit and load
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = Checks.atLeast(1, threads, "threads");
      return this;
    }

    /**
     * Sets how many independent fits one call may run at once: the transform candidates of
     * {@code AUTO}, backtest folds, the series of a set fitted one model each. Each fit runs on
     * {@link #threads(int)} ND4J threads (one by default), so results are bit-identical for every
     * value; the default uses every available processor.
     *
     * @param parallelism fits at once, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code parallelism < 1}
     */
    public Builder parallelism(int parallelism) {
      this.parallelism = Checks.atLeast(1, parallelism, "parallelism");
      return this;
    }

    /**
     * Sets how many networks the final model averages: trained on the same windows with seeds
     * {@code seed}, {@code seed + 1}, ..., and merged into one network whose output is their mean,
     * so the model is still one file. Costs one more training per member.
     *
     * @param ensemble networks, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code ensemble < 1}
     */
    public Builder ensemble(int ensemble) {
      this.ensemble = Checks.atLeast(1, ensemble, "ensemble");
      return this;
    }

    /**
     * Sets how many steps ahead you will forecast, so that {@code AUTO} chooses its transform or
     * seasonal baseline by the validation error of forecasts 1 to {@code steps} ahead instead of
     * one step ahead. 0 (the default) means {@code horizon}.
     *
     * @param steps steps ahead, at least 0
     * @return this builder
     * @throws IllegalArgumentException if {@code steps < 0}
     */
    public Builder forecastHorizon(int steps) {
      this.forecastHorizon = Checks.atLeast(0, steps, "forecastHorizon");
      return this;
    }

    /**
     * Sets who is told about each training epoch. Not part of the configuration: it is not saved.
     *
     * @param listener called after every epoch of every fit
     * @return this builder
     */
    public Builder listener(EpochListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * @return the configuration, validated as a whole
     * @throws IllegalArgumentException if a value or a combination is invalid
     */
    public ForecasterConfig config() {
      return new ForecasterConfig(window, hidden, layers, epochs, learningRate, batchSize, seed,
          columnName, columnIndex, validationFraction, transform, horizon, season, patience, shrink,
          dateColumn, frequency, lstm, missingValues, delimiter, threads, featureNames,
          featureIndices, featureTransform, parallelism, ensemble, forecastHorizon);
    }

    /**
     * @return an unfitted forecaster with these settings
     * @throws IllegalArgumentException if a value or a combination is invalid
     */
    public SeriesForecaster build() {
      return new SeriesForecaster(config(), listener, null);
    }
  }
}
