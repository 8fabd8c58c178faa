package io.github.seriesforecaster.many;

import java.util.Locale;

/** Argument checks whose messages name the setting, the rule and the value (as the root package's). */
final class Arguments {
  private Arguments() {}

  static int atLeast(int minimum, int value, String name) {
    if (value < minimum) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be >= %d, was %d", name, minimum, value));
    }
    return value;
  }

  /** Exclusive bounds: {@code lower < value < upper}; NaN fails. */
  static double between(double lower, double upper, double value, String name) {
    if (!(value > lower && value < upper)) {
      throw new IllegalArgumentException(String.format(
          Locale.ROOT, "%s must be > %s and < %s, was %s", name, lower, upper, value));
    }
    return value;
  }
}
