package io.github.seriesforecaster;

import io.github.seriesforecaster.internal.data.TimeStep;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a {@link ForecasterConfig} that say which columns of the input are read and how:
 * the value column, feature columns and their transform, the date column and its frequency,
 * missing values and the CSV delimiter. The network and training settings are in
 * {@link NetworkSettings}, the rest in {@link ConfigBuilder}, which builds the configuration. Each
 * setter checks its value at once; repeated calls keep the last value; a null argument throws
 * {@code NullPointerException}.
 *
 * @param <B> the concrete builder, which every setter returns for chaining
 */
public abstract class InputSettings<B extends InputSettings<B>> extends NetworkSettings<B> {
  String columnName;
  int columnIndex = -1;
  String dateColumn;
  String frequency;
  MissingValues missingValues = ForecasterConfig.DEFAULT_MISSING_VALUES;
  char delimiter = ForecasterConfig.DEFAULT_DELIMITER;
  List<String> featureNames = List.of();
  List<Integer> featureIndices = List.of();
  TargetTransform featureTransform = ForecasterConfig.DEFAULT_FEATURE_TRANSFORM;

  InputSettings(Values network) {
    super(network);
  }

  InputSettings(ForecasterConfig config) {
    super(new Values(config.hidden(), config.layers(), config.epochs(), config.learningRate(),
        config.batchSize(), config.seed(), config.season(), config.horizon(), config.patience(),
        config.ensemble(), config.threads()));
    columnName = config.columnName();
    columnIndex = config.columnIndex();
    dateColumn = config.dateColumn();
    frequency = config.frequency();
    missingValues = config.missingValues();
    delimiter = config.delimiter();
    featureNames = config.featureNames();
    featureIndices = config.featureIndices();
    featureTransform = config.featureTransform();
  }

  /**
   * Chooses the value column by its header name (replacing a choice by index).
   *
   * @param name the header name, not blank
   * @return this builder
   * @throws IllegalArgumentException if the name is blank
   */
  public B column(String name) {
    this.columnName = ConfigChecks.checkColumnName(Objects.requireNonNull(name, "column"));
    this.columnIndex = -1;
    return self();
  }

  /**
   * Chooses the value column by its 0-based index (replacing a choice by name).
   *
   * @param index 0-based column index, at least 0
   * @return this builder
   * @throws IllegalArgumentException if {@code index < 0}
   */
  public B column(int index) {
    this.columnIndex = Checks.atLeast(0, index, "column index");
    this.columnName = null;
    return self();
  }

  /**
   * Adds input columns, by header name, that the network sees at every time step beside the
   * target {@link #column}, e.g. {@code features("Open", "High", "Low", "Volume")} with
   * {@code column("Close")}; each gets its own scaler fitted on the training part (see
   * docs/features.md). Listing the target too is allowed. A model with features predicts from a
   * {@link SeriesFrame} and forecasts at most {@code horizon} steps at once. Replaces features
   * chosen by index; an empty array removes the features.
   *
   * @param names header names, each once, not blank
   * @return this builder
   * @throws IllegalArgumentException if a name is blank or listed twice
   */
  public B features(String... names) {
    Objects.requireNonNull(names, "features");
    List<String> list = List.of(names);
    ConfigChecks.checkFeatures(list, List.of());
    this.featureNames = list;
    this.featureIndices = List.of();
    return self();
  }

  /**
   * Adds input columns by 0-based index, as {@link #features(String...)} does by name.
   *
   * @param indices column indices, each once, at least 0
   * @return this builder
   * @throws IllegalArgumentException if an index is negative or listed twice
   */
  public B features(int... indices) {
    Objects.requireNonNull(indices, "features");
    List<Integer> list = Arrays.stream(indices).boxed().toList();
    ConfigChecks.checkFeatures(List.of(), list);
    this.featureIndices = list;
    this.featureNames = List.of();
    return self();
  }

  /**
   * Sets how feature columns are transformed before their scalers: {@code AUTO} (the default)
   * like the target; {@code LEVELS} for features whose level carries the signal (a rate, a
   * calendar flag); {@code DIFFERENCES} or {@code LOG_RETURNS} for trending ones.
   *
   * @param transform {@code AUTO}, {@code LEVELS}, {@code DIFFERENCES} or {@code LOG_RETURNS}
   * @return this builder
   * @throws IllegalArgumentException if the transform is a seasonal one
   */
  public B featureTransform(TargetTransform transform) {
    ConfigChecks.checkFeatureTransform(transform);
    this.featureTransform = transform;
    return self();
  }

  /**
   * Names an ISO date/time column ({@code 2020-01-31}, {@code 2020-01}, {@code 2020-01-31T09:30},
   * {@code 2020-01-31 09:30:00}, with or without offset). Its rows must strictly increase, and
   * {@link SeriesForecaster#forecast(java.nio.file.Path, int)} stamps forecasts with the
   * following times.
   *
   * @param name the header name, not blank
   * @return this builder
   * @throws IllegalArgumentException if the name is blank
   */
  public B dateColumn(String name) {
    this.dateColumn = ConfigChecks.checkDateColumn(Objects.requireNonNull(name, "dateColumn"));
    return self();
  }

  /**
   * @param frequency ISO-8601 spacing of the timestamps such as {@code P1D}, {@code P1M} or
   *     {@code PT30M}; without it the median spacing of the training data is used
   * @return this builder
   * @throws IllegalArgumentException if the text is not a positive ISO-8601 period or duration
   */
  public B frequency(String frequency) {
    TimeStep.parse(frequency);
    this.frequency = frequency;
    return self();
  }

  /**
   * @param policy what to do with empty, {@code NA} or {@code NaN} cells
   * @return this builder
   */
  public B missingValues(MissingValues policy) {
    this.missingValues = Objects.requireNonNull(policy, "missingValues");
    return self();
  }

  /**
   * @param delimiter CSV field separator, e.g. {@code ';'}; not a quote or line break
   * @return this builder
   * @throws IllegalArgumentException if {@code delimiter} is a quote or line break
   */
  public B delimiter(char delimiter) {
    this.delimiter = ConfigChecks.checkDelimiter(delimiter);
    return self();
  }
}
