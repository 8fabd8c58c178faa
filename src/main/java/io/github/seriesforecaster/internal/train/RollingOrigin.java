package io.github.seriesforecaster.internal.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin folds (time-series cross-validation) inside the training part of a fit: fold
 * {@code k} trains on the values before its {@code origin} and is scored on the values from
 * {@code origin} up to {@code end}; the folds' scored blocks are consecutive, the last one ends at
 * the end of the series, and every origin is later than the previous one.
 *
 * <p>The number of folds follows the series length: a short series gets three folds, because one
 * validation part of 15 to 60 values makes the choices (transform, baseline, shrinkage, epochs)
 * noise; a long one gets one, because its single validation part is long enough and every fold
 * costs a training per candidate. The scored blocks together cover at most the last
 * {@code 1 - EARLIEST_ORIGIN} of the series, so the first fold still trains on 40% of it.
 */
public final class RollingOrigin {
  /** Series of up to this many values get three folds. */
  static final int SHORT = 300;
  /** Series of up to this many values (and more than {@link #SHORT}) get two folds. */
  static final int MEDIUM = 1000;
  /** The earliest origin, as a share of the series: the first fold trains on at least this much. */
  static final double EARLIEST_ORIGIN = 0.4;

  private RollingOrigin() {}

  /**
   * One fold.
   *
   * @param origin index of the first scored value; the fold trains on values before it
   * @param end one past the last scored value; the fold never reads values from here on
   */
  public record Fold(int origin, int end) {
    public Fold {
      if (origin < 1 || end <= origin) {
        throw new IllegalArgumentException("a fold needs 0 < origin < end, was " + origin + ".." + end);
      }
    }

    /** @return values scored */
    public int size() {
      return end - origin;
    }
  }

  /**
   * @param length values in the series given to fit
   * @param minimumTraining fewest training values a fold needs (history plus one target)
   * @param validationFraction the configured validation share; 0 gives no folds
   * @param minimumBlock fewest values a fold scores (the forecast horizon the choice is made for)
   * @return the folds in time order, empty when {@code validationFraction} is 0
   */
  public static List<Fold> folds(int length, int minimumTraining, double validationFraction,
      int minimumBlock) {
    int validation = (int) Math.round(length * validationFraction);
    if (validation < 1) {
      return List.of();
    }
    int count = length <= SHORT ? 3 : length <= MEDIUM ? 2 : 1;
    int earliest = Math.max(minimumTraining, (int) Math.ceil(length * EARLIEST_ORIGIN));
    int block = validation;
    while (count > 1) {
      block = Math.min(validation, (length - earliest) / count);
      if (block >= Math.max(2, minimumBlock)) {
        break;
      }
      count--;
    }
    if (count == 1) {
      block = validation;
    }
    List<Fold> folds = new ArrayList<>();
    for (int k = count; k >= 1; k--) {
      int end = length - (k - 1) * block;
      folds.add(new Fold(end - block, end));
    }
    return List.copyOf(folds);
  }
}
