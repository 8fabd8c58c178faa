package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.SeriesForecaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Training and prediction speed, peak memory and model size of the library, measured through its
 * public API only (so it measures whatever network implementation the library uses), for one of
 * three fixed configurations. {@code bench/pytorch_reference.py} measures the same model in PyTorch
 * and prints the same {@code RESULT} lines; {@code bench/compare.sh} runs both alternately. See
 * docs/performance.md.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.bench.PerformanceBenchmark \
 *   -Dexec.args="--config tutorial"
 * </pre>
 * Under {@code exec:java} the benchmark runs inside Maven's JVM, so the peak resident memory it
 * reports includes Maven; {@code bench/compare.sh} starts a plain {@code java} per configuration.
 *
 * <p>Options ({@code --name value}):
 * <ul>
 *   <li>{@code --config tutorial|realistic|scale} (required): tutorial = window 3, hidden 6, 1 layer
 *       on the Google closing prices; realistic = window 30, hidden 64, 2 layers, batch 64 on the
 *       same series; scale = window 30, hidden 32, 1 layer on USDCHF half-hourly rates, trained at
 *       several series lengths;
 *   <li>{@code --mode quick|full}: defaults for the counts below (full by default);
 *   <li>{@code --epochs N}, {@code --warmup N}: epochs per fit and how many leading epochs are left
 *       out of the medians (at least 1);
 *   <li>{@code --calls N} (full 10000, quick 1000): timed single-window {@code predict} calls,
 *       after {@code --predict-warmup N} (full 1000, quick 200) untimed ones;
 *   <li>{@code --batch-windows N} (10000): histories per batch {@code predict(double[][])} call,
 *       timed {@code --batch-repeats N} (full 5, quick 3) times after two untimed calls;
 *   <li>{@code --rows 10000,30000,all}: series lengths for the scale configuration (first N values);
 *   <li>{@code --goog PATH} (data/goog_daily_ohlcv.csv), {@code --usdchf PATH}
 *       (../shared/data/usdchf_30min.csv), relative to the working directory;
 *   <li>{@code --threads N} (1, the library default);
 *   <li>{@code --batch N}: windows per mini-batch instead of the preset's;
 *   <li>{@code --fits N} (2): fits of each series one after another in the same JVM; the first
 *       pays the JIT compiling the library's code, later ones show the steady state. Training
 *       figures ({@code kind=train}) come from the first, whole-fit figures from each.
 * </ul>
 *
 * <p>Every fit uses {@code patience(0)} (no early stopping, so every epoch does the same work),
 * {@code validationFraction(0.3)}, seed 42 and the default transform (first differences), with
 * the library's default validation work after training (one-step validation forecasts,
 * shrinkage, interval calibration). Besides the epochs it reports the whole fit: wall and process
 * CPU time of {@code fit}, and the part after the last epoch.
 */
public final class PerformanceBenchmark {
  private static final String SIDE = "dl4j";

  private PerformanceBenchmark() {}

  /** A fixed configuration; the PyTorch reference defines the same three. */
  enum Preset {
    TUTORIAL("goog", "Close", 3, 6, 1, 0, 300, 30, 60, 10),
    REALISTIC("goog", "Close", 30, 64, 2, 64, 30, 5, 8, 2),
    SCALE("usdchf", "USDCHF", 30, 32, 1, 0, 8, 2, 3, 1);

    final String data;
    final String column;
    final int window;
    final int hidden;
    final int layers;
    /** Windows per mini-batch; 0 leaves the library default. */
    final int batchSize;
    final int fullEpochs;
    final int fullWarmup;
    final int quickEpochs;
    final int quickWarmup;

    Preset(String data, String column, int window, int hidden, int layers, int batchSize,
        int fullEpochs, int fullWarmup, int quickEpochs, int quickWarmup) {
      this.data = data;
      this.column = column;
      this.window = window;
      this.hidden = hidden;
      this.layers = layers;
      this.batchSize = batchSize;
      this.fullEpochs = fullEpochs;
      this.fullWarmup = fullWarmup;
      this.quickEpochs = quickEpochs;
      this.quickWarmup = quickWarmup;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The parsed command line. */
  record Options(Preset preset, int epochs, int warmup, int calls, int predictWarmup,
      int batchWindows, int batchRepeats, List<String> rows, Path goog, Path usdchf, int threads,
      int batchSize, int fits) {

    static Options parse(String[] args) {
      String config = null;
      String mode = "full";
      Integer epochs = null;
      Integer warmup = null;
      Integer calls = null;
      Integer predictWarmup = null;
      int batchWindows = 10_000;
      Integer batchRepeats = null;
      String rows = "10000,30000,all";
      Path goog = Path.of("data/goog_daily_ohlcv.csv");
      Path usdchf = Path.of("../shared/data/usdchf_30min.csv");
      int threads = 1;
      int batchSize = 0;
      int fits = 2;
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args[++i];
        switch (name) {
          case "--config" -> config = value;
          case "--mode" -> mode = value;
          case "--epochs" -> epochs = Integer.parseInt(value);
          case "--warmup" -> warmup = Integer.parseInt(value);
          case "--calls" -> calls = Integer.parseInt(value);
          case "--predict-warmup" -> predictWarmup = Integer.parseInt(value);
          case "--batch-windows" -> batchWindows = Integer.parseInt(value);
          case "--batch-repeats" -> batchRepeats = Integer.parseInt(value);
          case "--rows" -> rows = value;
          case "--goog" -> goog = Path.of(value);
          case "--usdchf" -> usdchf = Path.of(value);
          case "--threads" -> threads = Integer.parseInt(value);
          case "--batch" -> batchSize = Integer.parseInt(value);
          case "--fits" -> fits = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      if (config == null) {
        throw new IllegalArgumentException("--config tutorial|realistic|scale is required");
      }
      Preset preset = Preset.valueOf(config.toUpperCase(Locale.ROOT));
      boolean quick = switch (mode) {
        case "quick" -> true;
        case "full" -> false;
        default -> throw new IllegalArgumentException("--mode must be quick or full, was " + mode);
      };
      int e = epochs != null ? epochs : quick ? preset.quickEpochs : preset.fullEpochs;
      int w = warmup != null ? warmup : quick ? preset.quickWarmup : preset.fullWarmup;
      if (w < 1 || w >= e) {
        throw new IllegalArgumentException("--warmup must be in [1, epochs), was " + w);
      }
      List<String> rowList = preset == Preset.SCALE ? List.of(rows.split(",")) : List.of("all");
      return new Options(preset, e, w, calls != null ? calls : quick ? 1_000 : 10_000,
          predictWarmup != null ? predictWarmup : quick ? 200 : 1_000, batchWindows,
          batchRepeats != null ? batchRepeats : quick ? 3 : 5, rowList, goog, usdchf, threads,
          batchSize > 0 ? batchSize : preset.batchSize, fits);
    }

    Path csv() {
      return preset.data.equals("goog") ? goog : usdchf;
    }
  }

  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    Preset preset = options.preset();
    System.out.printf(Locale.ROOT,
        "# %s: java %s, %d processors, max heap %d MB, threads %d, OPENBLAS_CORETYPE=%s%n",
        preset.label(), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        options.threads(), System.getenv("OPENBLAS_CORETYPE"));
    double[] all = builder(options, 1, 1).build().readSeries(options.csv());

    // ND4J's one-time start-up (native libraries, backend check: seconds) would otherwise land in
    // the first timed fit; PyTorch's import is outside its timings too
    builder(options, 2, 0).window(3).hidden(4).layers(1).build()
        .fit(Arrays.copyOf(all, Math.min(all.length, 200)));

    SeriesForecaster last = null;
    double[] lastSeries = null;
    for (String rows : options.rows()) {
      int n = rows.equals("all") ? all.length : Math.min(all.length, Integer.parseInt(rows));
      double[] series = Arrays.copyOf(all, n);
      for (int fit = 1; fit <= options.fits(); fit++) {
        last = train(options, series, fit);
      }
      lastSeries = series;
    }
    predict(options, last, lastSeries);

    Path file = Files.createTempFile("series-forecaster-bench", ".zip");
    try {
      last.save(file);
      long bytes = Files.size(file);
      System.out.printf(Locale.ROOT, "  model file: %d bytes%n", bytes);
      System.out.printf(Locale.ROOT, "RESULT kind=model side=%s config=%s model_bytes=%d%n",
          SIDE, preset.label(), bytes);
    } finally {
      Files.deleteIfExists(file);
    }

    double peak = ProcessMemory.peakResidentBytes() / 1048576.0;
    double now = ProcessMemory.residentBytes() / 1048576.0;
    System.out.printf(Locale.ROOT, "  resident memory: peak %.0f MB, now %.0f MB%n", peak, now);
    System.out.printf(Locale.ROOT,
        "RESULT kind=memory side=%s config=%s peak_rss_mb=%.0f rss_mb=%.0f max_heap_mb=%d%n",
        SIDE, preset.label(), peak, now, Runtime.getRuntime().maxMemory() >> 20);
  }

  private static SeriesForecaster.Builder builder(Options options, int epochs, int patience) {
    Preset preset = options.preset();
    SeriesForecaster.Builder builder = SeriesForecaster.builder()
        .column(preset.column)
        .window(preset.window)
        .hidden(preset.hidden)
        .layers(preset.layers)
        .epochs(epochs)
        .patience(patience)
        .validationFraction(0.3)
        .seed(42)
        .threads(options.threads());
    if (options.batchSize() > 0) {
      builder.batchSize(options.batchSize());
    }
    return builder;
  }

  /** @param fit 1 for the first fit of this series in the JVM; only the first prints kind=train */
  private static SeriesForecaster train(Options options, double[] series, int fit) {
    int epochs = options.epochs();
    long[] nanos = new long[epochs];
    long[] cpuAtEnd = new long[epochs];
    long[] lastEpochEnd = new long[2];
    // every training of the fit: the rolling-origin fold networks, then the refit on all values
    long[] allEpochNanos = new long[1];
    // the per-epoch figures are the first training's (the fold network on the training part, the
    // windows PyTorch's kind=train line trains on); the refit's fewer, longer epochs would
    // otherwise overwrite the first ones
    boolean[] firstTraining = {true};
    SeriesForecaster forecaster = builder(options, epochs, 0)
        .listener(new EpochListener() {
          @Override
          public void epochEnded(int epoch, int total, double loss, long epochNanos,
              long elapsed) {
            allEpochNanos[0] += epochNanos;
            lastEpochEnd[0] = System.nanoTime();
            lastEpochEnd[1] = ProcessCpu.nanos();
            if (firstTraining[0]) {
              cpuAtEnd[epoch - 1] = lastEpochEnd[1];
              nanos[epoch - 1] = epochNanos;
            }
          }

          @Override
          public void trainingEnded(int epochsRun, int bestEpoch, String stopReason) {
            firstTraining[0] = false;
          }
        })
        .build();
    long fitStart = System.nanoTime();
    long fitCpuStart = ProcessCpu.nanos();
    FitReport report = forecaster.fit(series);
    long fitEnd = System.nanoTime();
    long fitCpuEnd = ProcessCpu.nanos();
    // the refit runs the folds' mean best epoch, at most the configured epochs
    if (report.epochsRun() > epochs) {
      throw new IllegalStateException("ran " + report.epochsRun() + " epochs, expected " + epochs);
    }
    long[] measured = Arrays.copyOfRange(nanos, options.warmup(), epochs);
    // the process CPU clock ticks in steps of up to 10 ms: average over the measured epochs
    // (from the end of the last warm-up epoch, hence warmup >= 1) instead of a median
    double cpuMean = (cpuAtEnd[epochs - 1] - cpuAtEnd[options.warmup() - 1]) / 1e6
        / measured.length;
    double median = Percentiles.median(measured) / 1e6;
    double min = Arrays.stream(measured).min().getAsLong() / 1e6;
    double max = Arrays.stream(measured).max().getAsLong() / 1e6;
    // the first training's windows: one per target before the validation part
    int firstWindows = series.length - (int) Math.round(series.length * 0.3)
        - forecaster.minimumHistory();
    double windowsPerSecond = firstWindows / (median / 1000);
    Preset preset = options.preset();
    if (fit == 1) {
      System.out.printf(Locale.ROOT,
          "  training: %d values, %d windows, batch %d, %d epochs: median %.2f ms per epoch "
              + "(min %.2f, max %.2f, over epochs %d-%d; mean CPU %.2f ms), %.0f windows/s; "
              + "fit took %.1f s%n",
          series.length, firstWindows, forecaster.config().batchSize(), epochs, median,
          min, max, options.warmup() + 1, epochs, cpuMean, windowsPerSecond,
          report.wallTime().toMillis() / 1000.0);
      System.out.printf(Locale.ROOT,
          "RESULT kind=train side=%s config=%s rows=%d windows=%d batch=%d epochs=%d warmup=%d "
              + "ms_per_epoch=%.3f ms_min=%.3f ms_max=%.3f cpu_ms_per_epoch=%.3f "
              + "windows_per_s=%.0f%n",
          SIDE, preset.label(), series.length, firstWindows,
          forecaster.config().batchSize(), epochs, options.warmup(), median, min, max, cpuMean,
          windowsPerSecond);
    }
    // the whole fit as a user waits for it: data preparation, every epoch, then the final training
    // loss, validation forecasts, shrinkage and the interval calibration ("after training")
    double fitSeconds = (fitEnd - fitStart) / 1e9;
    double fitCpuSeconds = (fitCpuEnd - fitCpuStart) / 1e9;
    double epochSeconds = allEpochNanos[0] / 1e9;
    double afterSeconds = (fitEnd - lastEpochEnd[0]) / 1e9;
    double afterCpuSeconds = (fitCpuEnd - lastEpochEnd[1]) / 1e9;
    // with rolling-origin folds the report's epochs are the refit's (Refit.epochs)
    System.out.printf(Locale.ROOT,
        "  whole fit %d: %.3f s wall (CPU %.3f s): epochs %.3f s, after training %.3f s "
            + "(CPU %.3f s, %.0f%% of the fit); refit %d epochs%n",
        fit, fitSeconds, fitCpuSeconds, epochSeconds, afterSeconds, afterCpuSeconds,
        100 * afterSeconds / fitSeconds, report.epochsRun());
    System.out.printf(Locale.ROOT,
        "RESULT kind=fit side=%s config=%s rows=%d fit=%d epochs=%d refit_epochs=%d fit_s=%.3f "
            + "fit_cpu_s=%.3f epochs_s=%.3f after_s=%.3f after_cpu_s=%.3f after_share=%.3f%n",
        SIDE, preset.label(), series.length, fit, epochs, report.epochsRun(), fitSeconds,
        fitCpuSeconds, epochSeconds, afterSeconds, afterCpuSeconds, afterSeconds / fitSeconds);
    return forecaster;
  }

  private static void predict(Options options, SeriesForecaster forecaster, double[] series) {
    int history = forecaster.minimumHistory();
    // distinct histories, built before timing: predict(series) reads only the last minimumHistory
    double[][] histories = histories(series, history, Math.max(options.calls(),
        options.batchWindows()));
    double sink = 0;
    for (int i = 0; i < options.predictWarmup(); i++) {
      sink += forecaster.predict(histories[i % histories.length]);
    }
    long[] nanos = new long[options.calls()];
    long cpuStart = ProcessCpu.nanos();
    for (int i = 0; i < nanos.length; i++) {
      double[] h = histories[i % histories.length];
      long start = System.nanoTime();
      sink += forecaster.predict(h);
      nanos[i] = System.nanoTime() - start;
    }
    double cpuPerCall = (ProcessCpu.nanos() - cpuStart) / 1e3 / nanos.length;
    double p50 = Percentiles.percentile(nanos, 50) / 1e3;
    double p99 = Percentiles.percentile(nanos, 99) / 1e3;

    double[][] batch = Arrays.copyOf(histories, options.batchWindows());
    for (int i = 0; i < 2; i++) {
      sink += forecaster.predict(batch)[0];
    }
    long[] batchNanos = new long[options.batchRepeats()];
    long batchCpuStart = ProcessCpu.nanos();
    for (int i = 0; i < batchNanos.length; i++) {
      long start = System.nanoTime();
      sink += forecaster.predict(batch)[batch.length - 1];
      batchNanos[i] = System.nanoTime() - start;
    }
    double batchCpuMillis = (ProcessCpu.nanos() - batchCpuStart) / 1e6 / batchNanos.length;
    double batchMillis = Percentiles.median(batchNanos) / 1e6;
    double batchRate = batch.length / (batchMillis / 1000);
    Preset preset = options.preset();
    System.out.printf(Locale.ROOT,
        "  predict(double[]): p50 %.1f us, p99 %.1f us over %d calls (CPU %.1f us per call); "
            + "predict(double[%d][]): median %.1f ms per call (%d calls; mean CPU %.1f ms), "
            + "%.0f windows/s  [checksum %.3g]%n",
        p50, p99, nanos.length, cpuPerCall, batch.length, batchMillis, batchNanos.length,
        batchCpuMillis, batchRate, sink);
    System.out.printf(Locale.ROOT,
        "RESULT kind=predict side=%s config=%s calls=%d p50_us=%.1f p99_us=%.1f "
            + "cpu_us_per_call=%.1f batch_windows=%d batch_ms=%.2f batch_cpu_ms=%.2f "
            + "batch_windows_per_s=%.0f%n",
        SIDE, preset.label(), nanos.length, p50, p99, cpuPerCall, batch.length, batchMillis,
        batchCpuMillis, batchRate);
  }

  /** {@code count} histories of {@code length} consecutive values, sliding (and wrapping) over the series. */
  static double[][] histories(double[] series, int length, int count) {
    int starts = series.length - length + 1;
    List<double[]> result = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int from = i % starts;
      result.add(Arrays.copyOfRange(series, from, from + length));
    }
    return result.toArray(new double[0][]);
  }
}
