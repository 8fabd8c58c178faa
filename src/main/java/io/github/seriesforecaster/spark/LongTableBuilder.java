package io.github.seriesforecaster.spark;

import io.github.seriesforecaster.Checks;

/**
 * The settings both Spark builders share: the long-format table's id, time and value columns, the
 * values forecast per series and the partitions the series are spread over. Each setter checks
 * its value at once; repeated calls keep the last value.
 *
 * @param <B> the builder type the setters return
 */
abstract class LongTableBuilder<B extends LongTableBuilder<B>> {
  private String idColumn = SparkForecaster.DEFAULT_ID_COLUMN;
  private String timeColumn = SparkForecaster.DEFAULT_TIME_COLUMN;
  private String valueColumn = SparkForecaster.DEFAULT_VALUE_COLUMN;
  private int steps = SparkForecaster.DEFAULT_STEPS;
  private int partitions;
  /** This builder as the subclass the setters return. */
  private final B self;

  @SuppressWarnings("unchecked")
  LongTableBuilder() {
    self = (B) this;
  }

  /**
   * @param name the column holding the series id
   * @return this builder
   * @throws IllegalArgumentException if the name is blank
   */
  public B idColumn(String name) {
    idColumn = Columns.name(name, "idColumn");
    return self;
  }

  /**
   * @param name the column holding the time: timestamp, date, ISO date-time string or integer
   *     index; it orders each series and stamps the forecasts
   * @return this builder
   * @throws IllegalArgumentException if the name is blank
   */
  public B timeColumn(String name) {
    timeColumn = Columns.name(name, "timeColumn");
    return self;
  }

  /**
   * @param name the numeric column holding the values
   * @return this builder
   * @throws IllegalArgumentException if the name is blank
   */
  public B valueColumn(String name) {
    valueColumn = Columns.name(name, "valueColumn");
    return self;
  }

  /**
   * @param steps values forecast after the end of each series, at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code steps < 1}
   */
  public B steps(int steps) {
    this.steps = Checks.atLeast(1, steps, "steps");
    return self;
  }

  /**
   * @param partitions how many partitions (tasks) to spread the series over, at least 1, or 0
   *     for {@link SparkForecaster#DEFAULT_PARTITIONS_PER_SLOT} per task slot
   *     ({@code spark.default.parallelism}); more partitions than slots even out series of
   *     different lengths
   * @return this builder
   * @throws IllegalArgumentException if {@code partitions < 0}
   */
  public B partitions(int partitions) {
    this.partitions = Checks.atLeast(0, partitions, "partitions");
    return self;
  }

  /** @return the columns set */
  Columns columns() {
    return new Columns(idColumn, timeColumn, valueColumn);
  }

  /** @return the steps set */
  int steps() {
    return steps;
  }

  /** @return the partitions set, 0 for the default */
  int partitions() {
    return partitions;
  }
}
