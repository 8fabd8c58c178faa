package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.Backtest;
import io.github.seriesforecaster.BacktestResult;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.SeriesFrame;
import io.github.seriesforecaster.chart.ChartData;
import io.github.seriesforecaster.chart.ForecastChart;
import io.github.seriesforecaster.internal.eval.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
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

/** {@code backtest}: out-of-sample errors of a configuration, walking forward over a series. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    versionProvider = ForecastCli.Version.class, showDefaultValues = true,
    sortOptions = false,
    description = {"Fits a model with the given settings on the first part of a CSV column, then "
        + "from every --stride-th point of the last --test-fraction forecasts --horizon values "
        + "from the true values before it (the library's Backtest), and prints RMSE, MAE, MAPE, "
        + "sMAPE and MASE beside the naive forecast (and the seasonal naive with --season).",
        "Nothing fitted (weights, early stopping, shrinkage, scaler) sees a value after its "
        + "origin: fit's own --validation-fraction is taken from the values before it, and with "
        + "--refit-every the model is refitted from scratch. No model file is written."})
final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ForecastCli cli;

  @Parameters(index = "0", paramLabel = "CSV", description = "CSV file with a header row.")
  Path csv;

  @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.3",
      description = "Share of the series, from its end, forecast and scored: > 0 and < 1.")
  double testFraction;

  @Option(names = "--horizon", paramLabel = "H", defaultValue = "1",
      description = "Values forecast from each origin, at least 1.")
  int horizon;

  @Option(names = "--stride", paramLabel = "S", defaultValue = "1",
      description = "Steps between consecutive origins, at least 1.")
  int stride;

  @Option(names = "--refit-every", paramLabel = "K", defaultValue = "0",
      description = "Refit before every K-th origin; 0 fits once.")
  int refitEvery;

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
    options.checkColumns(csv);
    PrintWriter out = spec.commandLine().getOut();
    Progress progress = new Progress(spec.commandLine().getErr(), cli.terminal, quiet);
    SeriesForecaster forecaster = options.builder().build();
    ForecasterConfig config = forecaster.config();
    SeriesFrame frame = forecaster.readFrame(csv);
    List<String> inputs = frame.columns();
    double[] series = frame.column(inputs.get(0));
    List<LocalDateTime> times = Dates.read(csv, config, options.dateColumn);
    int start = series.length - (int) Math.round(series.length * testFraction);
    if (start >= series.length || start < 2) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "test fraction %s of %d values leaves no value to test; use a larger fraction",
          testFraction, series.length));
    }
    if (chart.chart != null && stride != 1) {
      throw new ParameterException(spec.commandLine(),
          "--chart draws one forecast per value and needs --stride 1, was " + stride);
    }
    BacktestResult result;
    try {
      Backtest backtest = inputs.size() == 1 ? Backtest.over(series)
          // the folds read the frame's columns by name, not the file's indices
          : Backtest.over(frame, inputs.get(0));
      ForecasterConfig byName = inputs.size() == 1 ? config : SeriesForecaster.builder(config)
          .column(inputs.get(0)).features(inputs.subList(1, inputs.size()).toArray(String[]::new))
          .config();
      result = backtest.start(start).horizon(horizon).stride(stride).refitEvery(refitEvery)
          .run(byName, progress);
    } finally {
      progress.finish();
    }

    FitReport first = result.fitReports().get(0);
    String features = inputs.size() == 1 ? "" : " with features " + inputs.subList(1, inputs.size());
    out.println(String.format(Locale.ROOT, "%s, %s%s: %d values%s, %s",
        csv.getFileName(), ModelOptions.column(config, inputs.get(0)), features, series.length,
        times.isEmpty() ? "" : " from " + Dates.span(times, 0), first.transform()));
    String tested = times.isEmpty() ? "" : " (" + Dates.span(times, start) + ")";
    if (horizon == 1 && stride == 1 && refitEvery == 0) {
      out.println(String.format(Locale.ROOT,
          "fitted on the first %d values (%d epochs, kept epoch %d, %s); forecast the last %d%s "
              + "one step ahead",
          start, first.epochsRun(), first.bestEpoch(), first.stopReason(), series.length - start,
          tested));
    } else {
      out.println(String.format(Locale.ROOT,
          "first fit on the first %d values (%d epochs, kept epoch %d, %s); %d origins%s, horizon "
              + "%d, stride %d, %d fit(s)",
          start, first.epochsRun(), first.bestEpoch(), first.stopReason(),
          result.origins().size(), tested, horizon, stride, result.fits()));
    }
    out.println();
    MetricsTable table = new MetricsTable();
    table.add(result.method(), result.model());
    table.add("naive", result.naive());
    if (result.seasonalNaive().points() > 0) {
      table.add("seasonal naive (" + config.season() + ")", result.seasonalNaive());
    }
    out.print(table);
    out.println();
    out.println(Verdict.sentence(result.model().rmse(), result.naive().rmse()));
    if (chart.chart != null) {
      double[] oneStep = new double[result.origins().size()];
      double[] naive = new double[oneStep.length];
      for (int i = 0; i < oneStep.length; i++) {
        oneStep[i] = result.origins().get(i).forecast()[0];
        naive[i] = result.origins().get(i).naive()[0];
      }
      ChartData data = new ChartData(csv.getFileName() + ": " + inputs.get(0) + ", backtest",
          Arrays.copyOf(series, start + oneStep.length), start, oneStep, naive, null)
          .withValueLabel(inputs.get(0)).withHeldOutLabel("test");
      if (!times.isEmpty()) {
        data = data.withTimes(times, options.dateColumn);
      }
      ForecastChart.write(chart.chart, chart.width, chart.height, data);
      out.println("wrote chart to " + chart.chart);
    }
    return 0;
  }
}
