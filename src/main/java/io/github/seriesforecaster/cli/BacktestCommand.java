package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.ErrorMetrics;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.chart.ChartData;
import io.github.seriesforecaster.chart.ForecastChart;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code backtest}: out-of-sample one-step errors of a configuration on the end of a series. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    versionProvider = ForecastCli.Version.class, showDefaultValues = true,
    sortOptions = false,
    description = {"Fits a model with the given settings on the first part of a CSV column, then "
        + "forecasts every value of the last --test-fraction one step ahead from the true values "
        + "before it, and prints RMSE, MAE, MAPE, sMAPE and MASE beside the naive forecast (and "
        + "the seasonal naive with --season).",
        "Nothing fitted (weights, early stopping, shrinkage, scaler) sees the test part: fit's own "
        + "--validation-fraction is taken from the training part. No model file is written."})
final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ForecastCli cli;

  @Parameters(index = "0", paramLabel = "CSV", description = "CSV file with a header row.")
  Path csv;

  @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.3",
      description = "Share of the series, from its end, forecast and scored: > 0 and < 1.")
  double testFraction;

  @Mixin ModelOptions options;
  @Mixin ChartOptions chart;
  @Option(names = {"-q", "--quiet"}, description = "Show no training progress.")
  boolean quiet;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws IOException {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new ParameterException(spec.commandLine(),
          "invalid value for option '--test-fraction': must be > 0 and < 1, was " + testFraction);
    }
    chart.check();
    PrintWriter out = spec.commandLine().getOut();
    Progress progress = new Progress(spec.commandLine().getErr(), cli.terminal, quiet);
    SeriesForecaster forecaster = options.builder().listener(progress).build();
    double[] series = forecaster.readSeries(csv);
    HoldoutBacktest.Result result;
    try {
      result = HoldoutBacktest.run(forecaster, series, testFraction, forecaster.config().season());
    } finally {
      progress.finish();
    }

    int start = result.trainingValues();
    out.println(String.format(Locale.ROOT, "%s, %s: %d values, %s",
        csv.getFileName(), ModelOptions.column(forecaster.config()), series.length,
        result.fit().transform()));
    out.println(String.format(Locale.ROOT,
        "fitted on the first %d values (%d epochs, kept epoch %d, %s); forecast the last %d one "
            + "step ahead",
        start, result.fit().epochsRun(), result.fit().bestEpoch(), result.fit().stopReason(),
        series.length - start));
    out.println();
    MetricsTable table = new MetricsTable();
    for (Map.Entry<String, ErrorMetrics> row : result.metrics().entrySet()) {
      table.add(row.getKey(), row.getValue());
    }
    out.print(table);
    out.println();
    ErrorMetrics model = result.metrics().get(forecaster.name());
    ErrorMetrics naive = result.metrics().get("naive");
    double ratio = model.rmse() / naive.rmse();
    out.println(ratio < 1
        ? String.format(Locale.ROOT, "the model beats the naive forecast (RMSE ratio %.3f)", ratio)
        : String.format(Locale.ROOT, "the model does NOT beat the naive forecast (RMSE ratio "
            + "%.3f): repeating the last value forecasts this series at least as well", ratio));
    if (chart.chart != null) {
      ForecastChart.write(chart.chart, chart.width, chart.height, new ChartData(
          csv.getFileName() + ", " + ModelOptions.column(forecaster.config()) + ", backtest",
          series, start, result.lstm(), result.naive(), null));
      out.println("wrote chart to " + chart.chart);
    }
    return 0;
  }
}
