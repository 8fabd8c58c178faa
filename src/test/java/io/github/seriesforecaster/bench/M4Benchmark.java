package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.IntervalMetrics;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.internal.eval.IntervalScores;
import io.github.seriesforecaster.many.GlobalFitReport;
import io.github.seriesforecaster.many.GlobalForecaster;
import io.github.seriesforecaster.many.Normalization;
import io.github.seriesforecaster.many.PerSeriesFits;
import io.github.seriesforecaster.many.SeriesFit;
import io.github.seriesforecaster.many.SeriesSet;
import io.github.seriesforecaster.many.SeriesSetReader;
import io.github.seriesforecaster.many.TrainingLoss;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The M4 hourly benchmark: fit once on the 414 training parts, forecast 48 steps from their ends,
 * score with the competition's sMAPE, MASE and OWA (see {@link M4Scores}) against the official test
 * values, and the global model's 95% intervals with the MSIS and ACD, beside seasonal naive
 * (whose official figures, 13.912 / 1.193, the scorer must reproduce) and naive.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.bench.M4Benchmark \
 *   -Dexec.args="../shared/data/m4"
 * </pre>
 * Arguments: the folder with {@code Hourly-train.csv} and {@code Hourly-test.csv} (default
 * {@code ../shared/data/m4}); {@code --per-series} also fits one default {@code SeriesForecaster}
 * with {@code season(24)} and {@code forecastHorizon(48)} per series through {@code PerSeriesFits}
 * (slow); {@code --no-global} skips the global model; {@code --tune} never reads the test file: it holds
 * out the last 48 values of every training part as the test (how the defaults were chosen);
 * {@code --series=N} uses the first N series; {@code name=value} overrides a
 * {@code GlobalForecaster} setting (window, hidden, layers, epochs, learningRate, batchSize,
 * windowsPerSeries, seed, patience, validation, valuesPerStep, loss, normalization, ensemble,
 * snapshots, threads) for experiments.
 */
public final class M4Benchmark {
  private static final int HORIZON = 48;
  private static final int SEASON = 24;

  private M4Benchmark() {}

  public static void main(String[] args) throws Exception {
    // ../shared from the main checkout, ../../shared from a worktree under wt/
    Path folder = java.nio.file.Files.isDirectory(Path.of("../shared/data/m4"))
        ? Path.of("../shared/data/m4") : Path.of("../../shared/data/m4");
    boolean perSeries = false;
    boolean tune = false;
    boolean global = true;
    int limit = Integer.MAX_VALUE;
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.equals("--per-series")) {
        perSeries = true;
      } else if (arg.equals("--no-global")) {
        global = false;
      } else if (arg.equals("--tune")) {
        tune = true;
      } else if (arg.startsWith("--series=")) {
        limit = Integer.parseInt(arg.substring("--series=".length()));
      } else if (arg.contains("=")) {
        overrides.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      } else {
        folder = Path.of(arg);
      }
    }
    long readStart = System.nanoTime();
    SeriesSetReader reader = SeriesSetReader.builder().build();
    SeriesSet train = reader.readWide(folder.resolve("Hourly-train.csv"));
    SeriesSet test;
    if (tune) {
      test = train.map(v -> Arrays.copyOfRange(v, v.length - HORIZON, v.length));
      train = train.map(v -> Arrays.copyOf(v, v.length - HORIZON));
    } else {
      test = reader.readWide(folder.resolve("Hourly-test.csv"));
    }
    if (limit < train.size()) {
      var trainMap = new LinkedHashMap<String, double[]>();
      var testMap = new LinkedHashMap<String, double[]>();
      for (String id : train.ids().subList(0, limit)) {
        trainMap.put(id, train.get(id));
        testMap.put(id, test.get(id));
      }
      train = SeriesSet.of(trainMap);
      test = SeriesSet.of(testMap);
    }
    System.out.printf(Locale.ROOT, "M4 hourly: %d series, %s; read in %.1f s%s%n", train.size(),
        tune ? "TUNING MODE: last 48 training values held out as the test, test file not read"
            : "official test values",
        (System.nanoTime() - readStart) / 1e9, overrides.isEmpty() ? "" : ", overrides " + overrides);
    System.out.printf(Locale.ROOT, "%-36s %8s %7s %7s %9s %10s%n", "method", "sMAPE", "MASE",
        "OWA", "minutes", "peak RSS");

    M4Scores seasonal = new M4Scores();
    M4Scores naive = new M4Scores();
    for (String id : train.ids()) {
      double[] history = train.get(id);
      double[] actual = test.get(id);
      seasonal.add(history, actual, M4Scores.seasonalNaive(history, SEASON, HORIZON), SEASON);
      double[] last = new double[HORIZON];
      Arrays.fill(last, history[history.length - 1]);
      naive.add(history, actual, last, SEASON);
    }
    print("seasonal naive", seasonal, 0);
    if (!tune && limit == Integer.MAX_VALUE) {
      boolean same = String.format(Locale.ROOT, "%.3f %.3f", seasonal.smape(), seasonal.mase())
          .equals("13.912 1.193");
      System.out.printf(Locale.ROOT, "  scorer check: seasonal naive %.3f / %.3f vs official "
          + "13.912 / 1.193: %s%n", seasonal.smape(), seasonal.mase(), same ? "OK" : "MISMATCH");
    }
    print("naive", naive, 0);

    if (global) {
      runGlobal(train, test, overrides);
    }
    if (perSeries) {
      runPerSeries(train, test);
    }
  }

  private static void runGlobal(SeriesSet train, SeriesSet test, Map<String, String> overrides) {
    GlobalForecaster.Builder builder = GlobalForecaster.builder().season(SEASON).horizon(HORIZON);
    overrides.forEach((name, value) -> apply(builder, name, value));
    GlobalForecaster global = builder.build();
    long start = System.nanoTime();
    GlobalFitReport report = global.fit(train);
    Map<String, double[]> forecasts = global.forecast(train, HORIZON);
    double globalSeconds = (System.nanoTime() - start) / 1e9;
    M4Scores globalScores = new M4Scores();
    for (String id : train.ids()) {
      globalScores.add(train.get(id), test.get(id), forecasts.get(id), SEASON);
    }
    print("global LSTM " + describe(global), globalScores, globalSeconds);
    printIntervals(global, train, test);
    System.out.println("  fit report (validation = last 48 values of each training part):");
    System.out.println("  " + report.summary().replace("\n", "\n  "));
  }

  /**
   * 95% intervals from the global model (each series scaled by its own seasonal differences,
   * calibrated on the last 48 training values), scored as the M4 did: MSIS per series (scaled by
   * the training part's mean absolute 24-step difference) averaged over the series, and ACD =
   * |coverage - 0.95| over all test values.
   */
  private static void printIntervals(GlobalForecaster global, SeriesSet train, SeriesSet test) {
    long start = System.nanoTime();
    Map<String, ForecastIntervals> intervals = global.forecastWithIntervals(train, HORIZON, 0.95);
    double seconds = (System.nanoTime() - start) / 1e9;
    double msis = 0;
    double coverage = 0;
    for (String id : train.ids()) {
      IntervalMetrics metrics = IntervalScores.of(0.95, test.get(id),
          intervals.get(id).lower(0.95), intervals.get(id).upper(0.95),
          IntervalScores.scale(train.get(id), SEASON));
      msis += metrics.msis();
      coverage += metrics.coverage();
    }
    int count = train.size();
    System.out.printf(Locale.ROOT, "  95%% intervals: MSIS %.3f, coverage %.4f, ACD %.4f (%.1f s); "
        + "official hourly: best 6.139 / ACD 0.002, ARIMA 7.538 / 0.001, ES-RNN 7.928 / 0.040, "
        + "ETS 17.487 / 0.001, naive 71.245 / 0.011%n", msis / count, coverage / count,
        Math.abs(coverage / count - 0.95), seconds);
  }

  private static String describe(GlobalForecaster f) {
    var c = f.config();
    return String.format(Locale.ROOT, "(w%d h%d x%d s%d%s)", c.window(), c.hidden(), c.ensemble(),
        c.snapshots(),
        c.loss() == TrainingLoss.MAE ? "" : " " + c.loss());
  }

  /**
   * One default {@code SeriesForecaster} per series, as a user would set it up for this job: the
   * season, and {@code forecastHorizon(48)} so that AUTO chooses by 1-48-step validation errors.
   * {@link PerSeriesFits} runs as many fits at once as there are processors, each on one thread.
   */
  private static void runPerSeries(SeriesSet train, SeriesSet test) {
    long start = System.nanoTime();
    ForecasterConfig config = SeriesForecaster.builder().season(SEASON).forecastHorizon(HORIZON)
        .build().config();
    PerSeriesFits fits = PerSeriesFits.fit(train, config, HORIZON);
    double seconds = (System.nanoTime() - start) / 1e9;
    M4Scores scores = new M4Scores();
    Map<String, Integer> chosen = new java.util.TreeMap<>();
    for (SeriesFit fit : fits.results()) {
      if (!fit.ok()) {
        System.out.println("  FAILED " + fit.id() + ": " + fit.error());
        continue;
      }
      scores.add(train.get(fit.id()), test.get(fit.id()), fit.forecast(), SEASON);
      chosen.merge(fit.report().candidate(), 1, Integer::sum);
    }
    print("per-series SeriesForecaster (" + config.parallelism() + " at once)", scores, seconds);
    System.out.println("  chosen: " + chosen);
  }

  private static void apply(GlobalForecaster.Builder b, String name, String value) {
    switch (name) {
      case "window" -> b.window(Integer.parseInt(value));
      case "valuesPerStep" -> b.valuesPerStep(Integer.parseInt(value));
      case "hidden" -> b.hidden(Integer.parseInt(value));
      case "layers" -> b.layers(Integer.parseInt(value));
      case "epochs" -> b.epochs(Integer.parseInt(value));
      case "learningRate" -> b.learningRate(Double.parseDouble(value));
      case "batchSize" -> b.batchSize(Integer.parseInt(value));
      case "windowsPerSeries" -> b.windowsPerSeries(Integer.parseInt(value));
      case "seed" -> b.seed(Long.parseLong(value));
      case "patience" -> b.patience(Integer.parseInt(value));
      case "validation" -> b.validation(Integer.parseInt(value));
      case "loss" -> b.loss(TrainingLoss.valueOf(value));
      case "normalization" -> b.normalization(Normalization.valueOf(value));
      case "ensemble" -> b.ensemble(Integer.parseInt(value));
      case "snapshots" -> b.snapshots(Integer.parseInt(value));
      case "threads" -> b.threads(Integer.parseInt(value));
      default -> throw new IllegalArgumentException("unknown setting '" + name + "'");
    }
  }

  private static void print(String method, M4Scores scores, double seconds) {
    System.out.printf(Locale.ROOT, "%-36s %8.3f %7.3f %7.3f %9.2f %7d MB%n", method,
        scores.smape(), scores.mase(), scores.owa(), seconds / 60,
        ProcessMemory.peakResidentBytes() >> 20);
  }
}
