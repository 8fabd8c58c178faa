package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.Backtest;
import io.github.seriesforecaster.BacktestResult;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TargetTransform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Wall and process CPU time of a 10-fold backtest (refit before every fold) of {@code AUTO} with a
 * season of 12 on a monthly series, fitted one fold at a time ({@code parallelism(1)}) and two at
 * a time ({@code parallelism(2)}), alternately, and whether both give bit-identical forecasts.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.bench.ParallelFitsBenchmark \
 *   -Dexec.args="--csv ../shared/data/co2_monthly.csv --rounds 2"
 * </pre>
 *
 * <p>Options: {@code --csv PATH} (a monthly CSV with a {@code co2_ppm} column, default
 * {@code ../shared/data/co2_monthly.csv}), {@code --column NAME} (co2_ppm), {@code --rounds N}
 * (2), {@code --epochs N} (60), {@code --parallelism N} (2).
 */
public final class ParallelFitsBenchmark {
  private ParallelFitsBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path csv = Path.of("../shared/data/co2_monthly.csv");
    String column = "co2_ppm";
    int rounds = 2;
    int epochs = 60;
    int parallelism = 2;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--csv" -> csv = Path.of(args[i + 1]);
        case "--column" -> column = args[i + 1];
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
        case "--parallelism" -> parallelism = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ForecasterConfig config = SeriesForecaster.builder().column(column).window(12).hidden(16)
        .epochs(epochs).transform(TargetTransform.AUTO).season(12).seed(42).config();
    double[] series = SeriesForecaster.builder(config).build().readSeries(csv);
    int folds = 10;
    int horizon = 6;
    Backtest backtest = Backtest.over(series).start(series.length - folds * horizon)
        .horizon(horizon).stride(horizon).refitEvery(1);
    System.out.printf(Locale.ROOT, "# %s: %d values, %d folds of %d steps, AUTO season 12, "
            + "window 12, hidden 16, %d epochs; %d processors, load average before: %s%n",
        csv.getFileName(), series.length, folds, horizon, epochs,
        Runtime.getRuntime().availableProcessors(), loadAverage());
    // ND4J start-up and JIT warm-up outside the timings
    Backtest.over(Arrays.copyOf(series, 120)).start(108).horizon(6).stride(6)
        .run(config.toBuilder().epochs(2).parallelism(1).config());
    BacktestResult reference = null;
    for (int round = 1; round <= rounds; round++) {
      for (int p : new int[] {1, parallelism}) {
        long start = System.nanoTime();
        long cpu = ProcessCpu.nanos();
        BacktestResult result = backtest.run(config.toBuilder().parallelism(p).config());
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (ProcessCpu.nanos() - cpu) / 1e9;
        if (reference == null) {
          reference = result;
        }
        boolean identical = identical(reference, result);
        System.out.printf(Locale.ROOT,
            "  round %d, parallelism %d: %.2f s wall, %.2f s CPU, %d fits, MASE %.4f, "
                + "bit-identical to the first run: %s (load average %s)%n",
            round, p, wall, cpuSeconds, result.fits(), result.model().mase(), identical,
            loadAverage());
        System.out.printf(Locale.ROOT,
            "RESULT kind=parallel config=backtest round=%d parallelism=%d wall_s=%.3f cpu_s=%.3f "
                + "identical=%s%n", round, p, wall, cpuSeconds, identical);
      }
    }
  }

  private static String loadAverage() {
    try {
      String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
      return String.join(" ", Arrays.copyOf(fields, 3));
    } catch (IOException e) {
      return "?";
    }
  }

  private static boolean identical(BacktestResult a, BacktestResult b) {
    if (a.origins().size() != b.origins().size()) {
      return false;
    }
    for (int i = 0; i < a.origins().size(); i++) {
      if (!Arrays.equals(a.origins().get(i).forecast(), b.origins().get(i).forecast())) {
        return false;
      }
    }
    return true;
  }
}
