package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.model.FittedModel;
import io.github.seriesforecaster.internal.model.ForecastErrors;
import io.github.seriesforecaster.internal.train.Fitting;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The validation forecasts behind the interval calibration of the realistic network (window 30,
 * hidden 64, 2 layers) on the Google closing prices: 250 origins x 24 steps, by thread CPU time,
 * window by window in batched network calls ({@code forecastEach}) and with the shared true-value
 * prefixes ({@code forecastFromOrigins}), alternately in one JVM; and the largest relative
 * difference between the two.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.bench.ValidationForecastsProbe \
 *   -Dexec.args="--rounds 5"
 * </pre>
 */
public final class ValidationForecastsProbe {
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 1 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 5;
    SeriesForecaster.Builder builder = SeriesForecaster.builder().column("Close").seed(42)
        .window(30).hidden(64).layers(2).epochs(2).batchSize(64).shrink(false);
    double[] series = builder.build().readSeries(Path.of("data/goog_daily_ohlcv.csv"));
    FittedModel model = Fitting.fit(builder.config(),
        new SeriesData("goog", "Close", series, series.length, 0), EpochListener.NONE,
        System.nanoTime()).model();
    int first = series.length - 250 - 24;
    int[] origins = ForecastErrors.origins(first, series.length - 24);
    int[] steps = new int[origins.length];
    Arrays.fill(steps, 24);
    double[][] inputs = {series};
    double[][][] histories = new double[origins.length][][];
    for (int i = 0; i < origins.length; i++) {
      histories[i] = new double[][] {
          Arrays.copyOfRange(series, origins[i] - model.minimumHistory(), origins[i])};
    }
    var threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= rounds; round++) {
      long p0 = ProcessCpu.nanos();
      long c0 = threads.getCurrentThreadCpuTime();
      double[][] windows = model.forecastEach(histories, steps, true);
      long c1 = threads.getCurrentThreadCpuTime();
      long p1 = ProcessCpu.nanos();
      double[][] shared = model.forecastFromOrigins(inputs, origins, steps, true);
      long c2 = threads.getCurrentThreadCpuTime();
      long p2 = ProcessCpu.nanos();
      double diff = 0;
      for (int i = 0; i < origins.length; i++) {
        for (int h = 0; h < steps[i]; h++) {
          diff = Math.max(diff, Math.abs(windows[i][h] - shared[i][h]) / Math.abs(windows[i][h]));
        }
      }
      System.out.printf(Locale.ROOT, "round %d: %d origins x 24 steps, thread CPU: window by "
          + "window %.0f ms, shared prefixes %.0f ms (ratio %.2f); max relative difference "
          + "%.2g; process CPU %.0f vs %.0f ms%n", round, origins.length, (c1 - c0) / 1e6,
          (c2 - c1) / 1e6, (double) (c1 - c0) / (c2 - c1), diff, (p1 - p0) / 1e6, (p2 - p1) / 1e6);
    }
  }
}
