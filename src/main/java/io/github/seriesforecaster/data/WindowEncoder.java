package io.github.seriesforecaster.data;

import java.util.Objects;

/**
 * Turns the most recent values of a series into the network's input, and the network's output back
 * into a value in original units: transform, then scale, and the reverse.
 *
 * <p>The input for predicting the value at index {@code t} is the transformed values at indices
 * {@code t - window .. t - 1}; a differencing transform also reads the value before those, so
 * {@link #minimumHistory()} is {@code window + lag}.
 */
public final class WindowEncoder {
  private final TransformCodec codec;
  private final int window;
  private final Scaler scaler;
  private final double shrinkage;

  /**
   * @param codec the target transform
   * @param window values per network input
   * @param scaler scaler fitted on the transformed training values
   * @param shrinkage factor in [0, 1] applied to the predicted transformed value, pulling it toward
   *     the transform's no-change forecast; 1 leaves it alone
   */
  public WindowEncoder(TransformCodec codec, int window, Scaler scaler, double shrinkage) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.window = window;
    this.scaler = Objects.requireNonNull(scaler, "scaler");
    if (!(shrinkage >= 0 && shrinkage <= 1)) {
      throw new IllegalArgumentException("shrinkage must be between 0 and 1, was " + shrinkage);
    }
    this.shrinkage = codec.hasNoChangeBaseline() ? shrinkage : 1.0;
  }

  /** @return this encoder with another shrinkage factor */
  public WindowEncoder withShrinkage(double factor) {
    return new WindowEncoder(codec, window, scaler, factor);
  }

  /** @return the factor applied to predicted transformed values (always 1 for LEVELS) */
  public double shrinkage() {
    return shrinkage;
  }

  /** @return past values needed per prediction */
  public int minimumHistory() {
    return window + codec.lag();
  }

  /** @return values per network input */
  public int window() {
    return window;
  }

  /** @return the scaler */
  public Scaler scaler() {
    return scaler;
  }

  /** @return the transform */
  public TransformCodec codec() {
    return codec;
  }

  /**
   * Writes the scaled input for predicting {@code series[end]} (which need not exist) into
   * {@code out[offset .. offset + window)}.
   *
   * @param end index of the value to predict; at least {@link #minimumHistory()}
   */
  public void encode(double[] series, int end, float[] out, int offset) {
    for (int k = 0; k < window; k++) {
      out[offset + k] = (float) scaler.scale(codec.forward(series, end - window + k));
    }
  }

  /**
   * @return the scaled direct-forecast target for {@code series[origin + step]}, relative to the
   *     last value before {@code origin}; step 0 equals {@link #target}
   */
  public double target(double[] series, int origin, int step) {
    return step == 0 ? target(series, origin)
        : scaler.scale(codec.cumulative(series, origin, step));
  }

  /** @return the scaled training target for {@code series[index]}, {@code index >= minimumHistory()} */
  public double target(double[] series, int index) {
    return scaler.scale(codec.forward(series, index));
  }

  /**
   * @param series the series the input was encoded from
   * @param end the {@code end} given to {@link #encode}
   * @param output the network's output
   * @return the predicted value of {@code series[end]} in original units
   */
  public double decode(double[] series, int end, double output) {
    return codec.inverse(series, end, shrinkage * transformedOutput(output));
  }

  /** @return the network output in transformed units, before shrinkage */
  public double transformedOutput(double output) {
    return scaler.unscale(output);
  }
}
