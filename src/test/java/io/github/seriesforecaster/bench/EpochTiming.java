package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.SeriesForecaster;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints the median training time per epoch (after a warm-up of 10% of the epochs) and the
 * validation RMSE beside the naive RMSE, for one configuration on one CSV column.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.seriesforecaster.bench.EpochTiming \
 *   -Dexec.args="data/goog_daily_ohlcv.csv Close 3 6 1 1000 LEVELS"
 * </pre>
 * Arguments: csv column window hidden layers epochs transform [batchSize]; {@code -Dlstm=STANDARD}
 * times DL4J's own LSTM layer instead of FastLstm. Early stopping is off so every epoch is the
 * same work.
 */
public final class EpochTiming {
  private EpochTiming() {}

  public static void main(String[] args) throws Exception {
    Path csv = Path.of(args[0]);
    int epochs = Integer.parseInt(args[5]);
    long[] nanos = new long[epochs];
    SeriesForecaster.Builder builder = SeriesForecaster.builder()
        .column(args[1])
        .window(Integer.parseInt(args[2]))
        .hidden(Integer.parseInt(args[3]))
        .layers(Integer.parseInt(args[4]))
        .epochs(epochs)
        .patience(0) // every epoch the same work
        .lstm(io.github.seriesforecaster.LstmImplementation.valueOf(
            System.getProperty("lstm", "FAST")))
        .transform(io.github.seriesforecaster.TargetTransform.valueOf(args[6]))
        .listener((epoch, total, loss, epochNanos, elapsed) -> nanos[epoch - 1] = epochNanos);
    if (args.length > 7) {
      builder.batchSize(Integer.parseInt(args[7]));
    }
    SeriesForecaster forecaster = builder.build();
    FitReport report = forecaster.fit(csv);
    int warmUp = epochs / 10;
    long[] measured = Arrays.copyOfRange(nanos, warmUp, report.epochsRun());
    Arrays.sort(measured);
    double medianMillis = measured[measured.length / 2] / 1e6;
    System.out.printf(Locale.ROOT, "%s %s: %s%n", csv.getFileName(), args[1], forecaster.config());
    System.out.printf(Locale.ROOT,
        "median %.3f ms per epoch over epochs %d-%d, %.0f windows/s, fit wall time %.1f s%n",
        medianMillis, warmUp + 1, report.epochsRun(),
        report.trainingWindows() / (medianMillis / 1000), report.wallTime().toMillis() / 1000.0);
    System.out.println(report.summary());
  }
}
