package io.github.seriesforecaster;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A forecast value with its timestamp.
 *
 * @param time when the value is expected (UTC for inputs that carried an offset)
 * @param value the forecast, in original units
 */
public record TimedValue(LocalDateTime time, double value) {

  /**
   * Checks the values.
   *
   * @param time see {@link #time()}
   * @param value see {@link #value()}
   * @throws NullPointerException if {@code time} is null
   */
  public TimedValue {
    Objects.requireNonNull(time, "time");
  }
}
