package io.github.seriesforecaster;

import java.util.Objects;

/**
 * The settings a {@link ForecasterConfig} is built from, collected one at a time: the common part
 * of {@link ForecasterConfig.Builder} and {@link SeriesForecaster.Builder}, so each setting and its
 * check are written once. This class holds the network and training settings; the columns read
 * and how are set by the setters inherited from {@link InputSettings}. Each setter checks its value at once (failing at the caller's line);
 * {@link #config()} checks the combinations. Repeated calls keep the last value. Defaults are the
 * {@code DEFAULT_*} constants of {@link ForecasterConfig}. A null argument throws
 * {@code NullPointerException}.
 *
 * @param <B> the concrete builder, which every setter returns for chaining
 */
public abstract class ConfigBuilder<B extends ConfigBuilder<B>> extends InputSettings<B> {
  private int window = ForecasterConfig.DEFAULT_WINDOW;
  private int hidden = ForecasterConfig.DEFAULT_HIDDEN;
  private int layers = ForecasterConfig.DEFAULT_LAYERS;
  private int epochs = ForecasterConfig.DEFAULT_EPOCHS;
  private double learningRate = ForecasterConfig.DEFAULT_LEARNING_RATE;
  private int batchSize = ForecasterConfig.DEFAULT_BATCH_SIZE;
  private long seed = ForecasterConfig.DEFAULT_SEED;
  private double validationFraction = ForecasterConfig.DEFAULT_VALIDATION_FRACTION;
  private TargetTransform transform = ForecasterConfig.DEFAULT_TRANSFORM;
  private int horizon = ForecasterConfig.DEFAULT_HORIZON;
  private int season = ForecasterConfig.DEFAULT_SEASON;
  private int patience = ForecasterConfig.DEFAULT_PATIENCE;
  private boolean shrink = ForecasterConfig.DEFAULT_SHRINK;
  private LstmImplementation lstm = ForecasterConfig.DEFAULT_LSTM;
  private int threads = ForecasterConfig.DEFAULT_THREADS;
  private int parallelism = ForecasterConfig.defaultParallelism();
  private int ensemble = ForecasterConfig.DEFAULT_ENSEMBLE;
  private int forecastHorizon = ForecasterConfig.DEFAULT_FORECAST_HORIZON;

  ConfigBuilder() {}

  ConfigBuilder(ForecasterConfig config) {
    super(config);
    window = config.window();
    hidden = config.hidden();
    layers = config.layers();
    epochs = config.epochs();
    learningRate = config.learningRate();
    batchSize = config.batchSize();
    seed = config.seed();
    validationFraction = config.validationFraction();
    transform = config.transform();
    horizon = config.horizon();
    season = config.season();
    patience = config.patience();
    shrink = config.shrink();
    lstm = config.lstm();
    threads = config.threads();
    parallelism = config.parallelism();
    ensemble = config.ensemble();
    forecastHorizon = config.forecastHorizon();
  }

  /**
   * @param window past observations per prediction (the LSTM's time steps), at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code window < 1}
   */
  public B window(int window) {
    this.window = Checks.atLeast(1, window, "window");
    return self();
  }

  /**
   * @param hidden LSTM units per layer, at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code hidden < 1}
   */
  public B hidden(int hidden) {
    this.hidden = Checks.atLeast(1, hidden, "hidden");
    return self();
  }

  /**
   * @param layers stacked LSTM layers, at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code layers < 1}
   */
  public B layers(int layers) {
    this.layers = Checks.atLeast(1, layers, "layers");
    return self();
  }

  /**
   * @param epochs passes over the training windows, at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code epochs < 1}
   */
  public B epochs(int epochs) {
    this.epochs = Checks.atLeast(1, epochs, "epochs");
    return self();
  }

  /**
   * @param learningRate Adam's step size, strictly between 0 and 1
   * @return this builder
   * @throws IllegalArgumentException unless {@code 0 < learningRate < 1}
   */
  public B learningRate(double learningRate) {
    this.learningRate = Checks.between(0.0, 1.0, learningRate, "learningRate");
    return self();
  }

  /**
   * @param batchSize training windows per mini-batch, at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code batchSize < 1}
   */
  public B batchSize(int batchSize) {
    this.batchSize = Checks.atLeast(1, batchSize, "batchSize");
    return self();
  }

  /**
   * @param seed seed for weights and batch order; equal seeds give bit-identical models on the CPU
   * @return this builder
   */
  public B seed(long seed) {
    this.seed = seed;
    return self();
  }






  /**
   * @param fraction share of the series, from its end, held out for validation: at least 0, below 1
   * @return this builder
   * @throws IllegalArgumentException unless {@code 0 <= fraction < 1}
   */
  public B validationFraction(double fraction) {
    this.validationFraction = Checks.fromUntil(0.0, 1.0, fraction, "validationFraction");
    return self();
  }

  /**
   * @param transform what the network sees and predicts
   * @return this builder
   */
  public B transform(TargetTransform transform) {
    this.transform = Objects.requireNonNull(transform, "transform");
    return self();
  }

  /**
   * Trains the network to output {@code horizon} values at once (direct multi-step forecasting):
   * a forecast then takes up to {@code horizon} steps from one network call instead of feeding
   * predictions back.
   *
   * @param horizon values per network output, at least 1 (default 1: one-step training)
   * @return this builder
   * @throws IllegalArgumentException if {@code horizon < 1}
   */
  public B horizon(int horizon) {
    this.horizon = Checks.atLeast(1, horizon, "horizon");
    return self();
  }

  /**
   * @param season season length in steps, e.g. 12 for monthly data with a yearly cycle; 0 (the
   *     default) for none, otherwise at least 2
   * @return this builder
   * @throws IllegalArgumentException if {@code season} is negative or 1
   */
  public B season(int season) {
    this.season = Checks.season(season);
    return self();
  }

  /**
   * @param patience epochs without improvement of the validation loss before training stops and
   *     the best epoch's network is kept; 0 turns early stopping off
   * @return this builder
   * @throws IllegalArgumentException if {@code patience < 0}
   */
  public B patience(int patience) {
    this.patience = Checks.atLeast(0, patience, "patience");
    return self();
  }

  /**
   * @param shrink whether to shrink predicted changes toward the no-change forecast by a factor
   *     fitted on the validation part (default true)
   * @return this builder
   */
  public B shrink(boolean shrink) {
    this.shrink = shrink;
    return self();
  }



  /**
   * @param lstm the LSTM layer implementation: {@code FAST} (default) or DL4J's {@code STANDARD}
   * @return this builder
   */
  public B lstm(LstmImplementation lstm) {
    this.lstm = Objects.requireNonNull(lstm, "lstm");
    return self();
  }



  /**
   * @param threads ND4J threads, at least 1; a process-wide ND4J setting applied by fit and load
   * @return this builder
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public B threads(int threads) {
    this.threads = Checks.atLeast(1, threads, "threads");
    return self();
  }

  /**
   * Sets how many independent fits one call may run at once (transform candidates, backtest folds,
   * the series of a set). Each fit runs on {@link #threads(int)} ND4J threads, so results are
   * bit-identical for every value; the default uses every available processor.
   *
   * @param parallelism fits at once, at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code parallelism < 1}
   */
  public B parallelism(int parallelism) {
    this.parallelism = Checks.atLeast(1, parallelism, "parallelism");
    return self();
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
  public B ensemble(int ensemble) {
    this.ensemble = Checks.atLeast(1, ensemble, "ensemble");
    return self();
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
  public B forecastHorizon(int steps) {
    this.forecastHorizon = Checks.atLeast(0, steps, "forecastHorizon");
    return self();
  }

  /**
   * @return the configuration, validated as a whole
   * @throws IllegalArgumentException if a combination of values is invalid (see
   *     {@link ForecasterConfig})
   */
  public ForecasterConfig config() {
    return new ForecasterConfig(window, hidden, layers, epochs, learningRate, batchSize, seed,
        columnName, columnIndex, validationFraction, transform, horizon, season, patience, shrink,
        dateColumn, frequency, lstm, missingValues, delimiter, threads, featureNames,
        featureIndices, featureTransform, parallelism, ensemble, forecastHorizon);
  }
}
