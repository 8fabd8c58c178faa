package io.github.seriesforecaster.internal.data;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * The spacing of a series' timestamps: a calendar period ({@code P1M}, {@code P1D}) or an exact
 * duration ({@code PT30M}), written in ISO-8601. Months are calendar months, so a monthly series
 * stays on the first of each month.
 */
public final class TimeStep {
  private final Period period;
  private final Duration duration;

  private TimeStep(Period period, Duration duration) {
    this.period = period;
    this.duration = duration;
  }

  /**
   * @param text an ISO-8601 period such as {@code P1M}, {@code P7D}, or duration such as
   *     {@code PT30M}, {@code PT1H}; positive
   * @return the step
   * @throws IllegalArgumentException if the text is not a positive period or duration
   */
  public static TimeStep parse(String text) {
    Objects.requireNonNull(text, "frequency");
    try {
      if (text.toUpperCase(java.util.Locale.ROOT).contains("T")) {
        Duration duration = Duration.parse(text);
        if (duration.isNegative() || duration.isZero()) {
          throw new IllegalArgumentException("frequency must be positive, was '" + text + "'");
        }
        return new TimeStep(null, duration);
      }
      Period period = Period.parse(text);
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("frequency must be positive, was '" + text + "'");
      }
      return new TimeStep(period, null);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("frequency must be an ISO-8601 period or duration such "
          + "as P1D, P1M or PT30M, was '" + text + "'", e);
    }
  }

  /**
   * The one rule for the spacing of timestamps: the configured frequency, else the step recorded
   * when the model was trained, else the step inferred from {@code times}.
   *
   * @param frequency the configured ISO-8601 frequency, or {@code null}
   * @param recorded the step recorded with the training data, or {@code null}
   * @param times increasing timestamps, used only when both others are {@code null}
   * @return the step's ISO-8601 text; the frequency exactly as configured
   */
  public static String resolve(String frequency, String recorded, LocalDateTime[] times) {
    return frequency != null ? frequency : recorded != null ? recorded : infer(times).toString();
  }

  /**
   * Infers the step from increasing timestamps: whole months when every timestamp falls on the same
   * day of month and time, otherwise the median spacing, in whole days when it is one.
   *
   * @param times at least two increasing timestamps
   * @return the step
   */
  public static TimeStep infer(LocalDateTime[] times) {
    if (times.length < 2) {
      throw new IllegalArgumentException("need at least two timestamps to infer a step");
    }
    boolean monthly = true;
    long[] months = new long[times.length - 1];
    long[] seconds = new long[times.length - 1];
    for (int i = 1; i < times.length; i++) {
      LocalDateTime previous = times[i - 1];
      LocalDateTime current = times[i];
      monthly &= current.getDayOfMonth() == previous.getDayOfMonth()
          && current.toLocalTime().equals(previous.toLocalTime());
      months[i - 1] = ChronoUnit.MONTHS.between(previous, current);
      seconds[i - 1] = Duration.between(previous, current).getSeconds();
    }
    if (monthly) {
      return new TimeStep(Period.ofMonths((int) median(months)), null);
    }
    long median = median(seconds);
    if (median > 0 && median % 86_400 == 0) {
      return new TimeStep(Period.ofDays((int) (median / 86_400)), null);
    }
    return new TimeStep(null, Duration.ofSeconds(Math.max(1, median)));
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** @return {@code time} plus {@code count} steps */
  public LocalDateTime after(LocalDateTime time, int count) {
    return period != null ? time.plus(period.multipliedBy(count))
        : time.plus(duration.multipliedBy(count));
  }

  /** @return the ISO-8601 text, e.g. {@code P1M} or {@code PT30M} */
  @Override
  public String toString() {
    return period != null ? period.toString() : duration.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TimeStep step && toString().equals(step.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
