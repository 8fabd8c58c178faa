package io.github.seriesforecaster.internal.global;

import io.github.seriesforecaster.many.GlobalConfig;
import io.github.seriesforecaster.many.Normalization;
import java.util.Locale;

/**
 * Puts one window of a series on the network's scale and takes network outputs back to the
 * series' units. The level is the mean of the window's last {@code season} values (its last value
 * without a season). {@code LOG_RATIO}: {@code log(x / level)}; {@code STANDARDIZE}:
 * {@code (x - level) / sd(window)}.
 *
 * <p>Inputs go to the network as {@code window / valuesPerStep} time steps of
 * {@code valuesPerStep} values (DL4J's {@code [examples, valuesPerStep, steps]}): value {@code i}
 * of the window is feature {@code i % valuesPerStep} of step {@code i / valuesPerStep}.
 */
final class WindowScaler {
  /** Log ratios are clipped here so that one odd value cannot blow up a batch. */
  private static final double LOG_LIMIT = 10;

  private final GlobalConfig config;
  private final Normalization normalization;

  /**
   * @param config the settings
   * @param normalization the resolved normalization: {@code LOG_RATIO} or {@code STANDARDIZE}
   */
  WindowScaler(GlobalConfig config, Normalization normalization) {
    if (normalization == Normalization.AUTO) {
      throw new IllegalArgumentException("normalization must be resolved, was AUTO");
    }
    this.config = config;
    this.normalization = normalization;
  }

  GlobalConfig config() {
    return config;
  }

  Normalization normalization() {
    return normalization;
  }

  /** The level and spread of one window: {@code scaled = f(x; level, spread)}. */
  record Scale(double level, double spread) {}

  /**
   * @param values a series
   * @param end one past the window's last value; the window is {@code values[end - window, end)}
   * @return the window's scale
   */
  Scale scaleOf(double[] values, int end) {
    int window = config.window();
    int levelLength = Math.min(window, config.season() >= 2 ? config.season() : 1);
    double level = 0;
    for (int i = end - levelLength; i < end; i++) {
      level += values[i];
    }
    level /= levelLength;
    if (normalization == Normalization.LOG_RATIO) {
      return new Scale(level, 1);
    }
    double mean = 0;
    for (int i = end - window; i < end; i++) {
      mean += values[i];
    }
    mean /= window;
    double squares = 0;
    for (int i = end - window; i < end; i++) {
      squares += (values[i] - mean) * (values[i] - mean);
    }
    double sd = Math.sqrt(squares / window);
    return new Scale(level, sd > 1e-9 * Math.max(1, Math.abs(mean)) ? sd : 1);
  }

  /**
   * Writes the scaled window into {@code into} at {@code offset}, in the network's layout.
   *
   * @return the window's scale
   */
  Scale encode(double[] values, int end, float[] into, int offset) {
    Scale scale = scaleOf(values, end);
    int window = config.window();
    int width = config.valuesPerStep();
    int steps = config.steps();
    int start = end - window;
    for (int i = 0; i < window; i++) {
      into[offset + (i % width) * steps + i / width] = (float) scaled(values[start + i], scale);
    }
    return scale;
  }

  /** @return one value on the network's scale */
  double scaled(double value, Scale scale) {
    if (normalization == Normalization.LOG_RATIO) {
      double ratio = Math.log(value / scale.level());
      return Math.max(-LOG_LIMIT, Math.min(LOG_LIMIT, ratio));
    }
    return (value - scale.level()) / scale.spread();
  }

  /** @return a network output in the series' units */
  double unscaled(double output, Scale scale) {
    if (normalization == Normalization.LOG_RATIO) {
      return scale.level() * Math.exp(Math.max(-LOG_LIMIT, Math.min(LOG_LIMIT, output)));
    }
    return scale.level() + output * scale.spread();
  }

  /**
   * Checks that a history can be scaled: log ratios need values above zero.
   *
   * @param id the series' name, for the message
   * @param values the history
   * @param end one past the window's last value
   * @throws IllegalArgumentException if a value of the window is not above zero under LOG_RATIO
   */
  void checkScalable(String id, double[] values, int end) {
    if (normalization != Normalization.LOG_RATIO) {
      return;
    }
    for (int i = end - config.window(); i < end; i++) {
      if (!(values[i] > 0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "series '%s' has value %s at index %d, but the model normalises by log ratios, which "
                + "need values above zero; fit with normalization(STANDARDIZE)",
            id, values[i], i));
      }
    }
  }
}
