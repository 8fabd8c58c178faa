package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.internal.data.CsvSeriesReader;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks column options against a CSV header before anything runs, so a misspelt column is a usage
 * error (exit code 2) with a suggestion, not a failure after a long fit.
 */
final class Columns {
  private Columns() {}

  /**
   * @param spec the command, for the usage error
   * @param file the CSV file's name, for the message
   * @param header the file's column names
   * @param option the option, e.g. {@code --column}
   * @param value a header name, or a 0-based index when all digits; {@code null} when not given
   * @throws ParameterException if the file has no such column
   */
  static void check(CommandSpec spec, String file, List<String> header, String option,
      String value) {
    if (value == null) {
      return;
    }
    String message = null;
    if (ModelOptions.isIndex(value) && !option.equals("--date-column")) {
      int index = Integer.parseInt(value);
      if (index >= header.size()) {
        message = String.format(Locale.ROOT, "%s has %d columns (%s), so index %d is out of "
            + "range 0-%d", file, header.size(), header, index, header.size() - 1);
      }
    } else if (!header.contains(value.trim())) {
      message = CsvSeriesReader.noColumnMessage(file, value, header);
    }
    if (message != null) {
      throw new ParameterException(spec.commandLine(),
          "invalid value for option '" + option + "': " + message);
    }
  }
}
