package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.ForecastIntervals;
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

  @Option(names = "--interval", paramLabel = "LEVEL",
      description = "Also print the bounds of this split-conformal prediction interval, e.g. 0.8 "
          + "(the model needs a validation part).")
  Double interval;

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
    if (interval != null && !(interval > 0 && interval < 1)) {
      throw new ParameterException(spec.commandLine(),
          "invalid value for option '--interval': must be > 0 and < 1, was " + interval);
    }
    List<LocalDateTime> future = history.future(steps, input.frequency(forecaster));
    if (interval == null) {
      print(spec.commandLine().getOut(), forecaster.forecast(history.frame(), steps), history,
          future);
    } else {
      ForecastIntervals band = forecaster.forecastWithIntervals(history.frame(), steps, interval);
      print(spec.commandLine().getOut(), band.point(), history, future,
          band.lower(interval), band.upper(interval));
    }
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
   * Significant digits of printed forecasts: the network computes in single precision (about 7
   * digits), so more would print rounding noise such as {@code 347.14000030517576}.
   */
  static final int DIGITS = 7;

  /**
   * Prints {@code step,forecast} and one row per forecast, {@value #DIGITS} significant digits;
   * with timestamps, {@code step,<date column>,forecast}.
   */
  static void print(PrintWriter out, double[] forecasts, SeriesInput.History history,
      List<LocalDateTime> times) {
    print(out, forecasts, history, times, null, null);
  }

  /** As above, with {@code lower,upper} columns when the bounds are not {@code null}. */
  static void print(PrintWriter out, double[] forecasts, SeriesInput.History history,
      List<LocalDateTime> times, double[] lower, double[] upper) {
    boolean dated = times.size() == forecasts.length;
    boolean datesOnly = dated && Dates.datesOnly(history.times()) && Dates.datesOnly(times);
    out.println((dated ? "step," + history.dateColumn() + ",forecast" : "step,forecast")
        + (lower == null ? "" : ",lower,upper"));
    for (int i = 0; i < forecasts.length; i++) {
      out.println((i + 1) + (dated ? "," + Dates.format(times.get(i), datesOnly) : "") + ","
          + MetricsTable.shortest(forecasts[i], DIGITS)
          + (lower == null ? "" : "," + MetricsTable.shortest(lower[i], DIGITS) + ","
              + MetricsTable.shortest(upper[i], DIGITS)));
    }
  }
}
