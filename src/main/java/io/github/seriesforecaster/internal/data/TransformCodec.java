package io.github.seriesforecaster.internal.data;

import io.github.seriesforecaster.TargetTransform;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Applies a {@link TargetTransform} at one index of a series, and inverts it. The transformed value
 * at index {@code t} depends on {@code x[t]} and the {@link #lag()} values before it, so a series
 * of {@code n} values has {@code n - lag} transformed values.
 */
public final class TransformCodec {
  private final TargetTransform transform;
  private final int season;
  private final int lag;

  private TransformCodec(TargetTransform transform, int season) {
    this.transform = transform;
    this.season = season;
    this.lag = switch (transform) {
      case LEVELS -> 0;
      case DIFFERENCES, LOG_RETURNS -> 1;
      case SEASONAL_DIFFERENCES -> season;
      case SEASONAL_AND_FIRST_DIFFERENCES -> season + 1;
      case AUTO -> throw new IllegalArgumentException("AUTO must be resolved first");
    };
  }

  /**
   * @param transform the transform; {@code AUTO} resolves to seasonal or first differences
   * @param season season length, 0 for none; at least 2 for {@code SEASONAL_DIFFERENCES}
   * @return the codec
   */
  public static TransformCodec of(TargetTransform transform, int season) {
    Objects.requireNonNull(transform, "transform");
    TargetTransform resolved = resolve(transform, season);
    if (isSeasonal(resolved) && season < 2) {
      throw new IllegalArgumentException(
          resolved + " needs a season of at least 2, was " + season);
    }
    return new TransformCodec(resolved, season);
  }

  /**
   * @return the transforms to try: {@code transform} itself, or for {@code AUTO} first differences
   *     and, with a season, both seasonal transforms
   */
  public static List<TargetTransform> candidates(TargetTransform transform, int season) {
    if (transform != TargetTransform.AUTO) {
      return List.of(transform);
    }
    return season > 0
        ? List.of(TargetTransform.DIFFERENCES, TargetTransform.SEASONAL_DIFFERENCES,
            TargetTransform.SEASONAL_AND_FIRST_DIFFERENCES)
        : List.of(TargetTransform.DIFFERENCES);
  }

  /** @return the transform to use when {@code AUTO} cannot try candidates: the first one */
  public static TargetTransform resolve(TargetTransform transform, int season) {
    return candidates(transform, season).get(0);
  }

  private static boolean isSeasonal(TargetTransform transform) {
    return transform == TargetTransform.SEASONAL_DIFFERENCES
        || transform == TargetTransform.SEASONAL_AND_FIRST_DIFFERENCES;
  }

  /** @return the concrete transform */
  public TargetTransform transform() {
    return transform;
  }

  /** @return how many values before an index its transformed value needs */
  public int lag() {
    return lag;
  }

  /** @return true if a transformed value of zero means "no change" (every transform but LEVELS) */
  public boolean hasNoChangeBaseline() {
    return transform != TargetTransform.LEVELS;
  }

  /**
   * The target of a direct multi-step forecast: {@code x[origin + step]} transformed relative to the
   * last known value {@code x[origin - 1]} (the cumulative change for differences and log returns),
   * so that {@link #inverse(double[], int, double)} at {@code origin} turns it back. Step 0 is the
   * one-step transformed value. Not defined for the seasonal transforms.
   */
  public double cumulative(double[] series, int origin, int step) {
    double value = series[origin + step];
    return switch (transform) {
      case LEVELS -> value;
      case DIFFERENCES -> value - series[origin - 1];
      case LOG_RETURNS -> Math.log(value / series[origin - 1]);
      default -> throw new IllegalStateException(
          transform + " has no multi-step form; use LEVELS, DIFFERENCES or LOG_RETURNS");
    };
  }

  /** @return the transformed value at {@code index >= lag()} */
  public double forward(double[] series, int index) {
    double current = series[index];
    return switch (transform) {
      case LEVELS -> current;
      case DIFFERENCES -> current - series[index - 1];
      case LOG_RETURNS -> Math.log(current / series[index - 1]);
      case SEASONAL_DIFFERENCES -> current - series[index - season];
      case SEASONAL_AND_FIRST_DIFFERENCES -> current - baseline(series, index);
      case AUTO -> throw new AssertionError("resolved in the constructor");
    };
  }

  /**
   * @param series the values before {@code index}; {@code series[index]} itself is not read
   * @param index the index being predicted, at least {@link #lag()}
   * @param transformed the transformed value predicted for it
   * @return the value in original units
   */
  public double inverse(double[] series, int index, double transformed) {
    return switch (transform) {
      case LEVELS -> transformed;
      case DIFFERENCES -> series[index - 1] + transformed;
      case LOG_RETURNS -> series[index - 1] * Math.exp(transformed);
      case SEASONAL_DIFFERENCES -> series[index - season] + transformed;
      case SEASONAL_AND_FIRST_DIFFERENCES -> baseline(series, index) + transformed;
      case AUTO -> throw new AssertionError("resolved in the constructor");
    };
  }

  /** Last value plus the change over the same step one season earlier. */
  private double baseline(double[] series, int index) {
    return series[index - 1] + series[index - season] - series[index - season - 1];
  }

  /**
   * Checks that every value of a series can be transformed.
   *
   * @throws IllegalArgumentException naming {@code argument[index]} of the first value that cannot
   */
  public void checkSeries(double[] series, int from, String argument) {
    if (transform != TargetTransform.LOG_RETURNS) {
      return;
    }
    for (int i = from; i < series.length; i++) {
      if (!(series[i] > 0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s[%d] is %s but the LOG_RETURNS transform needs positive values; "
                + "use DIFFERENCES for series with zeros or negatives",
            argument, i, series[i]));
      }
    }
  }

  /** @return the transformed series; element {@code i} belongs to {@code series[i + lag()]} */
  public double[] forwardAll(double[] series) {
    double[] transformed = new double[Math.max(0, series.length - lag)];
    for (int i = 0; i < transformed.length; i++) {
      transformed[i] = forward(series, i + lag);
    }
    return transformed;
  }
}
