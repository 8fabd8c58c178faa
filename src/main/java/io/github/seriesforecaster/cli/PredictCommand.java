package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.SeriesForecaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code predict}: the one value after a history, as CSV on stdout. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    versionProvider = ForecastCli.Version.class, sortOptions = false,
    description = {"Predicts the value after the end of a series with a saved model and prints it "
        + "as CSV (step,forecast); the same as forecast --steps 1."})
final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ForecastCli cli;

  @Option(names = "--model", required = true, paramLabel = "FILE",
      description = "Model file written by fit.")
  Path model;

  @Mixin SeriesInput input;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws IOException {
    SeriesForecaster forecaster = SeriesForecaster.load(model);
    SeriesInput.History history = input.read(forecaster, cli.in);
    ForecastCommand.print(spec.commandLine().getOut(),
        new double[] {forecaster.predict(history.frame())}, history,
        history.future(1, input.frequency(forecaster)));
    return 0;
  }
}
