package io.github.seriesforecaster;

import java.util.Objects;

/**
 * The network and training settings that every configuration of this library has, the one of a
 * single series ({@link ForecasterConfig}, through {@link ConfigBuilder}) and the one of a global
 * model over many series ({@link io.github.seriesforecaster.many.GlobalConfig}, through
 * {@link io.github.seriesforecaster.many.GlobalConfigBuilder}): each of these settings and its
 * check are written once, here. Each setter checks its value at once; repeated calls keep the
 * last value. Only the library's builders extend this class.
 *
 * @param <B> the concrete builder, which every setter returns for chaining
 */
public abstract class NetworkSettings<B extends NetworkSettings<B>> {
  private int hidden;
  private int layers;
  private int epochs;
  private double learningRate;
  private int batchSize;
  private long seed;
  private int season;
  private int horizon;
  private int patience;
  private int ensemble;
  private int threads;

  /**
   * Starts from given values: a configuration's, or a builder's defaults.
   *
   * @param values the settings to start from
   * @throws NullPointerException if {@code values} is null
   */
  protected NetworkSettings(Values values) {
    Objects.requireNonNull(values, "values");
    hidden = values.hidden();
    layers = values.layers();
    epochs = values.epochs();
    learningRate = values.learningRate();
    batchSize = values.batchSize();
    seed = values.seed();
    season = values.season();
    horizon = values.horizon();
    patience = values.patience();
    ensemble = values.ensemble();
    threads = values.threads();
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
   * @param epochs training epochs (at most, with early stopping), at least 1; what an epoch is
   *     depends on the configuration
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
   * @param seed seed for weights and batch order; equal seeds give bit-identical models on the CPU
   * @return this builder
   */
  public B seed(long seed) {
    this.seed = seed;
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
   * Sets how many networks the model averages, trained with seeds {@code seed}, {@code seed + 1},
   * ...; the model stays one file. Costs one more training per member.
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
   * @param threads ND4J threads, at least 1; a process-wide ND4J setting applied by fit and load
   * @return this builder
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public B threads(int threads) {
    this.threads = Checks.atLeast(1, threads, "threads");
    return self();
  }

  /** @return the settings collected so far, for the builder's {@code config()} */
  protected final Values network() {
    return new Values(hidden, layers, epochs, learningRate, batchSize, seed, season, horizon,
        patience, ensemble, threads);
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /**
   * The values of the settings of {@link NetworkSettings}, unchecked: the configuration built from
   * them checks them.
   *
   * @param hidden LSTM units per layer
   * @param layers stacked LSTM layers
   * @param epochs training epochs
   * @param learningRate Adam's step size
   * @param batchSize windows per mini-batch
   * @param seed seed for weights and batch order
   * @param season season length in steps, or 0 for none
   * @param horizon values the network outputs at once
   * @param patience epochs without improvement before training stops, 0 for none
   * @param ensemble networks averaged
   * @param threads ND4J threads
   */
  public record Values(int hidden, int layers, int epochs, double learningRate, int batchSize,
      long seed, int season, int horizon, int patience, int ensemble, int threads) {}
}
