package io.github.seriesforecaster;

import io.github.seriesforecaster.data.TransformCodec;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The immutable settings of a {@link SeriesForecaster}, as built by {@link SeriesForecaster.Builder}
 * or {@link ForecasterConfig.Builder} and stored in every model file. The compact constructor re-checks every value, so a
 * configuration read back from a model file is validated exactly like one from the builder.
 *
 * @param window past observations per prediction (the LSTM's time steps), at least 1
 * @param hidden LSTM units per layer, at least 1
 * @param layers stacked LSTM layers, at least 1
 * @param epochs passes over the training windows, at least 1
 * @param learningRate Adam's step size, strictly between 0 and 1
 * @param batchSize training windows per mini-batch, at least 1
 * @param seed seed for weight initialisation and mini-batch order; equal seeds give bit-identical
 *     models on the CPU backend
 * @param columnName header name of the value column, or {@code null} when chosen by index
 * @param columnIndex 0-based index of the value column, or -1 when chosen by name; both unset
 *     ({@code null} and -1) means the last column
 * @param validationFraction share of the series, taken from its end, held out for validation;
 *     0 (no validation) up to but excluding 1
 * @param transform what the network sees and predicts
 * @param horizon values the network outputs at once (direct multi-step forecasting); 1 trains
 *     one-step forecasts only. Above 1 it needs {@code LEVELS}, {@code DIFFERENCES},
 *     {@code LOG_RETURNS} or {@code AUTO} (then first differences)
 * @param season season length in steps (12 for monthly data with a yearly cycle), or 0 for none;
 *     used by the seasonal transform and reported baselines
 * @param patience epochs without improvement of the validation loss before training stops early
 *     and the best epoch's network is kept; 0 trains all {@code epochs} and keeps the last
 * @param shrink whether to shrink predicted changes toward the transform's no-change forecast by a
 *     factor fitted on the validation part, so a model without skill falls back to that forecast
 * @param dateColumn header name of an ISO date/time column whose rows must increase, or
 *     {@code null} for none; its timestamps carry into {@link SeriesForecaster#forecast(java.nio.file.Path, int)}
 * @param frequency ISO-8601 spacing of the timestamps ({@code P1D}, {@code P1M}, {@code PT30M}), or
 *     {@code null} to infer it from the training data's median spacing
 * @param lstm which LSTM layer implementation the network uses
 * @param missingValues what to do with empty, {@code NA} or {@code NaN} cells
 * @param delimiter CSV field separator
 * @param threads ND4J/OpenMP/BLAS threads used while fitting and predicting, at least 1; a
 *     process-wide setting of ND4J, applied by each fit and load
 * @param featureNames header names of further input columns the network sees at every time step
 *     beside the target column (listing the target too is allowed), or empty; never both these
 *     and {@code featureIndices}
 * @param featureIndices 0-based indices of further input columns, or empty
 * @param featureTransform how feature columns are transformed before scaling: {@code AUTO} (the
 *     default) like the target, or {@code LEVELS}, {@code DIFFERENCES} or {@code LOG_RETURNS}
 * @param parallelism independent fits a call may run at once (transform candidates, backtest folds,
 *     the series of a set), at least 1; each of them runs on {@code threads} ND4J threads, so results
 *     are the same for every value. Defaults to the available processors
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
    int parallelism) implements Serializable {

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
   * Default {@code batchSize}: up to 512 windows, so most series train in one full batch per
   * epoch (DL4J's fixed cost per {@code fit} call makes small batches up to 20 times slower per
   * epoch on small networks), while long series still get several updates per epoch and bounded
   * memory.
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

  /**
   * Default {@code parallelism}: the processors available to this JVM, so independent fits use
   * every core while each fit stays on one ND4J thread.
   *
   * @return the number of available processors, at least 1
   */
  public static int defaultParallelism() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** Validates every value; see the parameter descriptions for the rules. */
  public ForecasterConfig {
    featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
    featureIndices = List.copyOf(Objects.requireNonNull(featureIndices, "featureIndices"));
    checkFeatures(featureNames, featureIndices);
    checkFeatureTransform(featureTransform);
    Checks.atLeast(1, window, "window");
    Checks.atLeast(1, hidden, "hidden");
    Checks.atLeast(1, layers, "layers");
    Checks.atLeast(1, epochs, "epochs");
    Checks.between(0.0, 1.0, learningRate, "learningRate");
    Checks.atLeast(1, batchSize, "batchSize");
    Checks.fromUntil(0.0, 1.0, validationFraction, "validationFraction");
    Checks.atLeast(1, threads, "threads");
    Checks.atLeast(1, parallelism, "parallelism");
    Objects.requireNonNull(transform, "transform");
    Checks.atLeast(1, horizon, "horizon");
    checkSeason(season);
    if (horizon > 1 && (transform == TargetTransform.SEASONAL_DIFFERENCES
        || transform == TargetTransform.SEASONAL_AND_FIRST_DIFFERENCES)) {
      throw new IllegalArgumentException("horizon " + horizon + " needs transform LEVELS, "
          + "DIFFERENCES, LOG_RETURNS or AUTO, was " + transform);
    }
    if ((transform == TargetTransform.SEASONAL_DIFFERENCES
        || transform == TargetTransform.SEASONAL_AND_FIRST_DIFFERENCES) && season == 0) {
      throw new IllegalArgumentException("transform " + transform
          + " needs a season; set season(...) to the cycle length");
    }
    Checks.atLeast(0, patience, "patience");
    Objects.requireNonNull(lstm, "lstm");
    if (dateColumn != null) {
      checkDateColumn(dateColumn);
    }
    if (frequency != null) {
      io.github.seriesforecaster.data.TimeStep.parse(frequency);
    }
    Objects.requireNonNull(missingValues, "missingValues");
    if (columnName != null && columnIndex != -1) {
      throw new IllegalArgumentException(
          "column is set both by name ('" + columnName + "') and by index (" + columnIndex
              + "); set only one");
    }
    if (columnName != null) {
      checkColumnName(columnName);
    }
    Checks.atLeast(-1, columnIndex, "column index");
    checkDelimiter(delimiter);
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

  static void checkFeatureTransform(TargetTransform transform) {
    Objects.requireNonNull(transform, "featureTransform");
    if (transform == TargetTransform.SEASONAL_DIFFERENCES
        || transform == TargetTransform.SEASONAL_AND_FIRST_DIFFERENCES) {
      throw new IllegalArgumentException("featureTransform must be AUTO (like the target), "
          + "LEVELS, DIFFERENCES or LOG_RETURNS, was " + transform);
    }
  }

  static void checkFeatures(List<String> names, List<Integer> indices) {
    if (!names.isEmpty() && !indices.isEmpty()) {
      throw new IllegalArgumentException("features are set both by name " + names
          + " and by index " + indices + "; set only one");
    }
    var seen = new HashSet<String>();
    for (String name : names) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("feature names must not be blank, were " + names);
      }
      if (!seen.add(name.trim())) {
        throw new IllegalArgumentException(
            "feature '" + name.trim() + "' is listed twice in " + names);
      }
    }
    var seenIndices = new HashSet<Integer>();
    for (int index : indices) {
      Checks.atLeast(0, index, "feature index");
      if (!seenIndices.add(index)) {
        throw new IllegalArgumentException(
            "feature index " + index + " is listed twice in " + indices);
      }
    }
  }

  /** The checks that both the builders' setters and this record's constructor make. */
  static String checkColumnName(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("column name must not be blank, was '" + name + "'");
    }
    return name;
  }

  static int checkSeason(int season) {
    Checks.atLeast(0, season, "season");
    if (season == 1) {
      throw new IllegalArgumentException("season must be 0 (none) or >= 2, was 1");
    }
    return season;
  }

  static String checkDateColumn(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("dateColumn must not be blank, was '" + name + "'");
    }
    return name;
  }

  static char checkDelimiter(char delimiter) {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException(
          "delimiter must not be a quote or line break, was '" + printable(delimiter) + "'");
    }
    return delimiter;
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

  private static String printable(char c) {
    return c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c);
  }
}
