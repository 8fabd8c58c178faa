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

  /**
   * @param codec the target transform
   * @param window values per network input
   * @param scaler scaler fitted on the transformed training values
   */
  public WindowEncoder(TransformCodec codec, int window, Scaler scaler) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.window = window;
    this.scaler = Objects.requireNonNull(scaler, "scaler");
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
      int index = end - window + k;
      double previous = index > 0 ? series[index - 1] : Double.NaN;
      out[offset + k] = (float) scaler.scale(codec.forward(previous, series[index]));
    }
  }

  /** @return the scaled training target for {@code series[index]}, {@code index >= minimumHistory()} */
  public double target(double[] series, int index) {
    return scaler.scale(codec.forward(series[index - 1], series[index]));
  }

  /**
   * @param series the series the input was encoded from
   * @param end the {@code end} given to {@link #encode}
   * @param output the network's output
   * @return the predicted value of {@code series[end]} in original units
   */
  public double decode(double[] series, int end, double output) {
    return codec.inverse(series[end - 1], scaler.unscale(output));
  }
}
