package io.github.seriesforecaster.examples;

import io.github.seriesforecaster.Backtest;
import io.github.seriesforecaster.BacktestResult;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.chart.ChartData;
import io.github.seriesforecaster.chart.ForecastBand;
import io.github.seriesforecaster.chart.ForecastChart;
import io.github.seriesforecaster.SeriesForecaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The README's main job: trains on the bundled Google daily closing prices, prints the validation
 * metrics beside the naive forecast, saves the model, loads it back and forecasts five days, writes
 * a chart (validation forecasts, naive, and 20 forecasts with an 80% interval) beside the model,
 * then backtests five-day forecasts walking forward over the last 30% (fitted once on the first
 * 70%).
 *
 * <p>Run with {@code mvn -B -q test-compile exec:java}; arguments (all optional): CSV file, column,
 * model file.
 */
public final class StockExample {
  private StockExample() {}

  public static void main(String[] args) throws Exception {
    Path csv = Path.of(args.length > 0 ? args[0] : "data/goog_daily_ohlcv.csv");
    String column = args.length > 1 ? args[1] : "Close";
    Path modelFile = Path.of(args.length > 2 ? args[2] : "models/goog-close.zip");

    SeriesForecaster forecaster = SeriesForecaster.builder()
        .column(column)
        .build();
    System.out.println("fitting " + csv + " column " + column + " with " + forecaster.config());
    FitReport report = forecaster.fit(csv);
    System.out.println(report.summary());

    forecaster.save(modelFile);
    System.out.printf(Locale.ROOT, "saved %s (%d bytes)%n", modelFile, Files.size(modelFile));

    SeriesForecaster loaded = SeriesForecaster.load(modelFile);
    double[] history = loaded.readSeries(csv);
    double[] next = loaded.forecast(history, 5);
    System.out.println("last value " + history[history.length - 1] + ", next 5 forecasts "
        + Arrays.toString(Arrays.stream(next).map(v -> Math.round(v * 100) / 100.0).toArray()));

    ForecastIntervals intervals = loaded.forecastWithIntervals(history, 20, 0.8);
    Path chart = modelFile.resolveSibling(modelFile.getFileName().toString()
        .replaceFirst("\\.zip$", "") + ".png");
    ForecastChart.write(chart, 1000, 500,
        ChartData.of(csv.getFileName() + " " + column, loaded, history, 0)
            .withFuture(new ForecastBand(intervals.point(), intervals.lower(0.8),
                intervals.upper(0.8))));
    System.out.println("wrote " + chart + ": history, validation forecasts, naive, and 20 "
        + "forecasts with an 80% interval");

    BacktestResult backtest = Backtest.over(history).horizon(5).stride(5)
        .run(forecaster.config());
    System.out.println(backtest.summary());
  }
}
