package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.internal.model.LstmInference;
import io.github.seriesforecaster.internal.model.LstmNetworkFactory;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Times {@link LstmInference#output} alone on the tutorial (window 3, hidden 6) and realistic
 * (window 30, hidden 64, 2 layers) networks: p50 wall time and mean thread CPU per call.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.bench.InferenceSpeedProbe
 * </pre>
 */
public final class InferenceSpeedProbe {
  private InferenceSpeedProbe() {}

  public static void main(String[] args) {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    for (int round = 0; round < 3; round++) {
      probe("tutorial", SeriesForecaster.builder().window(3).hidden(6).layers(1).config(), calls * 10);
      probe("realistic", SeriesForecaster.builder().window(30).hidden(64).layers(2).config(), calls);
    }
  }

  private static void probe(String name, ForecasterConfig config, int calls) {
    LstmInference inference = LstmInference.of(LstmNetworkFactory.create(config)).orElseThrow();
    Random random = new Random(1);
    float[][] windows = new float[256][config.window()];
    for (float[] window : windows) {
      for (int i = 0; i < window.length; i++) {
        window[i] = (float) random.nextGaussian();
      }
    }
    double sink = 0;
    for (int i = 0; i < calls / 4; i++) {
      sink += inference.output(windows[i & 255]);
    }
    long[] nanos = new long[calls];
    var bean = ManagementFactory.getThreadMXBean();
    long cpu = bean.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      sink += inference.output(windows[i & 255]);
      nanos[i] = System.nanoTime() - start;
    }
    double cpuPerCall = (bean.getCurrentThreadCpuTime() - cpu) / 1e3 / calls;
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "%-9s p50 %.2f us, p10 %.2f us, CPU %.2f us per call [%.3g]%n",
        name, nanos[calls / 2] / 1e3, nanos[calls / 10] / 1e3, cpuPerCall, sink);
  }
}
