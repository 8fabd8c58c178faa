package io.github.seriesforecaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SeriesForecasterConcurrencyTest {
  private static final int THREADS = 8;
  private static final int CALLS = 10_000;

  @Test
  void predict_manyThreadsGiveTheSequentialResults() throws Exception {
    double[] series = TestSeries.sine(200);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(series);
    int history = forecaster.minimumHistory();
    int origins = series.length - history;
    double[] expected = new double[origins];
    for (int i = 0; i < origins; i++) {
      expected[i] = forecaster.predict(Arrays.copyOfRange(series, i, i + history));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        int offset = thread * 17;
        results.add(pool.submit(() -> {
          start.await();
          int mismatches = 0;
          for (int call = 0; call < CALLS; call++) {
            int i = (call + offset) % origins;
            double value = call % 100 == 0
                ? forecaster.predict(new double[][] {Arrays.copyOfRange(series, i, i + history)})[0]
                : forecaster.predict(Arrays.copyOfRange(series, i, i + history));
            boolean batch = call % 100 == 0;
            if (batch ? Math.abs(value - expected[i]) > 1e-6 * Math.abs(expected[i])
                : value != expected[i]) {
              mismatches++;
            }
          }
          return mismatches;
        }));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertThat(result.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fit_whilePredictingSwapsTheModelAtomically() throws Exception {
    double[] series = TestSeries.sine(120);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(series);
    double before = forecaster.predict(series);
    double[] shifted = Arrays.stream(series).map(v -> v * 3 + 100).toArray();
    AtomicBoolean fitting = new AtomicBoolean(true);
    List<Double> seen = new ArrayList<>();
    Thread reader = new Thread(() -> {
      while (fitting.get()) {
        double value = forecaster.predict(series);
        synchronized (seen) {
          seen.add(value);
        }
      }
    });
    reader.start();
    forecaster.fit(shifted);
    fitting.set(false);
    reader.join();
    double after = forecaster.predict(series);
    assertThat(after).isNotEqualTo(before);
    // every prediction came from the old model or the new one, never from a half-built state
    assertThat(seen).isNotEmpty().allMatch(v -> v == before || v == after);
  }
}
