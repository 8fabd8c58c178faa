package io.github.seriesforecaster.data;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Min-max scaling of transformed values to [-1, 1], the range of the LSTM's tanh units.
 *
 * <p>Fitted by DL4J's {@link NormalizerMinMaxScaler} (so it is stored in the model file as DL4J's own
 * {@code normalizer.bin}) and applied here in plain Java on scalars, which is what a single
 * prediction needs. A zero range (a constant series) scales everything to the lower bound instead
 * of dividing by zero.
 */
public final class Scaler {
  static final double LOWER = -1.0;
  static final double UPPER = 1.0;

  private final NormalizerMinMaxScaler normalizer;
  private final double min;
  private final double range;
  private final double lower;
  private final double span;

  private Scaler(NormalizerMinMaxScaler normalizer) {
    this.normalizer = normalizer;
    this.min = normalizer.getMin().getDouble(0);
    double max = normalizer.getMax().getDouble(0);
    double difference = max - min;
    this.range = difference > 0 && Double.isFinite(difference) ? difference : 1.0;
    this.lower = normalizer.getTargetMin();
    this.span = normalizer.getTargetMax() - normalizer.getTargetMin();
  }

  /**
   * Fits the scaler on the given values (the training part only).
   *
   * @param values at least one finite value
   * @return the fitted scaler
   */
  public static Scaler fit(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("scaler needs at least one value, got none");
    }
    NormalizerMinMaxScaler normalizer = new NormalizerMinMaxScaler(LOWER, UPPER);
    double[][] column = new double[values.length][1];
    for (int i = 0; i < values.length; i++) {
      column[i][0] = values[i];
    }
    var features = Nd4j.create(column).castTo(DataType.DOUBLE);
    normalizer.fit(new DataSet(features, features));
    return new Scaler(normalizer);
  }

  /**
   * Wraps a normalizer read back from a model file.
   *
   * @param normalizer a fitted one-feature min-max normalizer
   * @return the scaler
   */
  public static Scaler of(NormalizerMinMaxScaler normalizer) {
    Objects.requireNonNull(normalizer, "normalizer");
    if (normalizer.getMin() == null || normalizer.getMin().length() != 1) {
      throw new IllegalArgumentException("normalizer must be fitted on exactly one feature");
    }
    return new Scaler(normalizer);
  }

  /** @return the DL4J normalizer, for storing in a model file */
  public NormalizerMinMaxScaler normalizer() {
    return normalizer;
  }

  /** @return {@code value} in network units */
  public double scale(double value) {
    return (value - min) / range * span + lower;
  }

  /** @return {@code scaled} back in transformed units */
  public double unscale(double scaled) {
    return (scaled - lower) / span * range + min;
  }

  /** @return the smallest training value */
  public double min() {
    return min;
  }

  /** @return the training range, or 1 where the training values were constant */
  public double range() {
    return range;
  }
}
