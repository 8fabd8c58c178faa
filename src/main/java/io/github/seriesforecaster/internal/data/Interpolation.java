package io.github.seriesforecaster.internal.data;

/** Fills NaN gaps in a series (also used by the spark package for its long-format input). */
public final class Interpolation {
  private Interpolation() {}

  /** @return true if every value is NaN (nothing to interpolate from) */
  static boolean isAllMissing(double[] values) {
    for (double value : values) {
      if (!Double.isNaN(value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Replaces each NaN by linear interpolation between its nearest non-NaN neighbours, or by the
   * nearest non-NaN value at either end. At least one value must be present.
   */
  public static void fillLinear(double[] values) {
    int previous = -1;
    for (int i = 0; i <= values.length; i++) {
      if (i < values.length && Double.isNaN(values[i])) {
        continue;
      }
      int gapStart = previous + 1;
      for (int j = gapStart; j < i; j++) {
        if (previous < 0) {
          values[j] = values[i];
        } else if (i == values.length) {
          values[j] = values[previous];
        } else {
          double fraction = (double) (j - previous) / (i - previous);
          values[j] = values[previous] + fraction * (values[i] - values[previous]);
        }
      }
      previous = i;
    }
  }
}
