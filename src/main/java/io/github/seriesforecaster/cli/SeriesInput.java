package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFrame;
import io.github.seriesforecaster.SeriesFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The history that {@code predict} and {@code forecast} start from: a CSV file, or standard input
 * holding either one number per line (for a model without features) or a CSV file. CSV is read
 * with the model's own value and feature columns, delimiter and missing-value policy unless
 * {@code --column} or {@code --delimiter} says otherwise.
 */
final class SeriesInput {
  @Parameters(index = "0", arity = "0..1", paramLabel = "CSV",
      description = "CSV file with a header row; '-' or none reads standard input: one number per "
          + "line, or a CSV file.")
  String file;

  @Option(names = "--column", paramLabel = "NAME|INDEX",
      description = "Value column: a header name, or a 0-based index when all digits. "
          + "Default: the column the model was trained on.")
  String column;

  @Option(names = "--delimiter", paramLabel = "CHAR", converter = DelimiterConverter.class,
      description = "CSV field separator: one character, or 'tab'. Default: the model's.")
  Character delimiter;

  /**
   * @param model the loaded model, whose settings say how to read CSV
   * @param stdin standard input
   * @return the model's input columns in time order (the value column alone for a model without
   *     features)
   * @throws IOException if the file cannot be read
   * @throws SeriesFormatException if the content is not a usable series
   */
  SeriesFrame read(SeriesForecaster model, InputStream stdin) throws IOException {
    if (file != null && !file.equals("-")) {
      return reader(model.config()).readFrame(Path.of(file));
    }
    String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    if (column == null && looksLikeNumbers(text)) {
      List<String> inputs = model.inputColumns();
      if (inputs.size() > 1) {
        throw new SeriesFormatException("stdin holds plain numbers, but this model reads "
            + inputs.size() + " columns " + inputs + "; give a CSV file with a header row");
      }
      return SeriesFrame.ofColumns(Map.of(inputs.get(0), numbers(text)));
    }
    Path temporary = Files.createTempFile("series-forecaster-stdin", ".csv");
    try {
      Files.writeString(temporary, text);
      return reader(model.config()).readFrame(temporary);
    } catch (SeriesFormatException e) {
      throw new SeriesFormatException(e.getMessage().replace(temporary.toString(), "stdin")
          .replace(temporary.getFileName().toString(), "stdin"), e);
    } finally {
      Files.deleteIfExists(temporary);
    }
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
