package io.github.seriesforecaster.examples;

import io.github.seriesforecaster.Backtest;
import io.github.seriesforecaster.BacktestResult;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.chart.ChartData;
import io.github.seriesforecaster.chart.ForecastChart;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TimedValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The README's main job: trains on the bundled Google daily closing prices, prints the validation
 * metrics beside the naive forecast, saves the model, loads it back and forecasts five days with
 * their dates and 80% intervals, writes
 * a chart (validation forecasts, naive, and 20 forecasts with an 80% interval) beside the model,
 * then backtests five-day forecasts walking forward over the last 30% (fitted once on the first
 * 70%).
 *
 * <p>Run with {@code mvn -B -q test-compile exec:java}; arguments (all optional): CSV file, column,
 * model file, date column.
 */
public final class StockExample {
  private StockExample() {}

  public static void main(String[] args) throws Exception {
    // the library logs at INFO what this example prints itself: show its warnings only (before
    // the first logger is created; -D on the command line wins)
    if (System.getProperty("org.slf4j.simpleLogger.log.io.github.seriesforecaster") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.io.github.seriesforecaster", "warn");
    }
    Path csv = Path.of(args.length > 0 ? args[0] : "data/goog_daily_ohlcv.csv");
    String column = args.length > 1 ? args[1] : "Close";
    Path modelFile = Path.of(args.length > 2 ? args[2] : "models/goog-close.zip");
    String dateColumn = args.length > 3 ? args[3] : "Date";

    SeriesForecaster forecaster = SeriesForecaster.builder()
        .column(column)
        .dateColumn(dateColumn)
        .build();
    ForecasterConfig config = forecaster.config();
    System.out.printf(Locale.ROOT, "fitting %s, column %s: window %d, hidden %d, at most %d "
        + "epochs, the last %.0f%% held out for validation%n", csv, column, config.window(),
        config.hidden(), config.epochs(), 100 * config.validationFraction());
    FitReport report = forecaster.fit(csv);
    System.out.println(report.summary());

    forecaster.save(modelFile);
    System.out.printf(Locale.ROOT, "saved %s (%d bytes)%n", modelFile, Files.size(modelFile));

    SeriesForecaster loaded = SeriesForecaster.load(modelFile);
    double[] history = loaded.readSeries(csv);
    List<TimedValue> next = loaded.forecast(csv, 5);
    ForecastIntervals intervals = loaded.forecastWithIntervals(history, 5, 0.8);
    double[] low = intervals.lower(0.8);
    double[] high = intervals.upper(0.8);
    System.out.printf(Locale.ROOT, "last value %.2f; the next 5 forecasts with 80%% intervals "
        + "(dated a day apart: the model knows no trading calendar):%n",
        history[history.length - 1]);
    for (int i = 0; i < next.size(); i++) {
      System.out.printf(Locale.ROOT, "  %s  %.2f  [%.2f, %.2f]%n",
          next.get(i).time().toLocalDate(), next.get(i).value(), low[i], high[i]);
    }

    Path chart = modelFile.resolveSibling(modelFile.getFileName().toString()
        .replaceFirst("\\.zip$", "") + ".png");
    // validation forecasts, naive, and 20 forecasts with their 80% interval, dated
    ForecastChart.write(chart, 1000, 500,
        ChartData.of(csv.getFileName() + ": " + column, loaded, csv, 20));
    System.out.println("wrote " + chart + ": history, validation forecasts, naive, and 20 "
        + "forecasts with an 80% interval");

    BacktestResult backtest = Backtest.over(history).horizon(5).stride(5)
        .run(forecaster.config());
    System.out.println(backtest.summary());
  }
}
