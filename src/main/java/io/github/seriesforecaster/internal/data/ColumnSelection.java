package io.github.seriesforecaster.internal.data;

import io.github.seriesforecaster.ForecasterConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which columns a fit reads, as configured (names or indices, not yet resolved): the target by
 * name, by index, or else the last column, then the features by name or by index. One rule for a
 * CSV header and for a frame's columns; each caller reports a column it cannot find in its own
 * words (a CSV reader with {@code SeriesFormatException}s naming the file, a frame with
 * {@code IllegalArgumentException}s) through {@link Failures}.
 *
 * @param columnName the target's name, or {@code null} when chosen by index
 * @param columnIndex the target's 0-based index, or -1 when chosen by name; both unset means the
 *     last column
 * @param featureNames the features' names, or empty
 * @param featureIndices the features' 0-based indices, or empty
 */
public record ColumnSelection(String columnName, int columnIndex, List<String> featureNames,
    List<Integer> featureIndices) {

  /** How a caller reports a column that is not there; each method returns the exception to throw. */
  public interface Failures {
    /**
     * @param name the configured name, as given (untrimmed)
     * @return the exception for a name that is not among the columns
     */
    RuntimeException noColumn(String name);

    /**
     * @param what {@code column index} or {@code feature index}
     * @param index the configured index, at least the number of columns
     * @return the exception for an index past the last column
     */
    RuntimeException outOfRange(String what, int index);
  }

  /** Copies the lists. */
  public ColumnSelection {
    featureNames = List.copyOf(featureNames);
    featureIndices = List.copyOf(featureIndices);
  }

  /**
   * @param config the settings naming the target and feature columns
   * @return the selection those settings make
   */
  public static ColumnSelection of(ForecasterConfig config) {
    return new ColumnSelection(config.columnName(), config.columnIndex(), config.featureNames(),
        config.featureIndices());
  }

  /**
   * @param columns the column names, e.g. a trimmed CSV header
   * @param failures how to report a missing column
   * @return 0-based indices of the columns to read: the target first, then each feature once
   *     (a feature that is the target or listed before is left out)
   */
  public int[] resolve(List<String> columns, Failures failures) {
    List<Integer> indices = new ArrayList<>();
    indices.add(target(columns, failures));
    for (String feature : featureNames) {
      addOnce(indices, indexOf(columns, feature, failures));
    }
    for (int feature : featureIndices) {
      addOnce(indices, checkIndex(columns, feature, "feature index", failures));
    }
    return indices.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * @param columns the column names
   * @param failures how to report a missing column
   * @return the 0-based index of the target column
   */
  public int target(List<String> columns, Failures failures) {
    if (columnName != null) {
      return indexOf(columns, columnName, failures);
    }
    if (columnIndex >= 0) {
      return checkIndex(columns, columnIndex, "column index", failures);
    }
    return columns.size() - 1;
  }

  /**
   * @param columns the column names
   * @param name a configured name; surrounding spaces are ignored
   * @param failures how to report a missing column
   * @return the 0-based index of that column
   */
  public static int indexOf(List<String> columns, String name, Failures failures) {
    int index = columns.indexOf(Objects.requireNonNull(name, "name").trim());
    if (index < 0) {
      throw failures.noColumn(name);
    }
    return index;
  }

  private static int checkIndex(List<String> columns, int index, String what, Failures failures) {
    if (index >= columns.size()) {
      throw failures.outOfRange(what, index);
    }
    return index;
  }

  private static void addOnce(List<Integer> indices, int index) {
    if (!indices.contains(index)) {
      indices.add(index);
    }
  }
}
