package io.github.seriesforecaster.internal.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the ISO-8601 date and time forms found in time-series CSV files. */
final class Timestamps {
  private Timestamps() {}

  /**
   * Accepts {@code 2020-01-31}, {@code 2020-01} (the first of the month), {@code 2020-01-31T09:30},
   * {@code 2020-01-31 09:30:00} and forms with an offset such as {@code 2020-01-31T09:30:00Z}
   * (converted to UTC).
   *
   * @throws IllegalArgumentException if the text is none of these
   */
  static LocalDateTime parse(String cell) {
    String text = cell.trim();
    try {
      if (text.length() == 7) {
        return YearMonth.parse(text).atDay(1).atStartOfDay();
      }
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay();
      }
      String iso = text.length() > 10 && text.charAt(10) == ' '
          ? text.substring(0, 10) + 'T' + text.substring(11) : text;
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      }
      return LocalDateTime.parse(iso);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected an ISO date such as 2020-01-31, 2020-01 or 2020-01-31T09:30", e);
    }
  }
}
