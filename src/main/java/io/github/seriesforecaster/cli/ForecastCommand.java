package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFrame;
import io.github.seriesforecaster.chart.ChartData;
import io.github.seriesforecaster.chart.ForecastChart;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code forecast}: the next N values after a history, as CSV on stdout. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
    versionProvider = ForecastCli.Version.class, showDefaultValues = true,
    sortOptions = false,
    description = {"Forecasts the values after the end of a series with a saved model, each "
        + "forecast fed back in as the newest value for the next (a model with --direct-horizon "
        + "H makes H at a time; one with --features at most H in all), and prints them as CSV "
        + "(step,forecast)."})
final class ForecastCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ForecastCli cli;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "Model file written by fit.")
  Path model;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "1",
      description = "Values to forecast, >= 1.")
  int steps;

  @Mixin SeriesInput input;
  @Mixin ChartOptions chart;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws IOException {
    if (steps < 1) {
      throw new ParameterException(spec.commandLine(),
          "invalid value for option '--steps': must be >= 1, was " + steps);
    }
    chart.check();
    SeriesForecaster forecaster = SeriesForecaster.load(model);
    SeriesFrame history = input.read(forecaster, cli.in);
    double[] forecasts = forecaster.forecast(history, steps);
    print(spec.commandLine().getOut(), forecasts);
    if (chart.chart != null) {
      ForecastChart.write(chart.chart, chart.width, chart.height,
          ChartData.of(model.getFileName().toString(), forecaster, history, steps));
      spec.commandLine().getErr().println("wrote chart to " + chart.chart);
    }
    return 0;
  }

  /** Prints {@code step,forecast} and one row per forecast, 10 significant digits. */
  static void print(PrintWriter out, double[] forecasts) {
    out.println("step,forecast");
    for (int i = 0; i < forecasts.length; i++) {
      out.println((i + 1) + "," + MetricsTable.shortest(forecasts[i], 10));
    }
  }
}
