package io.github.seriesforecaster;

import java.util.Locale;

/**
 * Argument checks whose messages name the setting, the rule and the value. Public only so that the
 * library's own packages share one wording (the model's input checks use it); not meant for
 * applications.
 */
public final class Checks {
  private Checks() {}

  /**
   * @param minimum the smallest allowed value
   * @param value the value to check
   * @param name the setting's name, for the message
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value < minimum}
   */
  public static int atLeast(int minimum, int value, String name) {
    if (value < minimum) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be >= %d, was %d", name, minimum, value));
    }
    return value;
  }

  static int inRange(int minimum, int maximum, int value, String name) {
    if (value < minimum || value > maximum) {
      throw new IllegalArgumentException(String.format(
          Locale.ROOT, "%s must be between %d and %d, was %d", name, minimum, maximum, value));
    }
    return value;
  }

  /**
   * Checks {@code values[from..]} are finite; the message names the first that is not.
   *
   * @param values the values
   * @param from the first index to check
   * @param name the argument's name, for the message
   * @throws IllegalArgumentException if a checked value is NaN or infinite
   */
  public static void finite(double[] values, int from, String name) {
    for (int i = from; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(String.format(
            Locale.ROOT, "%s[%d] is %s; values must be finite", name, i, values[i]));
      }
    }
  }

  /**
   * Exclusive bounds: {@code lower < value < upper}; NaN fails.
   *
   * @param lower the bound the value must exceed
   * @param upper the bound the value must stay below
   * @param value the value to check
   * @param name the setting's name, for the message
   * @return {@code value}
   * @throws IllegalArgumentException unless {@code lower < value < upper}
   */
  public static double between(double lower, double upper, double value, String name) {
    if (!(value > lower && value < upper)) {
      throw new IllegalArgumentException(String.format(
          Locale.ROOT, "%s must be > %s and < %s, was %s", name, lower, upper, value));
    }
    return value;
  }

  /** Half-open bounds: {@code lower <= value < upper}; NaN fails. */
  static double fromUntil(double lower, double upper, double value, String name) {
    if (!(value >= lower && value < upper)) {
      throw new IllegalArgumentException(String.format(
          Locale.ROOT, "%s must be >= %s and < %s, was %s", name, lower, upper, value));
    }
    return value;
  }

  /**
   * The rule of every {@code season} setting.
   *
   * @param season a season length in steps
   * @return {@code season}
   * @throws IllegalArgumentException unless {@code season} is 0 (none) or at least 2
   */
  public static int season(int season) {
    atLeast(0, season, "season");
    if (season == 1) {
      throw new IllegalArgumentException("season must be 0 (none) or >= 2, was 1");
    }
    return season;
  }

  /**
   * The rule of the coverage levels of every {@code forecastWithIntervals}.
   *
   * @param levels the levels asked for
   * @param example a level to name in the message when none is given, e.g. {@code "0.8"}
   * @throws IllegalArgumentException if there is no level or one is not strictly between 0 and 1
   */
  public static void levels(double[] levels, String example) {
    if (levels.length == 0) {
      throw new IllegalArgumentException(
          "levels must name at least one coverage level, e.g. " + example);
    }
    for (double level : levels) {
      between(0.0, 1.0, level, "level");
    }
  }

  /**
   * The lifecycle rule of every forecaster: it predicts only after a fit or a load.
   *
   * @param <T> the fitted model's type
   * @param model the fitted model, or null before a fit or load
   * @param forecaster the forecaster's class name, for the message
   * @return {@code model}
   * @throws IllegalStateException if {@code model} is null
   */
  public static <T> T fitted(T model, String forecaster) {
    if (model == null) {
      throw new IllegalStateException(
          "forecaster is not fitted; call fit(...) or " + forecaster + ".load(...) first");
    }
    return model;
  }
}
