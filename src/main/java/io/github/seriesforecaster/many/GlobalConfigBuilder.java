package io.github.seriesforecaster.many;

import io.github.seriesforecaster.Checks;
import io.github.seriesforecaster.NetworkSettings;
import java.util.Objects;

/**
 * The settings a {@link GlobalConfig} is built from, collected one at a time: the common part of
 * {@link GlobalConfig.Builder} and {@link GlobalForecaster.Builder}, so each setting and its check
 * are written once (the network and training settings every configuration has are inherited
 * from {@link NetworkSettings}). Each setter checks its value at once; {@link #config()} resolves
 * the defaults that depend on other settings and checks the combinations. Repeated calls keep the
 * last value. Defaults are the {@code DEFAULT_*} constants of {@link GlobalConfig}. A null
 * argument throws {@code NullPointerException}.
 *
 * @param <B> the concrete builder, which every setter returns for chaining
 */
public abstract class GlobalConfigBuilder<B extends GlobalConfigBuilder<B>>
    extends NetworkSettings<B> {
  private static final Values DEFAULT_NETWORK = new Values(GlobalConfig.DEFAULT_HIDDEN,
      GlobalConfig.DEFAULT_LAYERS, GlobalConfig.DEFAULT_EPOCHS, GlobalConfig.DEFAULT_LEARNING_RATE,
      GlobalConfig.DEFAULT_BATCH_SIZE, GlobalConfig.DEFAULT_SEED, GlobalConfig.DEFAULT_SEASON,
      GlobalConfig.DEFAULT_HORIZON, GlobalConfig.DEFAULT_PATIENCE, GlobalConfig.DEFAULT_ENSEMBLE,
      GlobalConfig.DEFAULT_THREADS);
  private int window;
  private int valuesPerStep;
  private int windowsPerSeries = GlobalConfig.DEFAULT_WINDOWS_PER_SERIES;
  private int validation = -1;
  private TrainingLoss loss = GlobalConfig.DEFAULT_LOSS;
  private Normalization normalization = GlobalConfig.DEFAULT_NORMALIZATION;
  private int snapshots = GlobalConfig.DEFAULT_SNAPSHOTS;

  GlobalConfigBuilder() {
    super(DEFAULT_NETWORK);
  }

  GlobalConfigBuilder(GlobalConfig config) {
    super(new Values(config.hidden(), config.layers(), config.epochs(), config.learningRate(),
        config.batchSize(), config.seed(), config.season(), config.horizon(), config.patience(),
        config.ensemble(), config.threads()));
    window = config.window();
    valuesPerStep = config.valuesPerStep();
    windowsPerSeries = config.windowsPerSeries();
    validation = config.validation();
    loss = config.loss();
    normalization = config.normalization();
    snapshots = config.snapshots();
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
   * @return the configuration these settings describe, validated as a whole
   * @throws IllegalArgumentException if the window is not a multiple of {@code valuesPerStep}
   */
  public GlobalConfig config() {
    Values n = network();
    int season = n.season();
    int resolvedWindow = window > 0 ? window
        : season >= 2 ? GlobalConfig.DEFAULT_WINDOW_SEASONS * season : GlobalConfig.DEFAULT_WINDOW;
    int resolvedWidth = valuesPerStep > 0 ? valuesPerStep
        : season >= 2 && resolvedWindow % season == 0 ? season : 1;
    return new GlobalConfig(resolvedWindow, resolvedWidth, n.hidden(), n.layers(), n.epochs(),
        n.learningRate(), n.batchSize(), windowsPerSeries, n.seed(), season, n.horizon(),
        validation >= 0 ? validation : n.horizon(), n.patience(), loss, normalization,
        n.ensemble(), snapshots, n.threads());
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
