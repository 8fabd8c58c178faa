package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFrame;
import io.github.seriesforecaster.chart.ChartData;
import io.github.seriesforecaster.chart.ForecastChart;
import io.github.seriesforecaster.internal.eval.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fit}: trains a model on a CSV column, prints its validation scores, saves it. */
@Command(name = "fit", mixinStandardHelpOptions = true,
    versionProvider = ForecastCli.Version.class, showDefaultValues = true,
    sortOptions = false,
    description = {"Fits an LSTM forecaster to one column of a CSV file and prints its one-step "
        + "validation errors beside the naive forecast's (and the seasonal naive's with --season).",
        "The last --validation-fraction of the series is held out: training never sees it, but "
        + "early stopping and the shrinkage factor are chosen on it; use backtest for scores on "
        + "values nothing was fitted on."})
final class FitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ForecastCli cli;

  @Parameters(index = "0", paramLabel = "CSV", description = "CSV file with a header row.")
  Path csv;

  @Option(names = "--model", paramLabel = "FILE",
      description = "Save the fitted model to this zip file (parent folders are created).")
  Path model;

  @Mixin ModelOptions options;
  @Mixin ChartOptions chart;

  @Option(names = "--chart-steps", paramLabel = "N", defaultValue = "30",
      description = "Forecasts after the end of the series drawn on the chart, >= 0.")
  int chartSteps;

  @Option(names = {"-q", "--quiet"}, description = "Show no training progress.")
  boolean quiet;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws IOException {
    chart.check();
    if (chartSteps < 0) {
      throw new ParameterException(spec.commandLine(),
          "invalid value for option '--chart-steps': must be >= 0, was " + chartSteps);
    }
    options.checkColumns(csv);
    PrintWriter out = spec.commandLine().getOut();
    Progress progress = new Progress(spec.commandLine().getErr(), cli.terminal, quiet);
    SeriesForecaster forecaster = options.builder().listener(progress).build();
    FitReport report;
    try {
      report = forecaster.fit(csv);
    } finally {
      progress.finish();
    }
    SeriesFrame frame = forecaster.readFrame(csv);
    List<String> inputs = forecaster.inputColumns();
    List<LocalDateTime> times = Dates.read(csv, forecaster.config(), options.dateColumn);
    String features = inputs.size() == 1 ? ""
        : " with features " + inputs.subList(1, inputs.size());
    out.println(String.format(Locale.ROOT, "%s, %s%s: %d values%s, %s",
        csv.getFileName(), ModelOptions.column(forecaster.config(), inputs.get(0)), features,
        frame.length(), times.isEmpty() ? "" : " from " + Dates.span(times, 0),
        report.transform()));
    out.println(String.format(Locale.ROOT,
        "trained %d epochs (kept epoch %d, %s) on %d windows in %.1f s, training loss %.4g",
        report.epochsRun(), report.bestEpoch(), report.stopReason(), report.trainingWindows(),
        report.wallTime().toMillis() / 1000.0, report.trainingLoss()));
    if (report.validationWindows() == 0) {
      out.println("no validation part (--validation-fraction 0): no scores");
    } else {
      int validated = report.validationWindows();
      out.println(String.format(Locale.ROOT, "validation: the last %d values%s, each forecast one "
          + "step ahead from the true values before it; shrinkage %.3f (the share of the "
          + "network's predicted change kept, 0 = the naive forecast)", validated,
          times.isEmpty() ? "" : " (" + Dates.span(times, times.size() - validated) + ")",
          report.shrinkage()));
      out.println();
      MetricsTable table = new MetricsTable()
          .add(forecaster.name(), report.model())
          .add("naive", report.naive());
      if (report.seasonalNaive().points() > 0) {
        table.add("seasonal naive (" + forecaster.config().season() + ")",
            report.seasonalNaive());
      }
      out.print(table);
      out.println();
      out.println(Verdict.sentence(report.model().rmse(), report.naive().rmse()));
    }
    if (model != null) {
      forecaster.save(model);
      out.println("saved model to " + model);
    }
    if (chart.chart != null) {
      ChartData data = ChartData.of(csv.getFileName() + ": " + inputs.get(0), forecaster, frame,
          chartSteps);
      if (!times.isEmpty()) {
        data = data.withTimes(Dates.withFuture(times, options.frequency, chartSteps),
            options.dateColumn);
      }
      ForecastChart.write(chart.chart, chart.width, chart.height, data);
      out.println("wrote chart to " + chart.chart);
    }
    return 0;
  }
}
