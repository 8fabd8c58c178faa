package io.github.seriesforecaster;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The rules of single settings, written once: the builders' setters call them (failing at the
 * caller's line) and so does {@link ForecasterConfig}'s constructor (for configurations read back
 * from model files or deserialized).
 */
final class ConfigChecks {
  private ConfigChecks() {}

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

  static String checkColumnName(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("column name must not be blank, was '" + name + "'");
    }
    return name;
  }

  /** The transform's needs: no seasonal transform with a horizon above 1, and none without a season. */
  static void checkTransform(TargetTransform transform, int horizon, int season) {
    Objects.requireNonNull(transform, "transform");
    boolean seasonal = transform == TargetTransform.SEASONAL_DIFFERENCES
        || transform == TargetTransform.SEASONAL_AND_FIRST_DIFFERENCES;
    if (horizon > 1 && seasonal) {
      throw new IllegalArgumentException("horizon " + horizon + " needs transform LEVELS, "
          + "DIFFERENCES, LOG_RETURNS or AUTO, was " + transform);
    }
    if (seasonal && season == 0) {
      throw new IllegalArgumentException("transform " + transform
          + " needs a season; set season(...) to the cycle length");
    }
  }

  /** The column is chosen by name or by index (-1: unset), never both; both unset means last. */
  static void checkColumn(String columnName, int columnIndex) {
    if (columnName != null && columnIndex != -1) {
      throw new IllegalArgumentException(
          "column is set both by name ('" + columnName + "') and by index (" + columnIndex
              + "); set only one");
    }
    if (columnName != null) {
      checkColumnName(columnName);
    }
    Checks.atLeast(-1, columnIndex, "column index");
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

  private static String printable(char c) {
    return c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c);
  }
}
