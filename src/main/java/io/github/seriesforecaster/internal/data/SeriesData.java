package io.github.seriesforecaster.internal.data;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The values of a target column read from a source, optionally with feature columns of the same
 * rows, and what is needed to describe them.
 *
 * @param source file name (or another label such as {@code array}) for messages and metadata
 * @param column the target column's header name, or a label when the values did not come from a CSV
 * @param values the usable target values in order, after the missing-value policy
 * @param rows data rows read (blank lines not counted)
 * @param missing rows with a missing cell ({@code empty}, {@code NA}, {@code NaN}) in a read column
 * @param times the timestamp of each value, or {@code null} without a date column
 * @param features names of the feature columns besides the target, in input order; may be empty
 * @param featureValues one array per feature, each as long as {@code values}
 */
public record SeriesData(String source, String column, double[] values, int rows, int missing,
    LocalDateTime[] times, List<String> features, double[][] featureValues) {

  public SeriesData {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(column, "column");
    values = values.clone();
    times = times == null ? null : times.clone();
    if (times != null && times.length != values.length) {
      throw new IllegalArgumentException(
          times.length + " timestamps for " + values.length + " values");
    }
    features = List.copyOf(features);
    featureValues = featureValues.clone();
    if (features.size() != featureValues.length) {
      throw new IllegalArgumentException(
          features.size() + " feature names for " + featureValues.length + " feature columns");
    }
    for (int f = 0; f < featureValues.length; f++) {
      if (featureValues[f].length != values.length) {
        throw new IllegalArgumentException("feature '" + features.get(f) + "' has "
            + featureValues[f].length + " values, the target " + values.length);
      }
      featureValues[f] = featureValues[f].clone();
    }
  }

  /** Target values with timestamps and no features. */
  public SeriesData(String source, String column, double[] values, int rows, int missing,
      LocalDateTime[] times) {
    this(source, column, values, rows, missing, times, List.of(), new double[0][]);
  }

  /** Target values without timestamps or features. */
  public SeriesData(String source, String column, double[] values, int rows, int missing) {
    this(source, column, values, rows, missing, null);
  }

  /** @return a copy of the timestamps, or {@code null} */
  @Override
  public LocalDateTime[] times() {
    return times == null ? null : times.clone();
  }

  /** @return a copy of the values */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** @return copies of the feature columns */
  @Override
  public double[][] featureValues() {
    double[][] copy = new double[featureValues.length][];
    for (int f = 0; f < copy.length; f++) {
      copy[f] = featureValues[f].clone();
    }
    return copy;
  }

  /**
   * @return the network's input columns: the target first, then the features (copies)
   */
  public double[][] inputs() {
    double[][] inputs = new double[1 + featureValues.length][];
    inputs[0] = values.clone();
    for (int f = 0; f < featureValues.length; f++) {
      inputs[f + 1] = featureValues[f].clone();
    }
    return inputs;
  }

  /** @return the input columns' names: the target's, then the features' */
  public List<String> inputColumns() {
    return inputColumns(column, features);
  }

  /**
   * @param target the target column's name
   * @param features the feature columns' names
   * @return the target's name, then the features'
   */
  public static List<String> inputColumns(String target, List<String> features) {
    List<String> names = new ArrayList<>();
    names.add(target);
    names.addAll(features);
    return List.copyOf(names);
  }

  /** @return the number of values, without copying them */
  public int length() {
    return values.length;
  }

  /** @return the value at {@code index} */
  public double value(int index) {
    return values[index];
  }
}
