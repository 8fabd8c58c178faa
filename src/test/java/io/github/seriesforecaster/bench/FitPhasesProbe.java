package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.model.ForecastErrors;
import io.github.seriesforecaster.internal.train.Fitting;
import java.nio.file.Path;
import java.util.Locale;

/** Times the phases of one fit: epochs, the whole fit, and ForecastErrors.measure alone. */
public final class FitPhasesProbe {
  public static void main(String[] args) throws Exception {
    boolean tutorial = args.length > 0 && args[0].equals("tutorial");
    SeriesForecaster.Builder builder = SeriesForecaster.builder().column("Close").seed(42);
    if (tutorial) {
      builder.window(3).hidden(6).layers(1).epochs(300).batchSize(64).patience(0);
    } else {
      builder.window(30).hidden(64).layers(2).epochs(10).batchSize(64);
    }
    double[] series = builder.build().readSeries(Path.of("data/goog_daily_ohlcv.csv"));
    for (int round = 0; round < 3; round++) {
      long[] epochs = new long[2];
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      ForecasterConfig config = builder.config();
      long start = System.nanoTime();
      Fitting.Result result = Fitting.fit(config,
          new SeriesData("goog", "Close", series, series.length, 0),
          (e, t, l, n, el) -> {
            epochs[0] += n;
            epochs[1] = threads.getCurrentThreadCpuTime();
          }, start);
      long fit = System.nanoTime() - start;
      long cpuEnd = threads.getCurrentThreadCpuTime();
      System.out.printf(Locale.ROOT, "thread CPU: fit %.0f ms, up to the last epoch %.0f ms, "
          + "after %.0f ms%n", (cpuEnd - cpuStart) / 1e6, (epochs[1] - cpuStart) / 1e6,
          (cpuEnd - epochs[1]) / 1e6);
      int first = series.length - result.report().validationWindows();
      long m0 = System.nanoTime();
      ForecastErrors errors = ForecastErrors.measure(result.model(), new double[][] {series}, first);
      long measure = System.nanoTime() - m0;
      var bean = java.lang.management.ManagementFactory.getThreadMXBean();
      var model = result.model();
      int count = 250;
      double[][][] histories = new double[count][][];
      int[] steps = new int[count];
      for (int i = 0; i < count; i++) {
        histories[i] = new double[][] {java.util.Arrays.copyOfRange(series, 0, first + i)};
        steps[i] = 24;
      }
      long c0 = bean.getCurrentThreadCpuTime();
      double[][] batched = model.forecastEach(histories, steps);
      long c1 = bean.getCurrentThreadCpuTime();
      double diff = 0;
      for (int i = 0; i < count; i++) {
        double[] one = model.forecastInputs(histories[i], steps[i]);
        for (int h = 0; h < 24; h++) {
          diff = Math.max(diff, Math.abs(one[h] - batched[i][h]) / Math.abs(one[h]));
        }
      }
      long c2 = bean.getCurrentThreadCpuTime();
      System.out.printf(Locale.ROOT, "fit %.0f ms, epochs %.0f ms, measure %.0f ms, steps %d; "
          + "CPU batched %.0f ms, one by one %.0f ms, max rel diff %.2g%n",
          fit / 1e6, epochs[0] / 1e6, measure / 1e6, errors.steps(), (c1 - c0) / 1e6,
          (c2 - c1) / 1e6, diff);
    }
  }
}
