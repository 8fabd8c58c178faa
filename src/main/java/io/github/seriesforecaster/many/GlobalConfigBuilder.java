package io.github.seriesforecaster.many;

import io.github.seriesforecaster.Checks;
import java.util.Objects;

/**
 * The settings a {@link GlobalConfig} is built from, collected one at a time: the common part of
 * {@link GlobalConfig.Builder} and {@link GlobalForecaster.Builder}, so each setting and its check
 * are written once. Each setter checks its value at once; {@link #config()} resolves the defaults
 * that depend on other settings and checks the combinations. Repeated calls keep the last value.
 * Defaults are the {@code DEFAULT_*} constants of {@link GlobalConfig}. A null argument throws
 * {@code NullPointerException}.
 *
 * @param <B> the concrete builder, which every setter returns for chaining
 */
public abstract class GlobalConfigBuilder<B extends GlobalConfigBuilder<B>> {
  private int window;
  private int valuesPerStep;
  private int hidden = GlobalConfig.DEFAULT_HIDDEN;
  private int layers = GlobalConfig.DEFAULT_LAYERS;
  private int epochs = GlobalConfig.DEFAULT_EPOCHS;
  private double learningRate = GlobalConfig.DEFAULT_LEARNING_RATE;
  private int batchSize = GlobalConfig.DEFAULT_BATCH_SIZE;
  private int windowsPerSeries = GlobalConfig.DEFAULT_WINDOWS_PER_SERIES;
  private long seed = GlobalConfig.DEFAULT_SEED;
  private int season = GlobalConfig.DEFAULT_SEASON;
  private int horizon = GlobalConfig.DEFAULT_HORIZON;
  private int validation = -1;
  private int patience = GlobalConfig.DEFAULT_PATIENCE;
  private TrainingLoss loss = GlobalConfig.DEFAULT_LOSS;
  private Normalization normalization = GlobalConfig.DEFAULT_NORMALIZATION;
  private int ensemble = GlobalConfig.DEFAULT_ENSEMBLE;
  private int snapshots = GlobalConfig.DEFAULT_SNAPSHOTS;
  private int threads = GlobalConfig.DEFAULT_THREADS;

  GlobalConfigBuilder() {}

  GlobalConfigBuilder(GlobalConfig config) {
    window = config.window();
    valuesPerStep = config.valuesPerStep();
    hidden = config.hidden();
    layers = config.layers();
    epochs = config.epochs();
    learningRate = config.learningRate();
    batchSize = config.batchSize();
    windowsPerSeries = config.windowsPerSeries();
    seed = config.seed();
    season = config.season();
    horizon = config.horizon();
    validation = config.validation();
    patience = config.patience();
    loss = config.loss();
    normalization = config.normalization();
    ensemble = config.ensemble();
    snapshots = config.snapshots();
    threads = config.threads();
  }

  /**
   * @param window past values per forecast, at least 1; default {@code 7 × season} with a
   *     season, else {@value GlobalConfig#DEFAULT_WINDOW}
   * @return this builder
   * @throws IllegalArgumentException if {@code window < 1}
   */
  public B window(int window) {
    this.window = Checks.atLeast(1, window, "window");
    return self();
  }

  /**
   * @param valuesPerStep values the LSTM reads per time step, at least 1; the window must be a
   *     multiple of it. Default: the season when the window is a multiple of it, else 1
   * @return this builder
   * @throws IllegalArgumentException if {@code valuesPerStep < 1}
   */
  public B valuesPerStep(int valuesPerStep) {
    this.valuesPerStep = Checks.atLeast(1, valuesPerStep, "valuesPerStep");
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
   * @param epochs most epochs, at least 1; one epoch is {@code windowsPerSeries} windows from
   *     every series
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
   * @param batchSize windows per mini-batch, at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code batchSize < 1}
   */
  public B batchSize(int batchSize) {
    this.batchSize = Checks.atLeast(1, batchSize, "batchSize");
    return self();
  }

  /**
   * @param windowsPerSeries training windows drawn at random from every series per epoch, at
   *     least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code windowsPerSeries < 1}
   */
  public B windowsPerSeries(int windowsPerSeries) {
    this.windowsPerSeries = Checks.atLeast(1, windowsPerSeries, "windowsPerSeries");
    return self();
  }

  /**
   * @param seed weights, window sampling and batch order
   * @return this builder
   */
  public B seed(long seed) {
    this.seed = seed;
    return self();
  }

  /**
   * @param season cycle length in steps (24 for hourly data), or 0 for none
   * @return this builder
   * @throws IllegalArgumentException if {@code season} is negative or 1
   */
  public B season(int season) {
    this.season = Checks.season(season);
    return self();
  }

  /**
   * @param horizon values the network outputs at once, at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code horizon < 1}
   */
  public B horizon(int horizon) {
    this.horizon = Checks.atLeast(1, horizon, "horizon");
    return self();
  }

  /**
   * @param validation values held out from the end of every series for early stopping and the
   *     report, 0 for none; default: the horizon
   * @return this builder
   * @throws IllegalArgumentException if {@code validation < 0}
   */
  public B validation(int validation) {
    this.validation = Checks.atLeast(0, validation, "validation");
    return self();
  }

  /**
   * @param patience epochs without validation improvement before training stops and the best
   *     epoch's network is kept; 0 runs every epoch
   * @return this builder
   * @throws IllegalArgumentException if {@code patience < 0}
   */
  public B patience(int patience) {
    this.patience = Checks.atLeast(0, patience, "patience");
    return self();
  }

  /**
   * @param loss what the network minimises
   * @return this builder
   */
  public B loss(TrainingLoss loss) {
    this.loss = Objects.requireNonNull(loss, "loss");
    return self();
  }

  /**
   * @param normalization how windows are scaled
   * @return this builder
   */
  public B normalization(Normalization normalization) {
    this.normalization = Objects.requireNonNull(normalization, "normalization");
    return self();
  }

  /**
   * @param ensemble networks trained with consecutive seeds and averaged, at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code ensemble < 1}
   */
  public B ensemble(int ensemble) {
    this.ensemble = Checks.atLeast(1, ensemble, "ensemble");
    return self();
  }

  /**
   * @param snapshots networks kept per ensemble member: those of the best {@code snapshots}
   *     epochs on the validation part, their forecasts averaged; at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code snapshots < 1}
   */
  public B snapshots(int snapshots) {
    this.snapshots = Checks.atLeast(1, snapshots, "snapshots");
    return self();
  }

  /**
   * @param threads ND4J threads (process-wide), at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public B threads(int threads) {
    this.threads = Checks.atLeast(1, threads, "threads");
    return self();
  }

  /**
   * @return the configuration these settings describe, validated as a whole
   * @throws IllegalArgumentException if the window is not a multiple of {@code valuesPerStep}
   */
  public GlobalConfig config() {
    int resolvedWindow = window > 0 ? window
        : season >= 2 ? GlobalConfig.DEFAULT_WINDOW_SEASONS * season : GlobalConfig.DEFAULT_WINDOW;
    int resolvedWidth = valuesPerStep > 0 ? valuesPerStep
        : season >= 2 && resolvedWindow % season == 0 ? season : 1;
    return new GlobalConfig(resolvedWindow, resolvedWidth, hidden, layers, epochs, learningRate,
        batchSize, windowsPerSeries, seed, season, horizon,
        validation >= 0 ? validation : horizon, patience, loss, normalization, ensemble, snapshots, threads);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
