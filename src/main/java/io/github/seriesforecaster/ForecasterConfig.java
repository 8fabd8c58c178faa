package io.github.seriesforecaster;

import io.github.seriesforecaster.internal.data.TimeStep;
import io.github.seriesforecaster.internal.data.TransformCodec;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The immutable settings of a {@link SeriesForecaster}, as built by {@link SeriesForecaster.Builder}
 * or {@link ForecasterConfig.Builder} and stored in every model file. The compact constructor
 * re-checks every value, so a configuration read back from a model file is validated exactly like
 * one from the builder. The setters of {@link ConfigBuilder} explain each setting at length.
 *
 * @param window past observations per prediction (the LSTM's time steps), at least 1
 * @param hidden LSTM units per layer, at least 1
 * @param layers stacked LSTM layers, at least 1
 * @param epochs passes over the training windows, at least 1
 * @param learningRate Adam's step size, strictly between 0 and 1
 * @param batchSize training windows per mini-batch, at least 1
 * @param seed seed for weights and mini-batch order; equal seeds give bit-identical models on CPU
 * @param columnName header name of the value column, or {@code null} when chosen by index
 * @param columnIndex 0-based index of the value column, or -1 when chosen by name; both unset
 *     ({@code null} and -1) means the last column
 * @param validationFraction share of the series, from its end, held out for validation: [0, 1)
 * @param transform what the network sees and predicts
 * @param horizon values the network outputs at once (direct multi-step forecasting); 1 trains
 *     one-step forecasts only. Above 1 it needs {@code LEVELS}, {@code DIFFERENCES},
 *     {@code LOG_RETURNS} or {@code AUTO} (then first differences)
 * @param season season length in steps (12 for monthly data with a yearly cycle), or 0 for none
 * @param patience epochs without improvement of the validation loss before training stops early
 *     and the best epoch's network is kept; 0 trains all {@code epochs} and keeps the last
 * @param shrink whether to shrink predicted changes toward the transform's no-change forecast by a
 *     factor fitted on the validation part, so a model without skill falls back to that forecast
 * @param dateColumn header name of an ISO date/time column whose rows must increase, or
 *     {@code null} for none
 * @param frequency ISO-8601 spacing of the timestamps ({@code P1D}, {@code P1M}, {@code PT30M}), or
 *     {@code null} to infer it from the training data's median spacing
 * @param lstm which LSTM layer implementation the network uses
 * @param missingValues what to do with empty, {@code NA} or {@code NaN} cells
 * @param delimiter CSV field separator
 * @param threads ND4J threads while fitting and predicting (process-wide), at least 1
 * @param featureNames header names of further input columns the network sees beside the target,
 *     or empty; never both these and {@code featureIndices}
 * @param featureIndices 0-based indices of further input columns, or empty
 * @param featureTransform how feature columns are transformed before scaling ({@code AUTO}: like
 *     the target)
 * @param parallelism independent fits a call may run at once, at least 1 (results are the same
 *     for every value)
 * @param ensemble networks averaged in the final model (merged into one network), at least 1
 * @param forecastHorizon steps ahead the fit chooses its candidate for, at least 0; 0 means
 *     {@code horizon}
 * @serial exclude (a record is serialized as its components, documented above; without this tag
 *     doclint would ask for a comment on each component's private field)
 */
public record ForecasterConfig(
    int window,
    int hidden,
    int layers,
    int epochs,
    double learningRate,
    int batchSize,
    long seed,
    String columnName,
    int columnIndex,
    double validationFraction,
    TargetTransform transform,
    int horizon,
    int season,
    int patience,
    boolean shrink,
    String dateColumn,
    String frequency,
    LstmImplementation lstm,
    MissingValues missingValues,
    char delimiter,
    int threads,
    List<String> featureNames,
    List<Integer> featureIndices,
    TargetTransform featureTransform,
    int parallelism,
    int ensemble,
    int forecastHorizon) implements Serializable {

  /** Default {@code window}. */
  public static final int DEFAULT_WINDOW = 12;
  /** Default {@code hidden}. */
  public static final int DEFAULT_HIDDEN = 16;
  /** Default {@code layers}. */
  public static final int DEFAULT_LAYERS = 1;
  /** Default {@code epochs}. */
  public static final int DEFAULT_EPOCHS = 300;
  /** Default {@code learningRate}, the tutorial's. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;
  /**
   * Default {@code batchSize}: most series train in one full batch per epoch (DL4J's fixed cost
   * per {@code fit} call makes small batches up to 20 times slower on small networks).
   */
  public static final int DEFAULT_BATCH_SIZE = 512;
  /** Default {@code seed}. */
  public static final long DEFAULT_SEED = 42L;
  /** Default {@code validationFraction}: the last 30% of the series. */
  public static final double DEFAULT_VALIDATION_FRACTION = 0.3;
  /** Default {@code transform}. */
  public static final TargetTransform DEFAULT_TRANSFORM = TargetTransform.AUTO;
  /** Default {@code horizon}: one-step training. */
  public static final int DEFAULT_HORIZON = 1;
  /** Default {@code season}: none. */
  public static final int DEFAULT_SEASON = 0;
  /** Default {@code patience}. */
  public static final int DEFAULT_PATIENCE = 30;
  /** Default {@code shrink}. */
  public static final boolean DEFAULT_SHRINK = true;
  /** Default {@code lstm}. */
  public static final LstmImplementation DEFAULT_LSTM = LstmImplementation.FAST;
  /** Default {@code missingValues}. */
  public static final MissingValues DEFAULT_MISSING_VALUES = MissingValues.DROP;
  /** Default {@code delimiter}. */
  public static final char DEFAULT_DELIMITER = ',';
  /** Default {@code featureTransform}: feature columns are transformed like the target. */
  public static final TargetTransform DEFAULT_FEATURE_TRANSFORM = TargetTransform.AUTO;
  /**
   * Default {@code threads}: one. On a 2-core machine a small LSTM trains several times faster on
   * one ND4J thread than on two, because per-operation synchronisation outweighs the arithmetic.
   */
  public static final int DEFAULT_THREADS = 1;

  /** Default {@code ensemble}: one network (see docs/quality.md for the measured trade-off). */
  public static final int DEFAULT_ENSEMBLE = 1;
  /** Default {@code forecastHorizon}: 0, the same as {@code horizon}. */
  public static final int DEFAULT_FORECAST_HORIZON = 0;

  /**
   * Default {@code parallelism}: the processors available to this JVM, so independent fits use
   * every core while each fit stays on one ND4J thread.
   *
   * @return the number of available processors, at least 1
   */
  public static int defaultParallelism() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Validates every value; see the parameter descriptions for the rules.
   *
   * @param window see {@link #window()}
   * @param hidden see {@link #hidden()}
   * @param layers see {@link #layers()}
   * @param epochs see {@link #epochs()}
   * @param learningRate see {@link #learningRate()}
   * @param batchSize see {@link #batchSize()}
   * @param seed see {@link #seed()}
   * @param columnName see {@link #columnName()}
   * @param columnIndex see {@link #columnIndex()}
   * @param validationFraction see {@link #validationFraction()}
   * @param transform see {@link #transform()}
   * @param horizon see {@link #horizon()}
   * @param season see {@link #season()}
   * @param patience see {@link #patience()}
   * @param shrink see {@link #shrink()}
   * @param dateColumn see {@link #dateColumn()}
   * @param frequency see {@link #frequency()}
   * @param lstm see {@link #lstm()}
   * @param missingValues see {@link #missingValues()}
   * @param delimiter see {@link #delimiter()}
   * @param threads see {@link #threads()}
   * @param featureNames see {@link #featureNames()}
   * @param featureIndices see {@link #featureIndices()}
   * @param featureTransform see {@link #featureTransform()}
   * @param parallelism see {@link #parallelism()}
   * @param ensemble see {@link #ensemble()}
   * @param forecastHorizon see {@link #forecastHorizon()}
   */
  public ForecasterConfig {
    featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
    featureIndices = List.copyOf(Objects.requireNonNull(featureIndices, "featureIndices"));
    ConfigChecks.checkFeatures(featureNames, featureIndices);
    ConfigChecks.checkFeatureTransform(featureTransform);
    Checks.atLeast(1, window, "window");
    Checks.atLeast(1, hidden, "hidden");
    Checks.atLeast(1, layers, "layers");
    Checks.atLeast(1, epochs, "epochs");
    Checks.between(0.0, 1.0, learningRate, "learningRate");
    Checks.atLeast(1, batchSize, "batchSize");
    Checks.fromUntil(0.0, 1.0, validationFraction, "validationFraction");
    Checks.atLeast(1, threads, "threads");
    Checks.atLeast(1, parallelism, "parallelism");
    Checks.atLeast(1, ensemble, "ensemble");
    Checks.atLeast(0, forecastHorizon, "forecastHorizon");
    Checks.atLeast(1, horizon, "horizon");
    Checks.season(season);
    ConfigChecks.checkTransform(transform, horizon, season);
    Checks.atLeast(0, patience, "patience");
    Objects.requireNonNull(lstm, "lstm");
    if (dateColumn != null) {
      ConfigChecks.checkDateColumn(dateColumn);
    }
    if (frequency != null) {
      TimeStep.parse(frequency);
    }
    Objects.requireNonNull(missingValues, "missingValues");
    ConfigChecks.checkColumn(columnName, columnIndex);
    ConfigChecks.checkDelimiter(delimiter);
  }

  /**
   * The settings before {@code ensemble} and {@code forecastHorizon} existed, with those at their
   * defaults.
   *
   * @param window see {@link #window()}
   * @param hidden see {@link #hidden()}
   * @param layers see {@link #layers()}
   * @param epochs see {@link #epochs()}
   * @param learningRate see {@link #learningRate()}
   * @param batchSize see {@link #batchSize()}
   * @param seed see {@link #seed()}
   * @param columnName see {@link #columnName()}
   * @param columnIndex see {@link #columnIndex()}
   * @param validationFraction see {@link #validationFraction()}
   * @param transform see {@link #transform()}
   * @param horizon see {@link #horizon()}
   * @param season see {@link #season()}
   * @param patience see {@link #patience()}
   * @param shrink see {@link #shrink()}
   * @param dateColumn see {@link #dateColumn()}
   * @param frequency see {@link #frequency()}
   * @param lstm see {@link #lstm()}
   * @param missingValues see {@link #missingValues()}
   * @param delimiter see {@link #delimiter()}
   * @param threads see {@link #threads()}
   * @param featureNames see {@link #featureNames()}
   * @param featureIndices see {@link #featureIndices()}
   * @param featureTransform see {@link #featureTransform()}
   * @param parallelism see {@link #parallelism()}
   * @throws IllegalArgumentException if a value or a combination is invalid
   */
  public ForecasterConfig(int window, int hidden, int layers, int epochs, double learningRate,
      int batchSize, long seed, String columnName, int columnIndex, double validationFraction,
      TargetTransform transform, int horizon, int season, int patience, boolean shrink,
      String dateColumn, String frequency, LstmImplementation lstm, MissingValues missingValues,
      char delimiter, int threads, List<String> featureNames, List<Integer> featureIndices,
      TargetTransform featureTransform, int parallelism) {
    this(window, hidden, layers, epochs, learningRate, batchSize, seed, columnName, columnIndex,
        validationFraction, transform, horizon, season, patience, shrink, dateColumn, frequency,
        lstm, missingValues, delimiter, threads, featureNames, featureIndices, featureTransform,
        parallelism, DEFAULT_ENSEMBLE, DEFAULT_FORECAST_HORIZON);
  }

  /**
   * @return the steps ahead candidates are compared at: {@code forecastHorizon}, or
   *     {@code horizon} when that is 0
   */
  public int choiceSteps() {
    return forecastHorizon > 0 ? forecastHorizon : horizon;
  }

  /**
   * @return true when {@code AUTO} also tries the seasonal naive forecasts (with and without
   *     drift): a season is set, the transform is {@code AUTO}, there are no feature columns and
   *     there is a validation part to compare on
   */
  public boolean seasonalBaselines() {
    return season > 1 && transform == TargetTransform.AUTO && !hasFeatures()
        && validationFraction > 0;
  }

  /**
   * Past values {@link SeriesForecaster#predict(double[])} needs: {@code window}, plus one for
   * first differences or log returns, plus {@code season} or {@code season + 1} for the seasonal
   * transforms ({@code AUTO} with a season: {@code season + 1}, whichever transform it picks).
   *
   * @return the minimum length of a series passed to predict
   */
  public int minimumHistory() {
    int lag = 0;
    for (TargetTransform candidate : candidateTransforms()) {
      lag = Math.max(lag, TransformCodec.of(candidate, season).lag());
    }
    if (hasFeatures() && featureTransform != TargetTransform.AUTO) {
      lag = Math.max(lag, TransformCodec.of(featureTransform, season).lag());
    }
    if (seasonalBaselines()) {
      lag = Math.max(lag, season);
    }
    return window + lag;
  }

  /**
   * @return the transforms a fit tries: the configured one, or for {@code AUTO} first differences
   *     and, with a season and a horizon of 1, both seasonal transforms
   */
  public List<TargetTransform> candidateTransforms() {
    if (horizon > 1 && transform == TargetTransform.AUTO) {
      return List.of(TargetTransform.DIFFERENCES);
    }
    return TransformCodec.candidates(transform, season);
  }

  /**
   * @return a builder with every setting at its default, for a configuration without a forecaster
   *     (see {@link SeriesForecaster#builder()} for one with)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Derives a variant: {@code config.toBuilder().window(9).config()}. For a forecaster with these
   * settings, use {@link SeriesForecaster#builder(ForecasterConfig)}.
   *
   * @return a builder holding these settings
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** @return how the column is chosen, for messages: {@code 'Close'}, {@code #4} or {@code last} */
  public String columnDescription() {
    if (columnName != null) {
      return "'" + columnName + "'";
    }
    return columnIndex >= 0 ? "#" + columnIndex : "last";
  }

  /**
   * @param target the target's transform in a fit ({@code AUTO} resolved)
   * @return the feature columns' transform that goes with it
   */
  public TargetTransform featureTransformFor(TargetTransform target) {
    return featureTransform == TargetTransform.AUTO ? target : featureTransform;
  }

  /** @return true when input columns beyond the target are configured */
  public boolean hasFeatures() {
    return !featureNames.isEmpty() || !featureIndices.isEmpty();
  }

  /**
   * Collects the settings of a configuration without a forecaster; {@link #config()} builds it.
   * The setters are those of {@link SeriesForecaster.Builder}.
   */
  public static final class Builder extends ConfigBuilder<Builder> {
    Builder() {}

    Builder(ForecasterConfig config) {
      super(config);
    }
  }
}
