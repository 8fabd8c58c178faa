package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.SeriesForecaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Fits a small model 200 times in one JVM and prints the resident memory (VmRSS) every 20 fits,
 * to show that off-heap memory does not grow without bound.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.bench.RepeatedFitMemory
 * </pre>
 */
public final class RepeatedFitMemory {
  private RepeatedFitMemory() {}

  public static void main(String[] args) throws Exception {
    int fits = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    double[] series = new double[300];
    for (int i = 0; i < series.length; i++) {
      series[i] = 100 + 10 * Math.sin(i / 5.0) + 0.05 * i;
    }
    SeriesForecaster forecaster = SeriesForecaster.builder()
        .window(8).hidden(8).epochs(20).patience(0).build();
    System.out.printf(Locale.ROOT, "%6s %10s %10s%n", "fits", "VmRSS MB", "VmHWM MB");
    for (int fit = 1; fit <= fits; fit++) {
      forecaster.fit(series);
      if (fit == 1 || fit % 20 == 0) {
        System.out.printf(Locale.ROOT, "%6d %10.0f %10.0f%n", fit, status("VmRSS"), status("VmHWM"));
      }
    }
  }

  static double status(String key) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }
}
