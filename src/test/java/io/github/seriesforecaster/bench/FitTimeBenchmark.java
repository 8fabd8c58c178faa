package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.SeriesForecaster;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Wall time of a default fit of a monthly series of a given length with {@code season(12)}: the
 * first {@code length} values of a file's column, fitted {@code repeats} times in one JVM (the
 * first fit also loads ND4J), at each parallelism given. Prints wall and process CPU time: on a
 * shared machine the CPU time is the steadier figure.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.bench.FitTimeBenchmark \
 *   -Dexec.args="data/co2_monthly.csv co2_ppm 150 3 1,2"
 * </pre>
 * Extra settings for experiments: {@code -Densemble=3}.
 */
public final class FitTimeBenchmark {
  private FitTimeBenchmark() {}

  /** CPU time of the whole process (every thread, garbage collection included). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  public static void main(String[] args) throws Exception {
    Path csv = Path.of(args[0]);
    String column = args[1];
    int length = Integer.parseInt(args[2]);
    int repeats = Integer.parseInt(args[3]);
    String[] parallelisms = (args.length > 4 ? args[4] : "2").split(",");
    SeriesForecaster reader = SeriesForecaster.builder().column(column).build();
    double[] series = Arrays.copyOf(reader.readSeries(csv), length);
    for (int r = 0; r < repeats; r++) {
      for (String parallelism : parallelisms) {
        SeriesForecaster forecaster = SeriesForecaster.builder().season(12)
            .ensemble(Integer.getInteger("ensemble", 1))
            .parallelism(Integer.parseInt(parallelism)).build();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        FitReport report = forecaster.fit(series);
        System.out.printf(Locale.ROOT, "%s %d values, parallelism %s: %.2f s wall, %.2f s CPU, "
                + "kept %s, validation RMSE %.4g, %s%n", csv.getFileName(), length, parallelism,
            (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpuStart) / 1e9,
            report.candidate(), report.model().rmse(), report.stopReason());
      }
    }
  }
}
