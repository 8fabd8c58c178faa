package io.github.seriesforecaster.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFrame;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thousands of seeded mutations of the golden model files: each must end in a
 * {@link ModelFormatException} or in a model whose forecasts and intervals are finite, within a
 * heap bound, and none may hang. Anything else fails the test with the case's seed and mutation.
 */
class ForecasterArchiveFuzzTest {
  private static final Logger log = LoggerFactory.getLogger(ForecasterArchiveFuzzTest.class);
  /** Cases in {@code mvn test}. */
  static final int FAST_CASES = Integer.getInteger("fuzz.cases", 2_000);
  /** Cases of the slow variant ({@code -Dgroups=slow}). */
  static final int SLOW_CASES = 30_000;
  /** Heap one case may allocate: the golden models are a few kilobytes. */
  private static final long CASE_ALLOCATION_LIMIT = 256L << 20;
  /** Time after which a case counts as hanging; a case takes milliseconds. */
  private static final long HANG_SECONDS = 60;
  /** CPU time the cases took on the worker thread, for the summary. */
  private static final java.util.concurrent.atomic.AtomicLong CPU_NANOS =
      new java.util.concurrent.atomic.AtomicLong();

  @Test
  void load_mutatedModelFiles() throws Exception {
    fuzz(1, FAST_CASES);
  }

  /**
   * The 33 of 30,000 cases of the slow run that failed before the loader was fixed: an entry name
   * that is not UTF-8, a forecast-errors.json step that is not an array, a layer without its
   * activation function (DL4J accepts it and fails when the network runs).
   */
  @Test
  void load_casesTheSlowRunFound() {
    long[] seeds = {1000023, 1000287, 1001538, 1002558, 1003608, 1003781, 1005600, 1008162,
        1009569, 1010123, 1010317, 1010330, 1010962, 1011899, 1013308, 1013706, 1014228, 1018172,
        1018816, 1019357, 1019897, 1019964, 1022185, 1022498, 1023101, 1023370, 1024236, 1025742,
        1026098, 1026152, 1026913, 1028558, 1028575};
    ModelFuzzer fuzzer = new ModelFuzzer(List.of(ModelZips.entries(ModelZips.GOLDEN),
        ModelZips.entries(ModelZips.GOLDEN_FEATURES)));
    for (long seed : seeds) {
      ModelFuzzer.Case mutated = fuzzer.mutate(seed);
      assertThat(run(mutated)).as("seed %d: %s", seed, mutated.description())
          .isEqualTo("rejected");
    }
  }

  @Test
  @Tag("slow")
  void load_mutatedModelFilesSlow() throws Exception {
    fuzz(1_000_000, SLOW_CASES);
  }

  private static void fuzz(long firstSeed, int cases) throws Exception {
    ModelFuzzer fuzzer = new ModelFuzzer(List.of(ModelZips.entries(ModelZips.GOLDEN),
        ModelZips.entries(ModelZips.GOLDEN_FEATURES)));
    long start = System.nanoTime();
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    Map<String, Long> nanos = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      for (long seed = firstSeed; seed < firstSeed + cases; seed++) {
        ModelFuzzer.Case mutated = fuzzer.mutate(seed);
        long caseStart = System.nanoTime();
        Future<String> outcome = worker.submit(() -> run(mutated));
        String result;
        try {
          result = outcome.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          outcome.cancel(true);
          throw new AssertionError("seed " + seed + " hangs: " + mutated.description());
        }
        if (result.startsWith("failed")) {
          String message = "seed " + seed + " (" + mutated.description() + "): " + result;
          failures.add(message.length() > 400 ? message.substring(0, 400) + "..." : message);
        }
        String kind = result.startsWith("failed") ? "failed" : result;
        outcomes.merge(kind, 1, Integer::sum);
        nanos.merge(kind, System.nanoTime() - caseStart, Long::sum);
      }
    } finally {
      worker.shutdownNow();
    }
    log.info("{} mutated model files from seed {}: {} in {} ms (by outcome, ms: {}; CPU {} ms)",
        cases, firstSeed, outcomes, (System.nanoTime() - start) / 1_000_000, millis(nanos),
        CPU_NANOS.get() / 1_000_000);
    assertThat(failures).as("cases that ended in neither ModelFormatException nor a working model")
        .isEmpty();
    assertThat(outcomes.getOrDefault("rejected", 0)).isPositive();
  }

  /** @return {@code rejected}, {@code loaded}, or {@code failed: why} */
  private static String run(ModelFuzzer.Case mutated) {
    long before = allocatedBytes();
    long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    String result;
    try {
      SeriesForecaster forecaster =
          SeriesForecaster.load(new ByteArrayInputStream(mutated.zip()));
      result = checkForecasts(forecaster);
    } catch (ModelFormatException e) {
      result = e.getMessage() == null || e.getMessage().isBlank() ? "failed: no message"
          : "rejected";
    } catch (Throwable e) {
      result = "failed: " + e;
    }
    long allocated = allocatedBytes() - before;
    if (allocated > CASE_ALLOCATION_LIMIT) {
      result = "failed: allocated " + (allocated >> 20) + " MiB";
    }
    CPU_NANOS.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore);
    return result;
  }

  /** A loaded model must forecast finite values from a long enough, positive history. */
  private static String checkForecasts(SeriesForecaster forecaster) {
    int length = forecaster.minimumHistory() + 30;
    if (length > 100_000) {
      return "failed: loaded a model that needs " + forecaster.minimumHistory() + " past values";
    }
    Map<String, double[]> columns = new LinkedHashMap<>();
    for (String column : forecaster.inputColumns()) {
      double[] values = new double[length];
      for (int t = 0; t < length; t++) {
        values[t] = 10 + Math.sin(t / (3.0 + columns.size())) + 0.01 * t;
      }
      columns.put(column, values);
    }
    SeriesFrame frame = SeriesFrame.ofColumns(columns);
    // a model with features forecasts at most its horizon at once
    int steps = forecaster.inputColumns().size() > 1 ? forecaster.config().horizon() : 3;
    double[] forecast = forecaster.forecast(frame, steps);
    ForecastIntervals intervals;
    try {
      intervals = forecaster.forecastWithIntervals(frame, steps, 0.9);
    } catch (IllegalStateException e) {
      // a model saved without validation errors (no forecast-errors.json) has no intervals
      return e.getMessage().startsWith("this model has no validation errors")
          ? "loaded" : "failed: " + e;
    }
    for (int h = 0; h < forecast.length; h++) {
      if (!Double.isFinite(forecast[h])) {
        return "failed: forecast " + java.util.Arrays.toString(forecast);
      }
    }
    double[] lower = intervals.lower(0.9);
    double[] upper = intervals.upper(0.9);
    for (int h = 0; h < forecast.length; h++) {
      if (!Double.isFinite(lower[h]) || !Double.isFinite(upper[h])) {
        return "failed: interval " + java.util.Arrays.toString(lower) + " to "
            + java.util.Arrays.toString(upper);
      }
    }
    return "loaded";
  }

  private static Map<String, Long> millis(Map<String, Long> nanos) {
    Map<String, Long> millis = new LinkedHashMap<>();
    nanos.forEach((kind, n) -> millis.put(kind, n / 1_000_000));
    return millis;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
