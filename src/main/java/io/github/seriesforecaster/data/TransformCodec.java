package io.github.seriesforecaster.data;

import io.github.seriesforecaster.TargetTransform;
import java.util.Locale;

/**
 * Applies a {@link TargetTransform} to one value given the value before it, and inverts it.
 * A transformed series {@code z} has {@code z[i] = forward(x[i-1], x[i])} for {@code i >= lag()}.
 */
public enum TransformCodec {
  LEVELS(0) {
    @Override
    public double forward(double previous, double current) {
      return current;
    }

    @Override
    public double inverse(double previous, double transformed) {
      return transformed;
    }
  },
  DIFFERENCES(1) {
    @Override
    public double forward(double previous, double current) {
      return current - previous;
    }

    @Override
    public double inverse(double previous, double transformed) {
      return previous + transformed;
    }
  },
  LOG_RETURNS(1) {
    @Override
    public double forward(double previous, double current) {
      return Math.log(current / previous);
    }

    @Override
    public double inverse(double previous, double transformed) {
      return previous * Math.exp(transformed);
    }

    @Override
    void checkValue(double value, int index, String argument) {
      if (!(value > 0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s[%d] is %s but the LOG_RETURNS transform needs positive values; "
                + "use DIFFERENCES for series with zeros or negatives",
            argument, index, value));
      }
    }
  };

  private final int lag;

  TransformCodec(int lag) {
    this.lag = lag;
  }

  /** @return the codec of a transform */
  public static TransformCodec of(TargetTransform transform) {
    return valueOf(transform.name());
  }

  /** @return how many values before the first one the transform needs (0 or 1) */
  public int lag() {
    return lag;
  }

  /** @return the transformed value of {@code current} */
  public abstract double forward(double previous, double current);

  /** @return the original value whose transform is {@code transformed} */
  public abstract double inverse(double previous, double transformed);

  /**
   * Checks that a value can be transformed.
   *
   * @throws IllegalArgumentException naming {@code argument[index]} if it cannot
   */
  void checkValue(double value, int index, String argument) {}

  /**
   * Checks every value of a series.
   *
   * @throws IllegalArgumentException naming the first value that cannot be transformed
   */
  public void checkSeries(double[] series, String argument) {
    for (int i = 0; i < series.length; i++) {
      checkValue(series[i], i, argument);
    }
  }

  /**
   * @return the transformed series; element {@code i} belongs to {@code series[i + lag()]}
   */
  public double[] forwardAll(double[] series) {
    double[] transformed = new double[Math.max(0, series.length - lag)];
    for (int i = 0; i < transformed.length; i++) {
      int index = i + lag;
      transformed[i] = forward(lag == 0 ? Double.NaN : series[index - 1], series[index]);
    }
    return transformed;
  }
}
