package io.github.seriesforecaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TargetTransform;
import io.github.seriesforecaster.TestSeries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer sees first: the progress bar ends before anything else is printed, dates in the
 * output, verdicts by one rule, and misspelt columns or binary files as one clear line.
 */
class FirstHourCliTest {
  private static final String[] TINY = {"--window", "4", "--hidden", "4", "--epochs", "3",
      "--seed", "7"};
  private static final double[] SERIES = TestSeries.sine(60);

  @TempDir static Path shared;
  private static Path daily;
  private static Path model;
  private static CliResult fit;

  private static CliResult run(boolean terminal, String... args) {
    return CliResult.runOnTerminal(terminal, args);
  }

  /** @return the command and its arguments, then the tiny model settings */
  private static String[] with(String[] settings, String... command) {
    String[] all = new String[command.length + settings.length];
    System.arraycopy(command, 0, all, 0, command.length);
    System.arraycopy(settings, 0, all, command.length, settings.length);
    return all;
  }

  /** Lines ended by a line separator; a carriage return redraws within a line. */
  private static List<String> lines(String text) {
    return List.of(text.split(System.lineSeparator()));
  }

  /** Daily closing prices from 2020-01-01, with the value column first and a Volume after it. */
  @BeforeAll
  static void fitOnce() throws IOException {
    StringBuilder text = new StringBuilder("Date,Close,Volume\n");
    for (int i = 0; i < SERIES.length; i++) {
      text.append(String.format(Locale.ROOT, "%s,%s,%d%n",
          LocalDate.of(2020, 1, 1).plusDays(i), SERIES[i], 1000 + i));
    }
    daily = Files.writeString(shared.resolve("daily.csv"), text);
    model = shared.resolve("daily.zip");
    fit = run(true, with(TINY, "fit", daily.toString(), "--column", "Close", "--date-column",
        "Date", "--model", model.toString()));
  }

  @Test
  void fit_barEndsItsLineWithTheRealEndState() {
    assertThat(fit.exitCode()).as(fit.err()).isZero();
    // one line per training (each rolling-origin fold, then the refit), redrawn in place and
    // ended with how that training really ended
    assertThat(fit.err()).endsWith("completed 3 epochs, best epoch 3" + System.lineSeparator());
    assertThat(lines(fit.err())).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line)
        .startsWith("\repoch ").endsWith("completed 3 epochs, best epoch 3"));
    assertThat(fit.err()).startsWith("\repoch 1/3 [");
  }

  @Test
  void trainingEnded_stoppedEarlyShowsTheEpochKept() {
    assertThat(Progress.endState(32, 300, 2,
        "stopped early: no validation improvement for 30 epochs")).isEqualTo(
        "stopped early at epoch 32, best epoch 2 (no validation improvement for 30 epochs)");
    assertThat(Progress.endState(300, 300, 280, "completed 300 epochs"))
        .isEqualTo("completed 300 epochs, best epoch 280");
  }

  @Test
  void fit_aWarningStartsOnItsOwnLineAfterTheBar() {
    // a model the fit cannot shrink towards naive, trained 2 epochs on levels: worse than naive,
    // so the fit logs a WARN (slf4j-simple writes to System.err) after training
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(both);
    try {
      Progress bar = new Progress(new PrintWriter(both, true), true, false);
      SeriesForecaster.builder().window(4).hidden(2).epochs(2).seed(7).patience(0)
          .transform(TargetTransform.LEVELS).shrink(false).listener(bar).build()
          .fit(TestSeries.sine(60));
      bar.finish();
    } finally {
      System.setErr(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    List<String> lines = lines(text);
    // the bars first (one per training: folds, then the refit), each ended with its end state;
    // then the log lines, each on its own line
    int bars = (int) lines.stream().takeWhile(line -> line.startsWith("\repoch ")).count();
    assertThat(bars).isGreaterThan(0);
    assertThat(lines.subList(0, bars)).allSatisfy(line -> assertThat(line)
        .startsWith("\repoch ").endsWith("completed 2 epochs, best epoch 2"));
    assertThat(lines.subList(bars, lines.size())).isNotEmpty().allSatisfy(line -> assertThat(line)
        .doesNotContain("epoch 1/2", "epoch 2/2").matches("(INFO|WARN) .*"));
    String warning = lines.stream().filter(line -> line.startsWith("WARN CandidateChoice"))
        .findFirst().orElseThrow();
    assertThat(warning).startsWith("WARN CandidateChoice - array, validation part: the model is "
        + "worse than the naive forecast (RMSE ratio ");
    // rounded: three decimals in the ratio, no 16-digit numbers
    assertThat(warning).doesNotContainPattern("\\d{6}");
  }

  @Test
  void fit_printsTheDates() {
    List<String> out = fit.outLines();
    assertThat(out.get(0)).isEqualTo(
        "daily.csv, column 'Close': 60 values from 2020-01-01 to 2020-02-29, DIFFERENCES");
    // validationFraction 0.3 of 60 per fold, three rolling-origin folds: the last 36 values
    assertThat(out.get(2)).startsWith("validation: the last 36 values (2020-01-25 to 2020-02-29), "
        + "each forecast one step ahead");
  }

  @Test
  void fit_verdictFollowsTheOneRule() {
    String verdict = fit.outLines().stream().filter(line -> line.startsWith("the model "))
        .findFirst().orElseThrow();
    Matcher ratio = Pattern.compile("RMSE ratio (\\d+\\.\\d{3})").matcher(verdict);
    assertThat(ratio.find()).as(verdict).isTrue();
    double value = Double.parseDouble(ratio.group(1));
    if (Math.abs(value - 1) <= 0.01) {
      assertThat(verdict).startsWith("the model is no better than the naive forecast");
    } else if (value < 1) {
      assertThat(verdict).startsWith("the model beats the naive forecast");
    } else {
      assertThat(verdict).startsWith("the model is worse than the naive forecast");
    }
  }

  @Test
  void forecast_printsTimestampsFromTheModelsDateColumn() {
    CliResult result = run(false, "forecast", "--model", model.toString(), "--steps", "3",
        daily.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> out = result.outLines();
    assertThat(out).hasSize(4);
    assertThat(out.get(0)).isEqualTo("step,Date,forecast");
    assertThat(out.get(1)).startsWith("1,2020-03-01,");
    assertThat(out.get(3)).startsWith("3,2020-03-03,");
  }

  @Test
  void forecast_intervalBoundsWithoutFloatNoise() {
    CliResult result = run(false, "forecast", "--model", model.toString(), "--steps", "2",
        "--interval", "0.8", daily.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> out = result.outLines();
    assertThat(out.get(0)).isEqualTo("step,Date,forecast,lower,upper");
    for (String row : out.subList(1, 3)) {
      String[] fields = row.split(",");
      assertThat(fields).hasSize(5);
      for (int i = 2; i < 5; i++) {
        // at most 7 significant digits: what single-precision arithmetic can hold
        assertThat(fields[i].replace("-", "").replace(".", "").replaceFirst("^0+", ""))
            .as(row).hasSizeLessThanOrEqualTo(7);
      }
      assertThat(Double.parseDouble(fields[3])).isLessThan(Double.parseDouble(fields[2]));
      assertThat(Double.parseDouble(fields[4])).isGreaterThan(Double.parseDouble(fields[2]));
    }
  }

  @Test
  void predict_frequencyOption() {
    CliResult result = run(false, "predict", "--model", model.toString(), "--frequency", "P7D",
        daily.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines().get(1)).startsWith("1,2020-03-07,");
  }

  @Test
  void forecast_chartWithDates() throws IOException {
    Path png = shared.resolve("out/forecast.png");
    CliResult result = run(false, "forecast", "--model", model.toString(), "--steps", "5",
        "--chart", png.toString(), daily.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(png).isRegularFile();
  }

  @Test
  void backtest_datesAndTheVerdict() {
    CliResult result = run(false, with(TINY, "backtest", daily.toString(), "-q", "--column",
        "Close", "--date-column", "Date"));
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines().get(1)).endsWith(
        "forecast the last 18 (2020-02-12 to 2020-02-29) one step ahead");
    assertThat(result.outLines()).last().asString().startsWith("the model ");
  }

  @Test
  void wrongCaseColumn_isAUsageErrorWithASuggestion() {
    CliResult result = run(false, "fit", daily.toString(), "--column", "close");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines().findFirst().orElseThrow()).isEqualTo(
        "error: invalid value for option '--column': daily.csv has no column 'close'; did you "
            + "mean 'Close'? its columns are [Date, Close, Volume]");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void wrongDateColumn_isAUsageError() {
    CliResult result = run(false, "backtest", daily.toString(), "--date-column", "day");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: invalid value for option '--date-column': "
        + "daily.csv has no column 'day'; its columns are [Date, Close, Volume]");
  }

  @Test
  void binaryFile_oneLineWithoutItsBytes() throws IOException {
    Path binary = Files.write(shared.resolve("model.csv"), Files.readAllBytes(model));
    CliResult result = run(false, "fit", binary.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: model.csv is not a text file (it holds binary "
        + "data, as a zip file, a spreadsheet or a saved model does); expected a CSV file with a "
        + "header row" + System.lineSeparator());
  }
}
