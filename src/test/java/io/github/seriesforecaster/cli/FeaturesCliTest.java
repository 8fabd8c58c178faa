package io.github.seriesforecaster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.SeriesForecaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with feature columns and a direct horizon. */
class FeaturesCliTest {
  private static final String[] TINY = {"--window", "3", "--hidden", "4", "--epochs", "3",
      "--seed", "7", "--column", "Walk"};

  @TempDir Path folder;

  private static CliResult run(String stdin, String... args) {
    return CliResult.run(stdin, args);
  }

  /** The command and its CSV, the tiny settings, then {@code more}. */
  private static String[] command(String name, String csv, String... more) {
    List<String> all = new java.util.ArrayList<>(List.of(name, csv));
    all.addAll(List.of(TINY));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private Path csv() throws IOException {
    Random random = new Random(5);
    StringBuilder text = new StringBuilder("Date,Walk,Driver\n");
    double walk = 100;
    double driver = 0;
    for (int t = 0; t < 80; t++) {
      walk += 2 * driver;
      driver = random.nextGaussian();
      text.append(String.format(Locale.ROOT, "2021-03-%03d,%.4f,%.4f%n", t + 1, walk, driver));
    }
    return Files.writeString(folder.resolve("walk.csv"), text);
  }

  @Test
  void fitForecastAndPredict_readTheFeatureColumns() throws IOException {
    Path csv = csv();
    Path model = folder.resolve("walk.zip");
    Path chart = folder.resolve("walk.png");
    CliResult fit = run("", command("fit", csv.toString(), "--features", "Driver",
        "--feature-transform", "LEVELS", "--direct-horizon", "2", "--model", model.toString(),
        "--chart", chart.toString(), "--quiet"));
    assertThat(fit.exitCode()).as(fit.err()).isZero();
    assertThat(fit.out()).startsWith("walk.csv, column 'Walk' with features [Driver]: 80 values");
    assertThat(Files.size(chart)).isPositive();

    SeriesForecaster loaded = SeriesForecaster.load(model);
    double[] expected = loaded.forecast(loaded.readFrame(csv), 2);
    CliResult forecast = run("", "forecast", "--model", model.toString(), csv.toString(),
        "--steps", "2");
    assertThat(forecast.exitCode()).as(forecast.err()).isZero();
    List<String> lines = forecast.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("step,forecast");
    assertThat(Double.parseDouble(lines.get(1).split(",")[1])).isCloseTo(expected[0], within(1e-6));
    assertThat(Double.parseDouble(lines.get(2).split(",")[1])).isCloseTo(expected[1], within(1e-6));

    CliResult tooFar = run("", "forecast", "--model", model.toString(), csv.toString(),
        "--steps", "3");
    assertThat(tooFar.exitCode()).isEqualTo(1);
    assertThat(tooFar.err()).contains("steps must be <= 2 for this model, was 3");

    CliResult numbers = run("1\n2\n3\n4\n5\n", "predict", "--model", model.toString());
    assertThat(numbers.exitCode()).isEqualTo(1);
    assertThat(numbers.err()).contains("stdin holds plain numbers, but this model reads 2 "
        + "columns [Walk, Driver]; give a CSV file with a header row");

    CliResult fromStdin = run(Files.readString(csv), "predict", "--model", model.toString());
    assertThat(fromStdin.exitCode()).as(fromStdin.err()).isZero();
    assertThat(Double.parseDouble(fromStdin.out().lines().toList().get(1).split(",")[1]))
        .isCloseTo(expected[0], within(1e-6));
  }

  @Test
  void backtest_withFeaturesFitsEachFoldOnTheFrame() throws IOException {
    Path csv = csv();
    CliResult backtest = run("", command("backtest", csv.toString(), "--features", "2",
        "--quiet"));
    assertThat(backtest.exitCode()).as(backtest.err()).isZero();
    assertThat(backtest.out()).startsWith("walk.csv, column 'Walk' with features [Driver]");
    assertThat(backtest.out()).contains("naive");

    CliResult beyond = run("", command("backtest", csv.toString(), "--features", "Driver",
        "--horizon", "3", "--quiet"));
    assertThat(beyond.exitCode()).isEqualTo(1);
    assertThat(beyond.err()).contains("backtest horizon 3 is more than the model's horizon 1");
  }

  @Test
  void features_mixingNamesAndIndicesIsBadUsage() throws IOException {
    CliResult mixed = run("", command("fit", csv().toString(), "--features", "Driver,1"));
    assertThat(mixed.exitCode()).isEqualTo(2);
    assertThat(mixed.err()).contains("invalid value for option '--features': give all features "
        + "by name or all by index, was [Driver, 1]");
  }
}
