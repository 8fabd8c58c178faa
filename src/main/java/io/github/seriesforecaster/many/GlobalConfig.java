package io.github.seriesforecaster.many;

import io.github.seriesforecaster.Checks;
import java.io.Serializable;
import java.util.Objects;

/**
 * The immutable settings of a {@link GlobalForecaster}, as built by
 * {@link GlobalForecaster.Builder} or {@link GlobalConfig.Builder} and stored in its model files.
 * The compact constructor re-checks every value, so a configuration read back from a model file is
 * validated like one from the builder.
 *
 * @param window past values per forecast (the input window), at least 1; a multiple of
 *     {@code valuesPerStep}
 * @param valuesPerStep values the LSTM reads per time step: the window is fed as
 *     {@code window / valuesPerStep} steps of {@code valuesPerStep} values (one day per step for
 *     hourly data), at least 1
 * @param hidden LSTM units per layer, at least 1
 * @param layers stacked LSTM layers, at least 1
 * @param epochs most training epochs, at least 1; an epoch is {@code windowsPerSeries} windows
 *     sampled from every series
 * @param learningRate Adam's step size, strictly between 0 and 1
 * @param batchSize windows per mini-batch, at least 1
 * @param windowsPerSeries training windows sampled at random from each series per epoch, at least 1
 * @param seed weights, window sampling and batch order; the same seed gives the same model
 * @param season cycle length in steps (24 for hourly data), or 0 for none: sets the level
 *     (mean of the last season), the seasonal naive baseline and the MASE scale
 * @param horizon values the network outputs at once (direct multi-step forecast), at least 1
 * @param validation values held out from the end of every series for early stopping and the fit
 *     report, 0 for none (then all {@code epochs} run)
 * @param patience epochs without improvement on the validation part before training stops and the
 *     best epoch's network is kept, 0 to run every epoch
 * @param loss what the network minimises
 * @param normalization how windows are scaled
 * @param ensemble networks trained with seeds {@code seed, seed + 1, …} whose forecasts are
 *     averaged, at least 1
 * @param snapshots networks kept per ensemble member: the best {@code snapshots} epochs by
 *     validation score, whose forecasts are averaged with the others (an ensemble at no extra
 *     training cost), at least 1; without a validation part only the last epoch is kept
 * @param threads ND4J/OpenMP/BLAS threads while fitting and forecasting (process-wide), at least 1
 * @serial exclude (a record is serialized as its components, documented above)
 */
public record GlobalConfig(
    int window,
    int valuesPerStep,
    int hidden,
    int layers,
    int epochs,
    double learningRate,
    int batchSize,
    int windowsPerSeries,
    long seed,
    int season,
    int horizon,
    int validation,
    int patience,
    TrainingLoss loss,
    Normalization normalization,
    int ensemble,
    int snapshots,
    int threads) implements Serializable {

  /** Default {@code window} in seasons, when a season is set: one week of hourly data. */
  public static final int DEFAULT_WINDOW_SEASONS = 7;
  /** Default {@code window} without a season. */
  public static final int DEFAULT_WINDOW = 24;
  /** Default {@code hidden}. */
  public static final int DEFAULT_HIDDEN = 64;
  /** Default {@code layers}. */
  public static final int DEFAULT_LAYERS = 1;
  /** Default {@code epochs}. */
  public static final int DEFAULT_EPOCHS = 40;
  /** Default {@code learningRate}. */
  public static final double DEFAULT_LEARNING_RATE = 0.003;
  /** Default {@code batchSize}. */
  public static final int DEFAULT_BATCH_SIZE = 256;
  /** Default {@code windowsPerSeries}. */
  public static final int DEFAULT_WINDOWS_PER_SERIES = 64;
  /** Default {@code seed}. */
  public static final long DEFAULT_SEED = 42L;
  /** Default {@code season}: none. */
  public static final int DEFAULT_SEASON = 0;
  /** Default {@code horizon}. */
  public static final int DEFAULT_HORIZON = 1;
  /** Default {@code patience}. */
  public static final int DEFAULT_PATIENCE = 8;
  /** Default {@code loss}. */
  public static final TrainingLoss DEFAULT_LOSS = TrainingLoss.MAE;
  /** Default {@code normalization}. */
  public static final Normalization DEFAULT_NORMALIZATION = Normalization.AUTO;
  /** Default {@code ensemble}: one network. */
  public static final int DEFAULT_ENSEMBLE = 1;
  /** Default {@code snapshots}. */
  public static final int DEFAULT_SNAPSHOTS = 5;
  /** Default {@code threads}. */
  public static final int DEFAULT_THREADS = 1;

  /**
   * Validates every value; see the parameter descriptions for the rules.
   *
   * @param window see {@link #window()}
   * @param valuesPerStep see {@link #valuesPerStep()}
   * @param hidden see {@link #hidden()}
   * @param layers see {@link #layers()}
   * @param epochs see {@link #epochs()}
   * @param learningRate see {@link #learningRate()}
   * @param batchSize see {@link #batchSize()}
   * @param windowsPerSeries see {@link #windowsPerSeries()}
   * @param seed see {@link #seed()}
   * @param season see {@link #season()}
   * @param horizon see {@link #horizon()}
   * @param validation see {@link #validation()}
   * @param patience see {@link #patience()}
   * @param loss see {@link #loss()}
   * @param normalization see {@link #normalization()}
   * @param ensemble see {@link #ensemble()}
   * @param snapshots see {@link #snapshots()}
   * @param threads see {@link #threads()}
   */
  public GlobalConfig {
    Checks.atLeast(1, window, "window");
    Checks.atLeast(1, valuesPerStep, "valuesPerStep");
    Checks.atLeast(1, hidden, "hidden");
    Checks.atLeast(1, layers, "layers");
    Checks.atLeast(1, epochs, "epochs");
    Checks.between(0.0, 1.0, learningRate, "learningRate");
    Checks.atLeast(1, batchSize, "batchSize");
    Checks.atLeast(1, windowsPerSeries, "windowsPerSeries");
    Checks.season(season);
    Checks.atLeast(1, horizon, "horizon");
    Checks.atLeast(0, validation, "validation");
    Checks.atLeast(0, patience, "patience");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(normalization, "normalization");
    Checks.atLeast(1, ensemble, "ensemble");
    Checks.atLeast(1, snapshots, "snapshots");
    Checks.atLeast(1, threads, "threads");
    if (window % valuesPerStep != 0) {
      throw new IllegalArgumentException("window " + window + " must be a multiple of valuesPerStep "
          + valuesPerStep + "; the window is fed as whole steps of valuesPerStep values");
    }
  }

  /** @return the LSTM's time steps per window */
  public int steps() {
    return window / valuesPerStep;
  }

  /** @return the values a series needs to be forecast from: {@code window} */
  public int minimumHistory() {
    return window;
  }

  /**
   * @return the values every series of a training set needs: one window and one horizon of
   *     targets, plus the validation part
   */
  public int minimumSeriesLength() {
    return window + horizon + validation;
  }

  /** @return the lag of the seasonal naive forecast and of the MASE scale: {@code season}, or 1 */
  public int seasonLag() {
    return Math.max(1, season);
  }

  /**
   * @return a builder with every setting at its default, for a configuration without a forecaster
   *     (see {@link GlobalForecaster#builder()} for one with)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Derives a variant: {@code config.toBuilder().hidden(32).config()}. For a forecaster with these
   * settings, use {@link GlobalForecaster#builder(GlobalConfig)}.
   *
   * @return a builder holding these settings
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Collects the settings of a configuration without a forecaster; {@link #config()} builds it.
   * The setters are those of {@link GlobalForecaster.Builder}.
   */
  public static final class Builder extends GlobalConfigBuilder<Builder> {
    Builder() {}

    Builder(GlobalConfig config) {
      super(config);
    }
  }
}
