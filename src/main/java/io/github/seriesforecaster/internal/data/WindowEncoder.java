package io.github.seriesforecaster.internal.data;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.TargetTransform;
import java.util.List;
import java.util.Objects;

/**
 * Turns the most recent values of a series into the network's input, and the network's output back
 * into a value in original units: transform, then scale, and the reverse.
 *
 * <p>The input for predicting the value at index {@code t} is the transformed values at indices
 * {@code t - window .. t - 1}; a differencing transform also reads the value before those, so
 * {@link #minimumHistory()} is {@code window + lag}. With feature columns, every input column
 * (the target first) goes through the same transform and its own scaler, and one time step of the
 * input holds all of them.
 */
public final class WindowEncoder {
  private final TransformCodec codec;
  private final TransformCodec featureCodec;
  private final int window;
  private final List<Scaler> scalers;
  private final Scaler scaler;
  private final double shrinkage;

  /**
   * An encoder for a series without feature columns.
   *
   * @param codec the target transform
   * @param window values per network input
   * @param scaler scaler fitted on the transformed training values
   * @param shrinkage factor in [0, 1] applied to the predicted transformed value, pulling it toward
   *     the transform's no-change forecast; 1 leaves it alone
   */
  public WindowEncoder(TransformCodec codec, int window, Scaler scaler, double shrinkage) {
    this(codec, codec, window, List.of(Objects.requireNonNull(scaler, "scaler")), shrinkage);
  }

  /**
   * @param codec the target's transform
   * @param featureCodec the transform of the other input columns
   * @param window time steps per network input
   * @param scalers one per input column, the target's first, fitted on transformed training values
   * @param shrinkage factor in [0, 1] applied to the predicted transformed value
   */
  public WindowEncoder(TransformCodec codec, TransformCodec featureCodec, int window,
      List<Scaler> scalers, double shrinkage) {
    this.codec = Objects.requireNonNull(codec, "codec");
    this.featureCodec = Objects.requireNonNull(featureCodec, "featureCodec");
    this.window = window;
    this.scalers = List.copyOf(scalers);
    if (this.scalers.isEmpty()) {
      throw new IllegalArgumentException("an encoder needs at least the target's scaler");
    }
    this.scaler = this.scalers.get(0);
    if (!(shrinkage >= 0 && shrinkage <= 1)) {
      throw new IllegalArgumentException("shrinkage must be between 0 and 1, was " + shrinkage);
    }
    this.shrinkage = codec.hasNoChangeBaseline() ? shrinkage : 1.0;
  }

  /**
   * The one rule for the transform of each input column: the fitted target transform for the
   * target, the features' transform that goes with it (see
   * {@link ForecasterConfig#featureTransformFor}) for the others.
   *
   * @param config the settings (season, feature transform)
   * @param target the target's fitted transform ({@code AUTO} resolved)
   * @param column the input column, 0 for the target
   * @return that column's transform
   */
  public static TransformCodec codec(ForecasterConfig config, TargetTransform target, int column) {
    return TransformCodec.of(column == 0 ? target : config.featureTransformFor(target),
        config.season());
  }

  /**
   * The encoder a fit builds and a model file restores.
   *
   * @param config the settings (window, season, feature transform)
   * @param target the target's fitted transform ({@code AUTO} resolved)
   * @param scalers one per input column, the target's first
   * @param shrinkage factor in [0, 1] applied to the predicted transformed value
   * @return the encoder
   */
  public static WindowEncoder of(ForecasterConfig config, TargetTransform target,
      List<Scaler> scalers, double shrinkage) {
    return new WindowEncoder(codec(config, target, 0), codec(config, target, 1), config.window(),
        scalers, shrinkage);
  }

  /** @return this encoder with another shrinkage factor */
  public WindowEncoder withShrinkage(double factor) {
    return new WindowEncoder(codec, featureCodec, window, scalers, factor);
  }

  /** @return the factor applied to predicted transformed values (always 1 for LEVELS) */
  public double shrinkage() {
    return shrinkage;
  }

  /** @return past values needed per prediction */
  public int minimumHistory() {
    return window + (inputs() == 1 ? codec.lag() : Math.max(codec.lag(), featureCodec.lag()));
  }

  /** @return values per network input */
  public int window() {
    return window;
  }

  /** @return the target column's scaler */
  public Scaler scaler() {
    return scaler;
  }

  /** @return every input column's scaler, the target's first */
  public List<Scaler> scalers() {
    return scalers;
  }

  /** @return input columns per time step: 1 without features */
  public int inputs() {
    return scalers.size();
  }

  /** @return the target's transform */
  public TransformCodec codec() {
    return codec;
  }

  /** @return the transform of the feature columns */
  public TransformCodec featureCodec() {
    return featureCodec;
  }

  /**
   * Writes the scaled input for predicting {@code series[end]} (which need not exist) into
   * {@code out[offset .. offset + window)}; only for an encoder without features.
   *
   * @param end index of the value to predict; at least {@link #minimumHistory()}
   */
  public void encode(double[] series, int end, float[] out, int offset) {
    encode(new double[][] {series}, end, out, offset);
  }

  /**
   * Writes the scaled input for predicting the target at {@code end} into
   * {@code out[offset .. offset + inputs() * window)}, column by column (the layout of one example
   * of DL4J's {@code [examples, inputs, window]} in C order).
   *
   * @param columns the input columns, the target first, all at least {@code end} long
   * @param end index of the value to predict; at least {@link #minimumHistory()}
   */
  public void encode(double[][] columns, int end, float[] out, int offset) {
    for (int c = 0; c < scalers.size(); c++) {
      Scaler columnScaler = scalers.get(c);
      TransformCodec columnCodec = c == 0 ? codec : featureCodec;
      double[] column = columns[c];
      int start = offset + c * window;
      for (int k = 0; k < window; k++) {
        out[start + k] = (float) columnScaler.scale(columnCodec.forward(column, end - window + k));
      }
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
