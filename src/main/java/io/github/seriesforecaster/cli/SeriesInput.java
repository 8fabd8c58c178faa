package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFrame;
import io.github.seriesforecaster.SeriesFormatException;
import io.github.seriesforecaster.internal.data.CsvSeriesReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The history that {@code predict} and {@code forecast} start from: a CSV file, or standard input
 * holding either one number per line (for a model without features) or a CSV file. CSV is read
 * with the model's own value and feature columns, delimiter and missing-value policy unless
 * {@code --column} or {@code --delimiter} says otherwise.
 */
final class SeriesInput {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CSV",
      description = "CSV file with a header row; '-' or none reads standard input: one number per "
          + "line, or a CSV file.")
  String file;

  @Option(names = "--column", paramLabel = "NAME|INDEX",
      description = "Value column: a header name, or a 0-based index when all digits. "
          + "Default: the column the model was trained on.")
  String column;

  @Option(names = "--date-column", paramLabel = "NAME",
      description = "ISO date/time column of the CSV: forecasts are printed with their "
          + "timestamps. Default: the model's date column, if it was fitted with one.")
  String dateColumn;

  @Option(names = "--frequency", paramLabel = "ISO",
      description = "Spacing of the dates as ISO-8601 (P1D, P1M, PT30M). Default: the model's, "
          + "else inferred from the dates.")
  String frequency;

  @Option(names = "--delimiter", paramLabel = "CHAR", converter = DelimiterConverter.class,
      description = "CSV field separator: one character, or 'tab'. Default: the model's.")
  Character delimiter;

  /**
   * The history and, when a date column is known, its timestamps.
   *
   * @param frame the model's input columns in time order
   * @param times one timestamp per row, or empty
   * @param name where the history came from: the file name or {@code stdin}
   * @param dateColumn the date column's name, or {@code null}
   */
  record History(SeriesFrame frame, List<LocalDateTime> times, String name, String dateColumn) {
    /**
     * @param steps forecasts after the end
     * @param frequency the spacing, or {@code null} to infer it from the times
     * @return their timestamps, or an empty list without enough times to continue
     */
    List<LocalDateTime> future(int steps, String frequency) {
      if (times.isEmpty() || (frequency == null && times.size() < 2)) {
        return List.of();
      }
      return Dates.after(times, frequency, steps);
    }
  }

  /**
   * @param model the loaded model, whose settings say how to read CSV
   * @param stdin standard input
   * @return the model's input columns in time order (the value column alone for a model without
   *     features), with timestamps when a date column is given or the model has one
   * @throws IOException if the file cannot be read
   * @throws SeriesFormatException if the content is not a usable series
   */
  History read(SeriesForecaster model, InputStream stdin) throws IOException {
    String dates = dateColumn != null ? dateColumn : model.config().dateColumn();
    if (file != null && !file.equals("-")) {
      Path path = Path.of(file);
      return read(model, path, dates, path.getFileName().toString());
    }
    String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    if (column == null && looksLikeNumbers(text)) {
      List<String> inputs = model.inputColumns();
      if (inputs.size() > 1) {
        throw new SeriesFormatException("stdin holds plain numbers, but this model reads "
            + inputs.size() + " columns " + inputs + "; give a CSV file with a header row");
      }
      return new History(SeriesFrame.ofColumns(Map.of(inputs.get(0), numbers(text))), List.of(),
          "stdin", null);
    }
    Path temporary = Files.createTempFile("series-forecaster-stdin", ".csv");
    try {
      Files.writeString(temporary, text);
      return read(model, temporary, dates, "stdin");
    } catch (SeriesFormatException e) {
      throw new SeriesFormatException(e.getMessage().replace(temporary.toString(), "stdin")
          .replace(temporary.getFileName().toString(), "stdin"), e);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * @return the frame; with a date column, the times too, read from the file with the columns
   *     and missing-value policy of the frame
   */
  private History read(SeriesForecaster model, Path path, String dates, String name)
      throws IOException {
    SeriesForecaster reader = reader(model.config());
    if (column != null || dateColumn != null) {
      // explicit columns are checked like fit's: a usage error with a suggestion
      List<String> header = new CsvSeriesReader(reader.config().delimiter(),
          reader.config().missingValues()).header(path);
      Columns.check(spec, name, header, "--column", column);
      Columns.check(spec, name, header, "--date-column", dateColumn);
    }
    SeriesFrame frame = reader.readFrame(path);
    if (dates == null) {
      return new History(frame, List.of(), name, null);
    }
    return new History(frame, Dates.read(path, reader.config(), dates), name, dates.trim());
  }

  /** @return {@code --frequency}, else the model's configured frequency, else {@code null} */
  String frequency(SeriesForecaster model) {
    return frequency != null ? frequency : model.config().frequency();
  }

  private SeriesForecaster reader(ForecasterConfig config) {
    SeriesForecaster.Builder builder = SeriesForecaster.builder(config);
    if (column != null) {
      if (ModelOptions.isIndex(column)) {
        builder.column(Integer.parseInt(column));
      } else {
        builder.column(column);
      }
    }
    if (delimiter != null) {
      builder.delimiter(delimiter);
    }
    return builder.build();
  }

  /** Plain numbers when the first non-blank line is one number. */
  private static boolean looksLikeNumbers(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
        .map(SeriesInput::isNumber).orElse(true);
  }

  private static double[] numbers(String text) {
    List<String> lines = text.lines().toList();
    double[] values = new double[lines.size()];
    int count = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (!isNumber(line)) {
        throw new SeriesFormatException("stdin line " + (i + 1) + ": '" + line
            + "' is not a number; give one number per line, or a CSV file with a header row");
      }
      values[count++] = Double.parseDouble(line);
    }
    if (count == 0) {
      throw new SeriesFormatException("stdin is empty; expected one number per line or a CSV file");
    }
    return Arrays.copyOf(values, count);
  }

  private static boolean isNumber(String text) {
    try {
      return Double.isFinite(Double.parseDouble(text)) && !text.endsWith("d") && !text.endsWith("f")
          && !text.endsWith("D") && !text.endsWith("F");
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
