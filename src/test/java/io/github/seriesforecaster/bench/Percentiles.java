package io.github.seriesforecaster.bench;

import java.util.Arrays;

/**
 * Order statistics of timing samples, defined exactly as in {@code bench/pytorch_reference.py} so
 * the two sides report comparable figures: the median of an even count is the mean of the two
 * middle values; other percentiles use the nearest-rank method (the smallest sample with at least
 * {@code p}% of the samples at or below it).
 */
final class Percentiles {
  private Percentiles() {}

  /**
   * @param samples at least one value; not modified
   * @return the median
   */
  static double median(long[] samples) {
    long[] sorted = sorted(samples);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
  }

  /**
   * @param samples at least one value; not modified
   * @param percent in (0, 100]
   * @return the nearest-rank percentile
   */
  static long percentile(long[] samples, double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
    }
    long[] sorted = sorted(samples);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(1, rank) - 1];
  }

  private static long[] sorted(long[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return sorted;
  }
}
