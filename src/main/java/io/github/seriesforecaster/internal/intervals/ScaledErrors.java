package io.github.seriesforecaster.internal.intervals;

import java.util.Arrays;
import java.util.Objects;

/**
 * Validation forecast errors divided by the series' recent volatility at their origins, per
 * horizon step: the scores of locally weighted split-conformal prediction. The interval for level
 * {@code p} at step {@code h} from a history is the point forecast plus or minus the history's
 * {@link VolatilityScale} times the {@code ceil((n + 1) p)}-th smallest of the {@code n} step-{@code
 * h} scores, so intervals widen when the series has lately moved more than it did at the
 * calibration origins and narrow when it moved less. The scores, not the errors, are assumed
 * exchangeable. Beyond the last step with scores the half-width grows with the square root of the
 * step, as for the unscaled errors.
 *
 * <p>A scale below {@link #FLOOR_SHARE} of the median calibration scale is raised to it, so a flat
 * stretch (all changes zero) neither divides by zero nor yields an empty interval.
 */
public final class ScaledErrors {
  /** Share of the typical calibration scale below which a scale is raised. */
  public static final double FLOOR_SHARE = 0.1;

  private final VolatilityScale volatility;
  private final double typicalScale;
  private final double[][] sortedByStep;

  /**
   * @param volatility how the scales were estimated
   * @param typicalScale the median scale at the calibration origins, positive and finite
   * @param scoresByStep scores for steps 1, 2, ...; each non-empty, non-negative
   */
  public ScaledErrors(VolatilityScale volatility, double typicalScale, double[][] scoresByStep) {
    this.volatility = Objects.requireNonNull(volatility, "volatility");
    if (!(typicalScale > 0) || !Double.isFinite(typicalScale)) {
      throw new IllegalArgumentException("typicalScale must be positive and finite, was "
          + typicalScale);
    }
    this.typicalScale = typicalScale;
    if (scoresByStep.length == 0) {
      throw new IllegalArgumentException("no scores");
    }
    sortedByStep = new double[scoresByStep.length][];
    for (int h = 0; h < scoresByStep.length; h++) {
      sortedByStep[h] = sortedScores(scoresByStep[h], h + 1);
    }
  }

  /**
   * @return the scores of step {@code step} in float precision, which is plenty for widths and
   *     keeps the saved table short (as for the errors), sorted
   */
  private static double[] sortedScores(double[] scores, int step) {
    if (scores.length == 0) {
      throw new IllegalArgumentException("step " + step + " has no scores");
    }
    return Arrays.stream(scores).map(score -> {
      if (!(score >= 0) || !Double.isFinite(score)) {
        throw new IllegalArgumentException("step " + step + " score " + score
            + " is not a finite non-negative number");
      }
      return (float) score;
    }).sorted().toArray();
  }

  /**
   * Scores the errors of the origins {@code origins}: errors of step {@code h} (from 1) belong to
   * the first {@code errorsInOrder[h - 1].length} origins.
   *
   * @param errorsInOrder absolute errors per step, in origin order
   * @param origins indices of the first value forecast from each origin, increasing
   * @param series the series the origins index
   * @param volatility the scale estimate
   * @return the scores, or {@code null} when no origin has a positive finite scale
   */
  public static ScaledErrors of(double[][] errorsInOrder, int[] origins, double[] series,
      VolatilityScale volatility) {
    double[] scales = new double[origins.length];
    for (int o = 0; o < origins.length; o++) {
      scales[o] = volatility.at(series, origins[o]);
    }
    double typical = typical(scales);
    if (!(typical > 0)) {
      return null;
    }
    double floor = FLOOR_SHARE * typical;
    double[][] scores = new double[errorsInOrder.length][];
    for (int h = 0; h < errorsInOrder.length; h++) {
      if (errorsInOrder[h].length > origins.length) {
        throw new IllegalArgumentException("step " + (h + 1) + " has "
            + errorsInOrder[h].length + " errors but there are " + origins.length + " origins");
      }
      scores[h] = new double[errorsInOrder[h].length];
      for (int o = 0; o < scores[h].length; o++) {
        scores[h][o] = errorsInOrder[h][o] / floored(scales[o], typical, floor);
        if (!Double.isFinite(scores[h][o]) || !Double.isFinite((float) scores[h][o])) {
          // errors beyond float range (values near Double.MAX_VALUE): keep the plain widths
          return null;
        }
      }
    }
    return new ScaledErrors(volatility, typical, scores);
  }

  /** The median of the finite scales, NaN if none. */
  static double typical(double[] scales) {
    double[] finite = Arrays.stream(scales).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0) {
      return Double.NaN;
    }
    int middle = finite.length / 2;
    return finite.length % 2 == 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
  }

  private static double floored(double scale, double typical, double floor) {
    return Double.isFinite(scale) ? Math.max(floor, scale) : typical;
  }

  /**
   * @param history the values before the forecast origin
   * @return the scale a forecast from the end of {@code history} multiplies the scores by: the
   *     volatility estimate, at least {@link #FLOOR_SHARE} of the typical calibration scale, and
   *     the typical scale itself when the history has no finite change
   */
  public double scaleOf(double[] history) {
    return scaleAt(history, history.length);
  }

  /**
   * @param series values in time order
   * @param end one past the last value used (the forecast origin)
   * @return {@link #scaleOf} of {@code series[.. end)}
   */
  public double scaleAt(double[] series, int end) {
    return floored(volatility.at(series, end), typicalScale, FLOOR_SHARE * typicalScale);
  }

  /**
   * @param level coverage, strictly between 0 and 1
   * @param step horizon step, from 1
   * @param scale the scale of the forecast origin ({@link #scaleOf})
   * @return the half-width of the interval
   */
  public double halfWidth(double level, int step, double scale) {
    int measured = Math.min(step, sortedByStep.length);
    double width = scale * quantile(sortedByStep[measured - 1], level);
    return step <= measured ? width : width * Math.sqrt((double) step / measured);
  }

  /**
   * The split-conformal quantile.
   *
   * @param sorted scores in increasing order, at least one
   * @param level the level; at or above 1 gives the largest score, at or below 0 the smallest
   * @return the {@code ceil((n + 1) level)}-th smallest score, the largest if beyond {@code n}
   */
  public static double quantile(double[] sorted, double level) {
    int n = sorted.length;
    int rank = (int) Math.ceil((n + 1) * level);
    return sorted[Math.min(n, Math.max(1, rank)) - 1];
  }

  /** @return how the scales are estimated */
  public VolatilityScale volatility() {
    return volatility;
  }

  /** @return the median scale at the calibration origins */
  public double typicalScale() {
    return typicalScale;
  }

  /** @return the steps with scores */
  public int steps() {
    return sortedByStep.length;
  }

  /** @return a copy of the sorted scores of step {@code step} (from 1) */
  public double[] scores(int step) {
    return sortedByStep[step - 1].clone();
  }
}
