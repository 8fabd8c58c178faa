package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.chart.ChartData;
import io.github.seriesforecaster.chart.ForecastChart;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
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
        + "(step,forecast; step,<date column>,forecast when the dates are known)."})
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
    SeriesInput.History history = input.read(forecaster, cli.in);
    double[] forecasts = forecaster.forecast(history.frame(), steps);
    List<LocalDateTime> future = history.future(steps, input.frequency(forecaster));
    print(spec.commandLine().getOut(), forecasts, history, future);
    if (chart.chart != null) {
      String column = forecaster.inputColumns().get(0);
      ChartData data = ChartData.of(history.name() + ": " + column, forecaster, history.frame(),
          steps);
      if (!history.times().isEmpty()) {
        List<LocalDateTime> times = new ArrayList<>(history.times());
        times.addAll(future);
        data = data.withTimes(times, history.dateColumn());
      }
      ForecastChart.write(chart.chart, chart.width, chart.height, data);
      spec.commandLine().getErr().println("wrote chart to " + chart.chart);
    }
    return 0;
  }

  /**
   * Prints {@code step,forecast} and one row per forecast, 10 significant digits; with
   * timestamps, {@code step,<date column>,forecast}.
   */
  static void print(PrintWriter out, double[] forecasts, SeriesInput.History history,
      List<LocalDateTime> times) {
    boolean dated = times.size() == forecasts.length;
    boolean datesOnly = dated && Dates.datesOnly(history.times()) && Dates.datesOnly(times);
    out.println(dated ? "step," + history.dateColumn() + ",forecast" : "step,forecast");
    for (int i = 0; i < forecasts.length; i++) {
      out.println((i + 1) + (dated ? "," + Dates.format(times.get(i), datesOnly) : "") + ","
          + MetricsTable.shortest(forecasts[i], 10));
    }
  }
}
