package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.Backtest;
import io.github.seriesforecaster.BacktestResult;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Direct against recursive multi-step forecasting: for each series and horizon H, a walk-forward
 * backtest over the last 30% (every origin, fitted once on the first 70%) of the default
 * configuration (recursive) and of the same with {@code horizon(H)} (direct), beside naive.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.bench.HorizonBenchmark \
 *   -Dexec.args="../shared/data/air_passengers.csv:passengers:12"
 * </pre>
 * Each argument is {@code file:column[:season]}; horizons 5 and 20.
 */
public final class HorizonBenchmark {
  private static final int[] HORIZONS = {5, 20};

  private HorizonBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.printf(Locale.ROOT, "%-26s %3s %-10s %10s %12s %10s %10s%n", "dataset", "H",
        "method", "RMSE all", "RMSE step H", "naive all", "ratio");
    for (String arg : args) {
      String[] parts = arg.split(":");
      int season = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
      SeriesForecaster reader = SeriesForecaster.builder().column(parts[1]).build();
      double[] series = reader.readSeries(Path.of(parts[0]));
      int start = (int) Math.round(series.length * 0.7);
      ForecasterConfig recursive =
          SeriesForecaster.builder().column(parts[1]).season(season).config();
      for (int horizon : HORIZONS) {
        if (start + horizon > series.length) {
          continue;
        }
        String label = Path.of(parts[0]).getFileName() + ":" + parts[1];
        row(label, horizon, "recursive",
            Backtest.over(series).start(start).horizon(horizon).run(recursive));
        row(label, horizon, "direct", Backtest.over(series).start(start).horizon(horizon)
            .run(recursive.toBuilder().horizon(horizon).config()));
      }
    }
  }

  private static void row(String label, int horizon, String method, BacktestResult result) {
    System.out.printf(Locale.ROOT, "%-26s %3d %-10s %10.4g %12.4g %10.4g %10.3f%n", label,
        horizon, method, result.model().rmse(), result.modelByStep().get(horizon - 1).rmse(),
        result.naive().rmse(), result.model().rmse() / result.naive().rmse());
  }
}
