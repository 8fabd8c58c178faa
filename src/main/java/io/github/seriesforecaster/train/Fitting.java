package io.github.seriesforecaster.train;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.ErrorMetrics;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.ForecasterException;
import io.github.seriesforecaster.SeriesFormatException;
import io.github.seriesforecaster.data.Scaler;
import io.github.seriesforecaster.data.SeriesData;
import io.github.seriesforecaster.data.TransformCodec;
import io.github.seriesforecaster.data.WindowEncoder;
import io.github.seriesforecaster.data.Windows;
import io.github.seriesforecaster.eval.Metrics;
import io.github.seriesforecaster.model.FittedModel;
import io.github.seriesforecaster.model.LstmNetworkFactory;
import io.github.seriesforecaster.model.NativeRuntime;
import io.github.seriesforecaster.model.TrainingData;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fit from start to end: chronological split, scaler fitted on the training part only, windows,
 * training, and one-step validation beside the naive forecast.
 */
public final class Fitting {
  private static final Logger log = LoggerFactory.getLogger(Fitting.class);

  private Fitting() {}

  /**
   * @param model the fitted model
   * @param report what the fit did and how well the model forecasts
   */
  public record Result(FittedModel model, FitReport report) {}

  /**
   * @param config the settings
   * @param data the series and where it came from
   * @param listener told about each epoch
   * @param startNanos when the fit started ({@link System#nanoTime()}), reading included
   * @return the model and its report
   * @throws SeriesFormatException if the series is too short or cannot be transformed
   */
  public static Result fit(
      ForecasterConfig config, SeriesData data, EpochListener listener, long startNanos) {
    double[] series = data.values();
    TransformCodec codec = TransformCodec.of(config.transform());
    try {
      codec.checkSeries(series, "value");
    } catch (IllegalArgumentException e) {
      throw new SeriesFormatException(data.source() + ": " + e.getMessage(), e);
    }
    Split split = Split.of(series.length, config, data.source());

    NativeRuntime.useThreads(config.threads());
    double[] trainingPart = Arrays.copyOf(series, split.trainingValues());
    Scaler scaler = Scaler.fit(codec.forwardAll(trainingPart));
    WindowEncoder encoder = new WindowEncoder(codec, config.window(), scaler);
    DataSet windows = Windows.of(encoder, series, encoder.minimumHistory(), split.trainingValues());

    MultiLayerNetwork network;
    TrainingSummary training;
    try {
      network = LstmNetworkFactory.create(config);
      training = Trainer.train(network, windows, config, listener);
    } catch (RuntimeException e) {
      throw new ForecasterException("training failed on " + data.source() + ": " + e.getMessage(), e);
    }
    if (!Double.isFinite(training.trainingLoss())) {
      throw new ForecasterException(String.format(Locale.ROOT,
          "training on %s diverged (loss %s); lower the learningRate (now %s)",
          data.source(), training.trainingLoss(), config.learningRate()));
    }
    FittedModel model = new FittedModel(config, network, encoder,
        TrainingData.of(data.source(), data.column(), data.rows(), data.missing(), series),
        Instant.now());

    int first = split.trainingValues();
    double[] actual = Arrays.copyOfRange(series, first, series.length);
    double[] forecast = model.oneStepForecasts(series, first);
    double[] naive = Arrays.copyOfRange(series, first - 1, series.length - 1);
    double scale = Metrics.naiveScale(series, first, 1);
    ErrorMetrics modelMetrics = Metrics.of(actual, forecast, scale);
    ErrorMetrics naiveMetrics = Metrics.of(actual, naive, scale);

    FitReport report = new FitReport(training.epochsRun(), training.bestEpoch(),
        training.stopReason(), training.trainingLoss(),
        Duration.ofNanos(System.nanoTime() - startNanos), windows.numExamples(), actual.length,
        modelMetrics, naiveMetrics);
    log.info("fitted {} on {} column '{}': {} epochs, {} training windows, {} ms; "
            + "validation RMSE {} vs naive {}",
        config.transform(), data.source(), data.column(), training.epochsRun(),
        windows.numExamples(), report.wallTime().toMillis(), modelMetrics.rmse(),
        naiveMetrics.rmse());
    if (actual.length > 0 && !report.beatsNaive()) {
      log.warn("the model does not beat the naive forecast on {}'s validation part "
              + "(RMSE {} vs {}); repeating the last value is at least as good",
          data.source(), modelMetrics.rmse(), naiveMetrics.rmse());
    }
    return new Result(model, report);
  }

  /** The chronological split of a series into training values and validation targets. */
  record Split(int trainingValues, int validationValues) {
    static Split of(int length, ForecasterConfig config, String source) {
      int validation = (int) Math.round(length * config.validationFraction());
      int training = length - validation;
      int needed = config.minimumHistory() + 1;
      if (training < needed) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s has %d values, %d of them for training after holding out %d for validation, "
                + "but window=%d with %s needs at least %d training values; "
                + "use a smaller window or a longer series",
            source, length, training, validation, config.window(), config.transform(), needed));
      }
      return new Split(training, validation);
    }
  }
}
