package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.chart.ForecastChart;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where and how large to draw the optional PNG chart. */
final class ChartOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--chart", paramLabel = "PNG",
      description = "Also draw a chart to this PNG file.")
  Path chart;

  @Option(names = "--chart-width", paramLabel = "PIXELS", defaultValue = "1000",
      description = "Chart width in pixels.")
  int width;

  @Option(names = "--chart-height", paramLabel = "PIXELS", defaultValue = "500",
      description = "Chart height in pixels.")
  int height;

  /** Checks the size before any training, so a typo does not cost a whole fit. */
  void check() {
    check("--chart-width", width);
    check("--chart-height", height);
  }

  private void check(String option, int pixels) {
    if (pixels < 1 || pixels > ForecastChart.MAX_PIXELS) {
      throw new ParameterException(spec.commandLine(), "invalid value for option '" + option
          + "': must be between 1 and " + ForecastChart.MAX_PIXELS + " pixels, was " + pixels);
    }
  }
}
