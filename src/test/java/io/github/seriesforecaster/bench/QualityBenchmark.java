package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.Baselines;
import io.github.seriesforecaster.ErrorMetrics;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.Forecaster;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.internal.eval.Metrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one-step-ahead quality protocol of docs/quality.md: read a column (empty cells dropped), fit
 * on the first 70% of the values only, then forecast every value of the last 30% from the true
 * values before it, with no refit, and score in original units beside the baselines.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.bench.QualityBenchmark \
 *   -Dexec.args="../shared/data/air_passengers.csv:passengers:12 ../shared/data/goog_daily_ohlcv.csv:Close"
 * </pre>
 * Each argument is {@code file:column[:season]}. The LSTM uses the library's defaults, plus the
 * season where one is given.
 */
public final class QualityBenchmark {
  private static final double TRAINING_SHARE = 0.7;

  private QualityBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.printf(Locale.ROOT, "%-24s %-22s %10s %10s %8s %7s %9s %8s%n", "dataset", "method",
        "RMSE", "MAE", "MAPE%", "MASE", "RMSE/naive", "fit s");
    for (String arg : args) {
      String[] parts = arg.split(":");
      Path csv = Path.of(parts[0]);
      String column = parts[1];
      int season = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
      run(csv, column, season);
    }
  }

  static void run(Path csv, String column, int season) throws Exception {
    SeriesForecaster.Builder builder = SeriesForecaster.builder().column(column).season(season);
    // experiments only: -Dwindow=24 -Dhidden=32 -Dtransform=LEVELS -Dshrink=false -Densemble=3
    // override defaults
    if (System.getProperty("transform") != null) {
      builder.transform(io.github.seriesforecaster.TargetTransform.valueOf(
          System.getProperty("transform")));
    }
    if (System.getProperty("shrink") != null) {
      builder.shrink(Boolean.parseBoolean(System.getProperty("shrink")));
    }
    if (System.getProperty("window") != null) {
      builder.window(Integer.getInteger("window"));
    }
    if (System.getProperty("hidden") != null) {
      builder.hidden(Integer.getInteger("hidden"));
    }
    if (System.getProperty("ensemble") != null) {
      builder.ensemble(Integer.getInteger("ensemble"));
    }
    SeriesForecaster lstm = builder.build();
    double[] series = lstm.readSeries(csv);
    int training = (int) Math.round(series.length * TRAINING_SHARE);
    long start = System.nanoTime();
    FitReport report = lstm.fit(Arrays.copyOf(series, training));
    double fitSeconds = (System.nanoTime() - start) / 1e9;

    List<Forecaster> methods = new ArrayList<>(List.of(Baselines.naive()));
    if (season > 0) {
      methods.add(Baselines.seasonalNaive(season));
    }
    methods.add(Baselines.drift());
    methods.add(lstm);
    double[] actual = Arrays.copyOfRange(series, training, series.length);
    double scale = Metrics.naiveScale(series, training, season > 0 ? season : 1);
    double naiveRmse = Double.NaN;
    String label = csv.getFileName() + ":" + column;
    for (Forecaster method : methods) {
      double[] forecast = oneStepForecasts(method, series, training);
      ErrorMetrics metrics = Metrics.of(actual, forecast, scale);
      if (Double.isNaN(naiveRmse)) {
        naiveRmse = metrics.rmse();
      }
      System.out.printf(Locale.ROOT, "%-24s %-22s %10.4g %10.4g %8.3g %7.3f %9.3f %8s%n", label,
          method.name(), metrics.rmse(), metrics.mae(), metrics.mape(), metrics.mase(),
          metrics.rmse() / naiveRmse, method == lstm ? String.format(Locale.ROOT, "%.1f", fitSeconds)
              : "");
    }
    System.out.printf(Locale.ROOT, "%-24s   lstm: kept %s (%s), epochs %d (%s), shrinkage %.3f%n",
        label, report.candidate(), report.transform(), report.epochsRun(),
        report.stopReason(), report.shrinkage());
    System.out.printf(Locale.ROOT, "%-24s   candidates over %d fold(s): %s%n", label,
        report.folds(), report.candidateErrors());
  }

  private static double[] oneStepForecasts(Forecaster method, double[] series, int first) {
    int history = method.minimumHistory();
    if (method instanceof SeriesForecaster lstm) {
      double[][] histories = new double[series.length - first][];
      for (int t = first; t < series.length; t++) {
        histories[t - first] = Arrays.copyOfRange(series, t - history, t);
      }
      return lstm.predict(histories);
    }
    double[] forecasts = new double[series.length - first];
    for (int t = first; t < series.length; t++) {
      forecasts[t - first] = method.predict(Arrays.copyOfRange(series, 0, t));
    }
    return forecasts;
  }
}
