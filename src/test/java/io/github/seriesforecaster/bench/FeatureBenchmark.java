package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.BacktestResult;
import io.github.seriesforecaster.Backtest;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFrame;
import io.github.seriesforecaster.TargetTransform;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Does a model gain from feature columns? The one-step protocol of docs/quality.md (fit on the
 * first 70% of the rows, forecast each later value from the true rows before it, no refit), once
 * with the target alone, once with the features transformed like the target and once with the
 * features as levels, each beside the naive forecast.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.bench.FeatureBenchmark \
 *   -Dexec.args="../shared/data/eu_stock_markets.csv:DAX:SMI,CAC"
 * </pre>
 * Each argument is {@code file:target:feature,feature,...}; the library's defaults otherwise.
 */
public final class FeatureBenchmark {
  private static final double TRAINING_SHARE = 0.7;

  private FeatureBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.printf(Locale.ROOT, "%-28s %-34s %12s %12s %10s %7s%n", "dataset", "inputs",
        "RMSE", "naive RMSE", "RMSE/naive", "fit s");
    for (String arg : args) {
      String[] parts = arg.split(":");
      Path csv = Path.of(parts[0]);
      String target = parts[1];
      String[] features = parts[2].split(",");
      SeriesForecaster.Builder base = SeriesForecaster.builder().column(target);
      SeriesFrame frame = base.features(features).build().readFrame(csv);
      String label = csv.getFileName() + ":" + target;
      run(label, "target alone", frame, target,
          SeriesForecaster.builder().column(target).config());
      run(label, "+ " + String.join(",", features) + " (AUTO)", frame, target,
          SeriesForecaster.builder().column(target).features(features).config());
      run(label, "+ " + String.join(",", features) + " (LEVELS)", frame, target,
          SeriesForecaster.builder().column(target).features(features)
              .featureTransform(TargetTransform.LEVELS).config());
    }
  }

  private static void run(String label, String inputs, SeriesFrame frame, String target,
      ForecasterConfig config) {
    int training = (int) Math.round(frame.length() * TRAINING_SHARE);
    long start = System.nanoTime();
    BacktestResult result = Backtest.over(frame, target).start(training).run(config);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%-28s %-34s %12.5g %12.5g %10.3f %7.1f%n", label, inputs,
        result.model().rmse(), result.naive().rmse(), result.model().rmse() / result.naive().rmse(),
        seconds);
  }
}
