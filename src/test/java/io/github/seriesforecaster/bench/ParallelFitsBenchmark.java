package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.Backtest;
import io.github.seriesforecaster.BacktestResult;
import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TargetTransform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wall and process CPU time of independent fits run one at a time and several at a time, and a
 * digest of their results that shows whether both runs give bit-identical forecasts. Two jobs:
 *
 * <ul>
 *   <li>{@code backtest}: a 10-fold backtest (refit before every fold, 6 steps per fold) of
 *       {@code AUTO} with a season of 12 on a monthly series; its folds run {@code parallelism}
 *       at a time ({@code Backtest}), and each fold's fit its candidates' fold fits too;
 *   <li>{@code auto}: one {@code fit} of {@code AUTO} with a season of 12 on the whole series:
 *       the rolling-origin fold fits of its three network candidates run {@code parallelism} at a
 *       time ({@code CandidateChoice}), the refit of the kept one and the calibration after them.
 * </ul>
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.bench.ParallelFitsBenchmark \
 *   -Dexec.args="--csv data/co2_monthly.csv --rounds 2"
 * </pre>
 *
 * <p>In one JVM, as above, "parallelism 1" still has the second core for the JIT compiler, the
 * garbage collector and ND4J's own threads: it is not the single-core time. {@code
 * bench/parallel-scale.sh} runs each side in its own JVM, the single-core one pinned to one core
 * ({@code taskset -c 0 java -XX:ActiveProcessorCount=1}), with {@code --parallelisms 1} and
 * {@code --parallelisms 2}.
 *
 * <p>Options: {@code --csv PATH} (a monthly CSV, default {@code data/co2_monthly.csv}),
 * {@code --column NAME} (co2_ppm), {@code --rounds N} (2), {@code --epochs N} (60),
 * {@code --parallelisms LIST} (the parallelism of each run of a round, in order, default
 * {@code 1,2}), {@code --jobs LIST} ({@code backtest,auto}).
 *
 * <p>Each run prints {@code RESULT kind=parallel job=... round=... parallelism=... wall_s=...
 * cpu_s=... training_threads=... digest=...}: {@code training_threads} counts the threads that
 * trained a network (1 when everything ran on the caller's thread), {@code digest} is a hash of
 * every forecast's bits (and for {@code auto} of the candidates' validation errors), equal between
 * runs exactly when their results are bit-identical.
 */
public final class ParallelFitsBenchmark {
  private ParallelFitsBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path csv = Path.of("data/co2_monthly.csv");
    String column = "co2_ppm";
    int rounds = 2;
    int epochs = 60;
    int[] parallelisms = {1, 2};
    List<String> jobs = List.of("backtest", "auto");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--csv" -> csv = Path.of(args[i + 1]);
        case "--column" -> column = args[i + 1];
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
        case "--parallelisms", "--parallelism" -> parallelisms =
            Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--jobs" -> jobs = List.of(args[i + 1].split(","));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    for (String job : jobs) {
      if (!job.equals("backtest") && !job.equals("auto")) {
        throw new IllegalArgumentException("unknown job " + job + "; use backtest, auto");
      }
    }
    Set<String> trainingThreads = ConcurrentHashMap.newKeySet();
    EpochListener threads =
        (epoch, total, loss, epochNanos, elapsed) -> trainingThreads.add(Thread.currentThread().getName());
    ForecasterConfig config = SeriesForecaster.builder().column(column).window(12).hidden(16)
        .epochs(epochs).transform(TargetTransform.AUTO).season(12).seed(42).config();
    double[] series = SeriesForecaster.builder(config).build().readSeries(csv);
    int folds = 10;
    int horizon = 6;
    Backtest backtest = Backtest.over(series).start(series.length - folds * horizon)
        .horizon(horizon).stride(horizon).refitEvery(1);
    System.out.printf(Locale.ROOT, "# %s: %d values; backtest: %d folds of %d steps; AUTO season "
            + "12, window 12, hidden 16, %d epochs; %d processors available to this JVM, load "
            + "average before: %s%n",
        csv.getFileName(), series.length, folds, horizon, epochs,
        Runtime.getRuntime().availableProcessors(), loadAverage());
    // ND4J start-up and a first JIT pass outside the timings, with every parallelism measured
    for (int p : parallelisms) {
      Backtest.over(Arrays.copyOf(series, 120)).start(108).horizon(6).stride(6)
          .run(config.toBuilder().epochs(2).parallelism(p).config());
    }
    String[] reference = new String[2];
    for (int round = 1; round <= rounds; round++) {
      for (int p : parallelisms) {
        for (String job : jobs) {
          ForecasterConfig run = config.toBuilder().parallelism(p).config();
          trainingThreads.clear();
          long start = System.nanoTime();
          long cpu = ProcessCpu.nanos();
          String digest;
          String what;
          if (job.equals("backtest")) {
            BacktestResult result = backtest.run(run, threads);
            digest = digest(result);
            what = String.format(Locale.ROOT, "%d fits, MASE %.4f", result.fits(),
                result.model().mase());
          } else {
            SeriesForecaster forecaster = SeriesForecaster.builder(run).listener(threads).build();
            FitReport report = forecaster.fit(series);
            double[] forecast = forecaster.forecast(series, 12);
            digest = digest(forecast, report.candidateErrors());
            what = String.format(Locale.ROOT, "kept %s, %d fold(s), %d candidates",
                report.candidate(), report.folds(), report.candidateErrors().size());
          }
          double wall = (System.nanoTime() - start) / 1e9;
          double cpuSeconds = (ProcessCpu.nanos() - cpu) / 1e9;
          int slot = job.equals("backtest") ? 0 : 1;
          if (reference[slot] == null) {
            reference[slot] = digest;
          }
          boolean identical = reference[slot].equals(digest);
          System.out.printf(Locale.ROOT,
              "  round %d, %s, parallelism %d: %.2f s wall, %.2f s CPU (%.2f cores busy), %s, "
                  + "%d training thread(s), digest %s, bit-identical to this JVM's first run: "
                  + "%s (load average %s)%n",
              round, job, p, wall, cpuSeconds, cpuSeconds / wall, what, trainingThreads.size(),
              digest, identical, loadAverage());
          System.out.printf(Locale.ROOT,
              "RESULT kind=parallel job=%s round=%d parallelism=%d processors=%d wall_s=%.3f "
                  + "cpu_s=%.3f training_threads=%d digest=%s identical=%s%n",
              job, round, p, Runtime.getRuntime().availableProcessors(), wall, cpuSeconds,
              trainingThreads.size(), digest, identical);
        }
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

  /** FNV-1a over the bits of every value, as 16 hex digits. */
  private static final class Digest {
    private long hash = 0xcbf29ce484222325L;

    void add(double value) {
      long bits = Double.doubleToRawLongBits(value);
      for (int i = 0; i < 8; i++) {
        hash ^= (bits >>> (8 * i)) & 0xff;
        hash *= 0x100000001b3L;
      }
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%016x", hash);
    }
  }

  private static String digest(BacktestResult result) {
    Digest digest = new Digest();
    for (BacktestResult.Origin origin : result.origins()) {
      digest.add(origin.index());
      for (double value : origin.forecast()) {
        digest.add(value);
      }
    }
    return digest.toString();
  }

  private static String digest(double[] forecast, Map<String, Double> candidateErrors) {
    Digest digest = new Digest();
    for (double value : forecast) {
      digest.add(value);
    }
    candidateErrors.values().forEach(digest::add);
    return digest.toString();
  }
}
