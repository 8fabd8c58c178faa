package io.github.seriesforecaster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TestSeries;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ForecastCliTest {
  /** Fast settings: the series below is 60 values, so 42 train and 18 validate. */
  private static final String[] TINY = {"--window", "4", "--hidden", "4", "--epochs", "3",
      "--seed", "7"};
  private static final double[] SERIES = TestSeries.sine(60);
  private static final String[] TABLE_HEADER = {"forecaster", "RMSE", "MAE", "MAPE", "sMAPE",
      "MASE", "points"};

  @TempDir static Path shared;
  @TempDir Path folder;
  private static Path csv;
  private static Path model;
  private static CliResult fit;

  private static CliResult run(String... args) {
    return CliResult.run("", args);
  }

  private static CliResult runWithInput(String stdin, String... args) {
    return CliResult.run(stdin, args);
  }

  private static String[] args(String[] first, String... more) {
    String[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  private static String lines(double[] values) {
    return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%s%n", v))
        .collect(Collectors.joining());
  }

  @BeforeAll
  static void fitOnce() throws IOException {
    csv = TestSeries.writeCsv(shared.resolve("sine.csv"), SERIES);
    model = shared.resolve("models/sine.zip");
    fit = run(args(new String[] {"fit", csv.toString(), "--column", "Value", "--model",
        model.toString()}, TINY));
  }

  @Test
  void help_listsEveryCommand() {
    CliResult result = run("--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: series-forecaster [-hV] COMMAND")
        .contains("fit", "predict", "forecast", "backtest");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void help_ofEachCommand() {
    for (String command : new String[] {"fit", "predict", "forecast", "backtest"}) {
      CliResult result = run(command, "--help");
      assertThat(result.exitCode()).as(command).isZero();
      assertThat(result.out()).as(command)
          .startsWith("Usage: series-forecaster " + command + " ");
    }
    assertThat(run("fit", "--help").out()).contains("--learning-rate", "--validation-fraction",
        "--patience", "--season", "--transform", "--chart");
    assertThat(run("forecast", "--help").out()).contains("--steps", "--model", "--column");
  }

  @Test
  void version_namesTheLibrary() {
    CliResult result = run("--version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("series-forecaster ").contains("DL4J 1.0.0-M2.1");
  }

  @Test
  void noCommand_isAUsageError() {
    CliResult result = run();
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(
        "error: missing command: choose fit, predict, forecast or backtest",
        "Try 'series-forecaster --help' for more information.");
  }

  @Test
  void unknownOption_isAUsageError() {
    CliResult result = run("fit", csv.toString(), "--bogus");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).first().isEqualTo("error: Unknown option: '--bogus'");
    assertThat(result.errLines()).last()
        .isEqualTo("Try 'series-forecaster fit --help' for more information.");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void invalidSetting_isAUsageErrorWithTheLibraryMessage() {
    CliResult result = run("fit", csv.toString(), "--window", "0");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).first().isEqualTo(
        "error: invalid value for option '--window': window must be >= 1, was 0");
  }

  @Test
  void invalidCombination_isAUsageError() {
    CliResult result = run("backtest", csv.toString(), "--transform", "seasonal_differences");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).first().isEqualTo("error: transform SEASONAL_DIFFERENCES "
        + "needs a season; set season(...) to the cycle length");
  }

  @Test
  void notANumber_isAUsageError() {
    CliResult result = run("forecast", "--model", model.toString(), "--steps", "three");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).first()
        .isEqualTo("error: Invalid value for option '--steps': 'three' is not an int");
  }

  @Test
  void chartSizeOutOfRange_isAUsageError() {
    CliResult result = run("fit", csv.toString(), "--chart", "x.png", "--chart-width", "0");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).first().isEqualTo(
        "error: invalid value for option '--chart-width': must be between 1 and 10000 pixels, "
            + "was 0");
  }

  @Test
  void missingCsv_failsWithOneLineAndNoStackTrace() {
    Path missing = folder.resolve("missing.csv");
    CliResult result = run("fit", missing.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: " + missing + ": no such file"
        + System.lineSeparator());
    assertThat(result.out()).isEmpty();
  }

  @Test
  void missingModel_failsWithOneLine() {
    Path missing = folder.resolve("missing.zip");
    CliResult result = runWithInput("1\n2\n", "forecast", "--model", missing.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("error: " + missing + ": no such model file");
  }

  @Test
  void verbose_addsTheStackTrace() {
    Path missing = folder.resolve("missing.csv");
    CliResult result = run("fit", missing.toString(), "--verbose");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).first().isEqualTo("error: " + missing + ": no such file");
    assertThat(result.err()).contains("java.nio.file.NoSuchFileException", "\tat ");
  }

  @Test
  void fit_printsTheTableWithNaiveAndWritesTheModel() throws IOException {
    assertThat(fit.exitCode()).as(fit.err()).isZero();
    List<String> out = fit.outLines();
    assertThat(out.get(0)).isEqualTo("sine.csv, column 'Value': 60 values, DIFFERENCES");
    assertThat(out.get(1)).startsWith("trained 3 epochs (kept epoch ");
    assertThat(out.get(4).split(" +")).containsExactly(TABLE_HEADER);
    assertThat(out).contains("saved model to " + model);
    // three rolling-origin folds score the values from 24 on
    double squared = 0;
    for (int t = 24; t < 60; t++) {
      squared += Math.pow(SERIES[t] - SERIES[t - 1], 2);
    }
    String naiveRmse = MetricsTable.significant(Math.sqrt(squared / 36), 4);
    assertThat(out).anySatisfy(line -> assertThat(line).startsWith("naive ").contains(naiveRmse)
        .endsWith(" 36"));
    assertThat(out).anySatisfy(line -> assertThat(line).startsWith("lstm ").endsWith(" 36"));
    assertThat(model).isRegularFile();
    assertThat(SeriesForecaster.load(model).config().window()).isEqualTo(4);
    // progress goes to stderr as plain lines when no terminal is attached
    assertThat(fit.err()).contains("epoch 1/3 (33%): loss ", "epoch 3/3 (100%): loss ");
    assertThat(fit.out()).doesNotContain("epoch 1/3");
  }

  @Test
  void fit_quietAndChart() throws IOException {
    Path png = folder.resolve("charts/fit.png");
    CliResult result = run(args(new String[] {"fit", csv.toString(), "-q", "--chart", png.toString(),
        "--chart-width", "400", "--chart-height", "300", "--chart-steps", "5"}, TINY));
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).doesNotContain("epoch");
    assertThat(result.outLines()).last().isEqualTo("wrote chart to " + png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(400);
    assertThat(image.getHeight()).isEqualTo(300);
  }

  @Test
  void fit_seasonAddsTheSeasonalNaiveRow() {
    CliResult result = run(args(new String[] {"fit", csv.toString(), "-q", "--season", "6"}, TINY));
    assertThat(result.exitCode()).as(result.err()).isZero();
    // with a season, AUTO keeps whichever of its three transforms validates best
    assertThat(result.outLines()).first().asString().matches(
        "sine.csv, column 'Value' \\(the last; choose one with --column\\): 60 values, "
            + "(DIFFERENCES|SEASONAL_(AND_FIRST_)?DIFFERENCES)");
    assertThat(result.outLines()).anySatisfy(line -> assertThat(line)
        .startsWith("seasonal naive (6) ").endsWith(" 36"));
  }

  @Test
  void forecast_stdinNumbers() throws IOException {
    CliResult result = runWithInput(lines(SERIES), "forecast", "--model", model.toString(),
        "--steps", "3");
    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> out = result.outLines();
    assertThat(out).hasSize(4);
    assertThat(out.get(0)).isEqualTo("step,forecast");
    double[] expected = SeriesForecaster.load(model).forecast(SERIES, 3);
    for (int step = 1; step <= 3; step++) {
      String[] fields = out.get(step).split(",");
      assertThat(fields[0]).isEqualTo(Integer.toString(step));
      assertThat(Double.parseDouble(fields[1]))
          .isCloseTo(expected[step - 1], within(1e-6 * Math.abs(expected[step - 1])));
    }
    assertThat(result.err()).isEmpty();
  }

  @Test
  void forecast_csvFileUsesTheModelsColumn() throws IOException {
    CliResult result = run("forecast", "--model", model.toString(), "--steps", "2", csv.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    double[] expected = SeriesForecaster.load(model).forecast(SERIES, 2);
    assertThat(result.outLines()).containsExactly("step,forecast",
        "1," + MetricsTable.shortest(expected[0], ForecastCommand.DIGITS),
        "2," + MetricsTable.shortest(expected[1], ForecastCommand.DIGITS));
  }

  @Test
  void predict_stdinCsvByColumnIndex() throws IOException {
    String text = "Date,Value\n" + Arrays.stream(SERIES)
        .mapToObj(v -> "2020-01-01," + v + "\n").collect(Collectors.joining());
    CliResult result = runWithInput(text, "predict", "--model", model.toString(), "--column", "1");
    assertThat(result.exitCode()).as(result.err()).isZero();
    double expected = SeriesForecaster.load(model).predict(SERIES);
    assertThat(result.outLines())
        .containsExactly("step,forecast", "1," + MetricsTable.shortest(expected, ForecastCommand.DIGITS));
  }

  @Test
  void forecast_stdinWithAWord() {
    CliResult result = runWithInput("1.5\nabc\n", "forecast", "--model", model.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("error: stdin line 2: 'abc' is not a number; "
        + "give one number per line, or a CSV file with a header row");
  }

  @Test
  void forecast_historyTooShort() {
    CliResult result = runWithInput("1\n2\n", "forecast", "--model", model.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("error: series has 2 values but window=4 with "
        + "transform AUTO needs at least 5; pass a longer history");
  }

  @Test
  void forecast_stepsZero() {
    CliResult result = runWithInput(lines(SERIES), "forecast", "--model", model.toString(),
        "--steps", "0");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).first()
        .isEqualTo("error: invalid value for option '--steps': must be >= 1, was 0");
  }

  @Test
  void backtest_printsLstmNaiveAndSeasonalNaive() {
    Path png = folder.resolve("backtest.png");
    CliResult result = run(args(new String[] {"backtest", csv.toString(), "--season", "6",
        "--chart", png.toString()}, TINY));
    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> out = result.outLines();
    assertThat(out.get(0)).matches(
        "sine.csv, column 'Value' \\(the last; choose one with --column\\): 60 values, "
            + "(DIFFERENCES|SEASONAL_(AND_FIRST_)?DIFFERENCES)");
    // a network refitted on every value, or a seasonal baseline
    assertThat(out.get(1)).startsWith("fitted on the first 42 values (")
        .containsAnyOf("refitted on all 42 values", ": nothing to train")
        .endsWith("forecast the last 18 one step ahead");
    assertThat(out.get(3).split(" +")).containsExactly(TABLE_HEADER);
    double squared = 0;
    for (int t = 42; t < 60; t++) {
      squared += Math.pow(SERIES[t] - SERIES[t - 1], 2);
    }
    assertThat(out.get(4)).startsWith("lstm ").endsWith(" 18");
    assertThat(out.get(5)).startsWith("naive ")
        .contains(" " + MetricsTable.significant(Math.sqrt(squared / 18), 4) + " ");
    assertThat(out.get(6)).startsWith("seasonal naive (6) ").endsWith(" 18");
    assertThat(png).isRegularFile();
  }

  @Test
  void backtest_horizonStrideAndRefit() {
    CliResult result = run(args(new String[] {"backtest", csv.toString(), "-q", "--horizon", "3",
        "--stride", "3", "--refit-every", "2"}, TINY));
    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> out = result.outLines();
    // origins 42, 45, ..., 57: six, refitted before the 1st, 3rd and 5th
    assertThat(out.get(1)).startsWith("first fit on the first 42 values (")
        .contains("refitted on all 42 values")
        .endsWith("6 origins, horizon 3, stride 3, 3 fit(s)");
    assertThat(out.get(4)).startsWith("lstm ").endsWith(" 18");
    assertThat(out.get(5)).startsWith("naive ").endsWith(" 18");
  }

  @Test
  void backtest_chartNeedsStrideOne() {
    CliResult result = run(args(new String[] {"backtest", csv.toString(), "-q", "--stride", "2",
        "--chart", folder.resolve("b.png").toString()}, TINY));
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--chart draws one forecast per value and needs --stride 1, "
        + "was 2");
  }

  @Test
  void backtest_trainingPartTooShort() {
    CliResult result = run("backtest", csv.toString(), "--window", "30", "-q");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("error: fold fitted on the first 42 values: "
        + "array has 42 values, 29 of them for training after holding out 13 for validation, but "
        + "window=30 with transform AUTO needs at least 32 training values; use a smaller window or "
        + "a longer series");
  }

  @Test
  void defaults_areTheLibrarysDefaults() {
    for (String command : new String[] {"fit", "backtest"}) {
      CommandLine commandLine = ForecastCli.commandLine(System.out, System.err,
          InputStream.nullInputStream(), false);
      CommandLine.ParseResult parsed = commandLine.parseArgs(command, "x.csv");
      Object subcommand = parsed.subcommand().commandSpec().userObject();
      ModelOptions options = subcommand instanceof FitCommand fitCommand
          ? fitCommand.options : ((BacktestCommand) subcommand).options;
      assertThat(options.builder().config()).as(command)
          .isEqualTo(SeriesForecaster.builder().config());
    }
  }
}
