package io.github.seriesforecaster.internal.train;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.IntervalMetrics;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.ForecasterException;
import io.github.seriesforecaster.SeriesFormatException;
import io.github.seriesforecaster.internal.data.Scaler;
import io.github.seriesforecaster.internal.data.TimeStep;
import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.data.TransformCodec;
import io.github.seriesforecaster.internal.data.WindowEncoder;
import io.github.seriesforecaster.internal.data.Windows;
import io.github.seriesforecaster.internal.model.FittedModel;
import io.github.seriesforecaster.internal.model.LstmNetworkFactory;
import io.github.seriesforecaster.internal.runtime.NativeRuntime;
import io.github.seriesforecaster.internal.model.TrainingData;
import java.time.Instant;
import io.github.seriesforecaster.TargetTransform;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fit from start to end: checks, then the candidate choice on rolling-origin folds and the
 * refit ({@link CandidateChoice}); here also the training of one network on a prefix of the series
 * (scaler fitted on the training part only, windows, early stopping on the rest) and the shrinkage
 * factor.
 */
public final class Fitting {
  private static final Logger log = LoggerFactory.getLogger(Fitting.class);
  /**
   * Windows are materialised as features, labels and mask of {@code window} floats each; this many
   * values (about 1.2 GB over the three arrays) is where a fit would rather refuse than run the JVM
   * out of memory.
   */
  static final long MAXIMUM_WINDOW_CELLS = 100_000_000L;
  /** Standard normal quantile for a one-sided 95% bound. */
  private static final double ONE_SIDED_95 = 1.645;

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
    double[][] inputs = data.inputs();
    double[] series = inputs[0];
    List<String> names = data.inputColumns();
    List<TargetTransform> candidates = config.candidateTransforms();
    for (TargetTransform transform : candidates) {
      for (int c = 0; c < inputs.length; c++) {
        try {
          WindowEncoder.codec(config, transform, c).checkSeries(inputs[c], 0, "value");
        } catch (IllegalArgumentException e) {
          String column = inputs.length == 1 ? "" : " column '" + names.get(c) + "'";
          throw new SeriesFormatException(data.source() + column + ": " + e.getMessage(), e);
        }
      }
    }
    // checks that the series is long enough; the folds are cut inside CandidateChoice
    Split.of(series.length, inputs.length, config, data.source());
    NativeRuntime.useThreads(config.threads());
    String timeStep = null;
    if (data.times() != null) {
      timeStep = TimeStep.resolve(config.frequency(), null, data.times());
    }
    TrainingData provenance = TrainingData.of(data.source(), data.rows(), data.missing(),
        timeStep, data.inputColumns(), inputs);

    return CandidateChoice.fit(config, inputs, names, data, provenance, listener, startNanos);
  }

  /**
   * A network trained on the values before {@code first}, with shrinkage 1.
   *
   * @param model the model
   * @param training what the training did
   * @param trainingWindows windows trained on
   */
  record Trained(FittedModel model, TrainingSummary training, int trainingWindows) {}

  /**
   * Trains one network on the values before {@code first}; the values from {@code first} to the
   * end of {@code inputs} (if any) are the early-stopping validation part. Nothing else is read.
   *
   * @param inputs the input columns, cut where this training must stop reading
   * @param first index of the first validation value; {@code inputs[0].length} for none
   */
  static Trained trainOn(ForecasterConfig config, TransformCodec codec,
      double[][] inputs, List<String> names, int first, TrainingData provenance,
      EpochListener listener, String source) {
    double[] series = inputs[0];
    TransformCodec featureCodec = WindowEncoder.codec(config, codec.transform(), 1);
    // the scalers see the training part only
    double[][] transformed = new double[inputs.length][];
    for (int c = 0; c < inputs.length; c++) {
      TransformCodec columnCodec = c == 0 ? codec : featureCodec;
      transformed[c] = columnCodec.forwardAll(Arrays.copyOf(inputs[c], first));
      for (int i = 0; i < transformed[c].length; i++) {
        if (!Double.isFinite(transformed[c][i])) {
          String column = inputs.length == 1 ? "value" : names.get(c);
          throw new SeriesFormatException(String.format(Locale.ROOT,
              "%s: %s[%d] = %s and the value before it are too far apart for %s (the result "
                  + "overflows a double); rescale the series, e.g. to other units",
              source, column, i + columnCodec.lag(), inputs[c][i + columnCodec.lag()],
              columnCodec.transform()));
        }
      }
    }
    List<Scaler> scalers = Scaler.fitColumns(transformed);
    WindowEncoder encoder = WindowEncoder.of(config, codec.transform(), scalers, 1.0);
    // every candidate trains on the same targets, those the longest-lag candidate can reach
    int horizon = config.horizon();
    DataSet windows =
        Windows.of(encoder, inputs, config.minimumHistory(), first - horizon + 1, horizon);
    // the validation windows only serve early stopping: without patience Trainer never reads them
    DataSet validation = first < series.length - horizon + 1 && config.patience() > 0
        ? Windows.of(encoder, inputs, first, series.length - horizon + 1, horizon) : null;
    Trainer.Trained trained;
    try {
      trained = Trainer.train(LstmNetworkFactory.create(config, inputs.length), windows,
          validation, config, listener);
    } catch (RuntimeException e) {
      throw new ForecasterException("training failed on " + source + ": " + e.getMessage(), e);
    }
    TrainingSummary training = trained.summary();
    if (!Double.isFinite(training.trainingLoss())) {
      throw new ForecasterException(String.format(Locale.ROOT,
          "training on %s diverged (loss %s); lower the learningRate (now %s)",
          source, training.trainingLoss(), config.learningRate()));
    }
    FittedModel model =
        new FittedModel(config, trained.network(), encoder, provenance, Instant.now());
    int trainingWindows = windows.numExamples();
    // off-heap buffers are otherwise freed only when a GC collects their Java objects
    close(windows);
    close(validation);
    return new Trained(model, training, trainingWindows);
  }

  private static void close(DataSet data) {
    if (data != null) {
      data.getFeatures().close();
      data.getLabels().close();
      data.getLabelsMaskArray().close();
    }
  }

  /**
   * The factor in [0, 1] applied to the network's predicted change: the least-squares factor of
   * {@code factor * predicted} against the true transformed values on the validation windows,
   * lowered by 1.645 standard errors (a one-sided 95% lower bound) and clipped. Only skill that the
   * validation part shows with confidence is kept; a network whose predicted changes are noise gets
   * 0, and the forecast falls back to the no-change forecast instead of adding the noise.
   */
  static double shrinkage(WindowEncoder encoder, double[] series, int first, double[] outputs) {
    int n = outputs.length;
    double[] predicted = new double[n];
    double[] actual = new double[n];
    // in units of the training range: the factor is the same, and squares of huge values stay finite
    double range = encoder.scaler().range();
    for (int i = 0; i < n; i++) {
      predicted[i] = encoder.transformedOutput(outputs[i]) / range;
      actual[i] = encoder.codec().forward(series, first + i) / range;
    }
    return shrinkage(predicted, actual);
  }

  /**
   * {@link #shrinkage(WindowEncoder, double[], int, double[])} from predicted and true transformed
   * values (pooled over folds), in any common unit.
   */
  static double shrinkage(double[] predicted, double[] actual) {
    int n = predicted.length;
    double crossProduct = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      crossProduct += predicted[i] * actual[i];
      squares += predicted[i] * predicted[i];
    }
    if (!(squares > 0) || n < 2) {
      return n < 2 ? 1.0 : 0.0;
    }
    double factor = crossProduct / squares;
    double residualSquares = 0;
    for (int i = 0; i < n; i++) {
      double residual = actual[i] - factor * predicted[i];
      residualSquares += residual * residual;
    }
    double standardError = Math.sqrt(residualSquares / (n - 1) / squares);
    return Math.max(0.0, Math.min(1.0, factor - ONE_SIDED_95 * standardError));
  }

  /** The chronological split of a series into training values and validation targets. */
  record Split(int trainingValues, int validationValues) {
    static Split of(int length, int inputs, ForecasterConfig config, String source) {
      int validation = (int) Math.round(length * config.validationFraction());
      int training = length - validation;
      int needed = config.minimumHistory() + config.horizon();
      long cells = (long) length * config.window() * inputs;
      if (cells > MAXIMUM_WINDOW_CELLS) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s has %d values; with window=%d and %d input column(s) its training windows "
                + "would hold %d values (over %.1f GB in memory), more than the limit of %d; fit "
                + "on the most recent part of the series or use a smaller window",
            source, length, config.window(), inputs, cells, cells * 12 / 1e9,
            MAXIMUM_WINDOW_CELLS));
      }
      if (training < needed) {
        throw new SeriesFormatException(String.format(Locale.ROOT,
            "%s has %d values, %d of them for training after holding out %d for validation, "
                + "but window=%d with transform %s needs at least %d training values; "
                + "use a smaller window or a longer series",
            source, length, training, validation, config.window(), config.transform(), needed));
      }
      return new Split(training, validation);
    }
  }
}
