package io.github.seriesforecaster;

import java.util.Objects;

/**
 * The settings a {@link ForecasterConfig} is built from, collected one at a time: the common part
 * of {@link ForecasterConfig.Builder} and {@link SeriesForecaster.Builder}, so each setting and its
 * check are written once. The columns read and how are set by the setters inherited from
 * {@link InputSettings}, the network and training by those of {@link NetworkSettings}. Each setter
 * checks its value at once (failing at the caller's line); {@link #config()} checks the
 * combinations. Repeated calls keep the last value. Defaults are the {@code DEFAULT_*} constants of
 * {@link ForecasterConfig}. A null argument throws {@code NullPointerException}.
 *
 * @param <B> the concrete builder, which every setter returns for chaining
 */
public abstract class ConfigBuilder<B extends ConfigBuilder<B>> extends InputSettings<B> {
  private static final Values DEFAULT_NETWORK = new Values(ForecasterConfig.DEFAULT_HIDDEN,
      ForecasterConfig.DEFAULT_LAYERS, ForecasterConfig.DEFAULT_EPOCHS,
      ForecasterConfig.DEFAULT_LEARNING_RATE, ForecasterConfig.DEFAULT_BATCH_SIZE,
      ForecasterConfig.DEFAULT_SEED, ForecasterConfig.DEFAULT_SEASON,
      ForecasterConfig.DEFAULT_HORIZON, ForecasterConfig.DEFAULT_PATIENCE,
      ForecasterConfig.DEFAULT_ENSEMBLE, ForecasterConfig.DEFAULT_THREADS);

  private int window = ForecasterConfig.DEFAULT_WINDOW;
  private double validationFraction = ForecasterConfig.DEFAULT_VALIDATION_FRACTION;
  private TargetTransform transform = ForecasterConfig.DEFAULT_TRANSFORM;
  private boolean shrink = ForecasterConfig.DEFAULT_SHRINK;
  private LstmImplementation lstm = ForecasterConfig.DEFAULT_LSTM;
  private int parallelism = ForecasterConfig.defaultParallelism();
  private int forecastHorizon = ForecasterConfig.DEFAULT_FORECAST_HORIZON;

  ConfigBuilder() {
    super(DEFAULT_NETWORK);
  }

  ConfigBuilder(ForecasterConfig config) {
    super(config);
    window = config.window();
    validationFraction = config.validationFraction();
    transform = config.transform();
    shrink = config.shrink();
    lstm = config.lstm();
    parallelism = config.parallelism();
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
   * Sets how many independent fits one call may run at once (transform candidates, backtest folds,
   * the series of a set). Each fit runs on {@link #threads(int)} ND4J threads, so results are
   * bit-identical for every value; the default uses every available processor. Nested work shares
   * it: backtest folds or series fitted at once divide the parallelism between them, so a fold's
   * own candidate fits do not add threads beyond it.
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
    Values n = network();
    return new ForecasterConfig(window, n.hidden(), n.layers(), n.epochs(), n.learningRate(),
        n.batchSize(), n.seed(), columnName, columnIndex, validationFraction, transform,
        n.horizon(), n.season(), n.patience(), shrink, dateColumn, frequency, lstm, missingValues,
        delimiter, n.threads(), featureNames, featureIndices, featureTransform, parallelism,
        n.ensemble(), forecastHorizon);
  }
}
