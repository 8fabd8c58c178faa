package io.github.seriesforecaster.internal.global;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.ErrorMetrics;
import io.github.seriesforecaster.internal.eval.Metrics;
import io.github.seriesforecaster.many.GlobalConfig;
import io.github.seriesforecaster.many.GlobalFitReport;
import io.github.seriesforecaster.many.Normalization;
import io.github.seriesforecaster.many.SeriesAccuracy;
import io.github.seriesforecaster.internal.runtime.NativeRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a global model: one network per ensemble member, trained on windows sampled afresh every
 * epoch from every series (the same number from each, so long series do not dominate), with early
 * stopping on the validation part cut from the end of every series. The validation score is the
 * model's mean sMAPE and MASE relative to seasonal naive on that part, the measure the model is
 * judged by, rather than the training loss.
 */
public final class GlobalTraining {
  private static final Logger log = LoggerFactory.getLogger(GlobalTraining.class);

  private GlobalTraining() {}

  /**
   * @param model the fitted model
   * @param report what the fit did and its validation accuracy
   */
  public record Result(GlobalModel model, GlobalFitReport report) {}

  /**
   * @param config the settings
   * @param ids the series' names
   * @param series their values, each at least {@code config.minimumSeriesLength()} long
   * @param listener told about each epoch
   * @return the model and its report
   * @throws IllegalArgumentException if a series is too short or cannot be normalised
   */
  public static Result fit(GlobalConfig config, List<String> ids, List<double[]> series,
      EpochListener listener) {
    long start = System.nanoTime();
    NativeRuntime.useThreads(config.threads());
    checkLengths(config, ids, series);
    Normalization normalization = resolve(config.normalization(), ids, series);
    WindowScaler scaler = new WindowScaler(config, normalization);
    int validation = config.validation();
    List<double[]> training = new ArrayList<>();
    for (double[] values : series) {
      training.add(Arrays.copyOf(values, values.length - validation));
    }
    Baseline baseline = validation == 0 ? null : Baseline.of(config, series, training);
    List<MultiLayerNetwork> networks = new ArrayList<>();
    List<Integer> epochsRun = new ArrayList<>();
    List<Integer> bestEpochs = new ArrayList<>();
    long windows = 0;
    for (int member = 0; member < config.ensemble(); member++) {
      Member fitted = new Member(config, scaler, ids, training, baseline, member, listener);
      fitted.run();
      networks.addAll(fitted.networks);
      epochsRun.add(fitted.epochsRun);
      bestEpochs.add(fitted.bestEpoch);
      windows += fitted.windows;
    }
    GlobalModel model = new GlobalModel(config, normalization, networks, Instant.now(),
        series.size());
    List<SeriesAccuracy> accuracy = new ArrayList<>();
    if (baseline != null) {
      double[][] forecasts = model.forecastAll(ids, training, validation);
      for (int s = 0; s < series.size(); s++) {
        accuracy.add(new SeriesAccuracy(ids.get(s),
            Metrics.of(baseline.actual[s], forecasts[s], baseline.scale[s]),
            Metrics.of(baseline.actual[s], baseline.seasonalNaive[s], baseline.scale[s]),
            Metrics.of(baseline.actual[s], baseline.naive[s], baseline.scale[s])));
      }
    }
    GlobalFitReport report = new GlobalFitReport(normalization, accuracy, epochsRun, bestEpochs,
        windows, Duration.ofNanos(System.nanoTime() - start));
    log.info("fitted a global model on {} series in {} ms: epochs {}, best {}{}", series.size(),
        report.wallTime().toMillis(), epochsRun, bestEpochs, accuracy.isEmpty() ? ""
            : String.format(Locale.ROOT, ", validation sMAPE %.3f MASE %.3f (seasonal naive "
                + "%.3f / %.3f)", report.smape(), report.mase(), report.seasonalNaiveSmape(),
                report.seasonalNaiveMase()));
    return new Result(model, report);
  }

  private static void checkLengths(GlobalConfig config, List<String> ids, List<double[]> series) {
    int needed = config.minimumSeriesLength();
    for (int s = 0; s < series.size(); s++) {
      if (series.get(s).length < needed) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "series '%s' has %d values but window=%d, horizon=%d and validation=%d need at "
                + "least %d; use a smaller window or leave the series out",
            ids.get(s), series.get(s).length, config.window(), config.horizon(),
            config.validation(), needed));
      }
    }
  }

  private static Normalization resolve(Normalization configured, List<String> ids,
      List<double[]> series) {
    for (int s = 0; s < series.size(); s++) {
      double[] values = series.get(s);
      for (int i = 0; i < values.length; i++) {
        if (!(values[i] > 0)) {
          if (configured == Normalization.LOG_RATIO) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "series '%s' has value %s at index %d, but normalization LOG_RATIO needs values "
                    + "above zero; use STANDARDIZE or AUTO", ids.get(s), values[i], i));
          }
          return Normalization.STANDARDIZE;
        }
      }
    }
    return configured == Normalization.AUTO ? Normalization.LOG_RATIO : configured;
  }

  /** The validation part's actual values, scales and baseline forecasts, computed once. */
  private record Baseline(double[][] actual, double[] scale, double[][] seasonalNaive,
      double[][] naive, double seasonalNaiveSmape, double seasonalNaiveMase) {

    static Baseline of(GlobalConfig config, List<double[]> series, List<double[]> training) {
      int count = series.size();
      int validation = config.validation();
      int lag = config.seasonLag();
      double[][] actual = new double[count][];
      double[] scale = new double[count];
      double[][] seasonal = new double[count][validation];
      double[][] naive = new double[count][validation];
      double smape = 0;
      double mase = 0;
      for (int s = 0; s < count; s++) {
        double[] train = training.get(s);
        int n = train.length;
        actual[s] = Arrays.copyOfRange(series.get(s), n, n + validation);
        scale[s] = Metrics.naiveScale(train, n, lag);
        for (int h = 0; h < validation; h++) {
          seasonal[s][h] = train[n - lag + h % lag];
          naive[s][h] = train[n - 1];
        }
        smape += smape(actual[s], seasonal[s]);
        mase += mase(actual[s], seasonal[s], scale[s]);
      }
      return new Baseline(actual, scale, seasonal, naive, smape / count, mase / count);
    }

    /** @return the mean of sMAPE/seasonal naive's and MASE/seasonal naive's, lower is better */
    double score(double[][] forecasts) {
      double smape = 0;
      double mase = 0;
      for (int s = 0; s < forecasts.length; s++) {
        smape += smape(actual[s], forecasts[s]);
        mase += mase(actual[s], forecasts[s], scale[s]);
      }
      smape /= forecasts.length;
      mase /= forecasts.length;
      double relativeMase = seasonalNaiveMase > 0 && Double.isFinite(mase)
          ? mase / seasonalNaiveMase : 1;
      return (smape / Math.max(seasonalNaiveSmape, 1e-12) + relativeMase) / 2;
    }
  }

  static double smape(double[] actual, double[] forecast) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
      sum += denominator == 0 ? 0 : 2 * Math.abs(actual[i] - forecast[i]) / denominator;
    }
    return 100 * sum / actual.length;
  }

  static double mase(double[] actual, double[] forecast, double scale) {
    if (!(scale > 0)) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs(actual[i] - forecast[i]);
    }
    return sum / actual.length / scale;
  }

  private record Snapshot(double score, INDArray params) {}

  /** One ensemble member's training run. */
  private static final class Member {
    private final GlobalConfig config;
    private final WindowScaler scaler;
    private final List<String> ids;
    private final List<double[]> training;
    private final Baseline baseline;
    private final long seed;
    private final EpochListener listener;
    private final int[] positions;
    MultiLayerNetwork network;
    final List<MultiLayerNetwork> networks = new ArrayList<>();
    int epochsRun;
    int bestEpoch;
    long windows;

    Member(GlobalConfig config, WindowScaler scaler, List<String> ids, List<double[]> training,
        Baseline baseline, int member, EpochListener listener) {
      this.config = config;
      this.scaler = scaler;
      this.ids = ids;
      this.training = training;
      this.baseline = baseline;
      this.seed = config.seed() + member;
      this.listener = listener;
      positions = new int[training.size()];
      for (int s = 0; s < training.size(); s++) {
        // window ends e with e - window >= 0 and e + horizon <= length
        positions[s] = training.get(s).length - config.horizon() - config.window() + 1;
      }
    }

    void run() {
      long start = System.nanoTime();
      network = GlobalNetworks.create(config, seed);
      Random random = new Random(seed);
      // the best epochs' parameters, best first; their forecasts are averaged when keep > 1
      int keep = config.snapshots();
      List<Snapshot> best = new ArrayList<>();
      bestEpoch = 0;
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        double loss = trainEpoch(random);
        epochsRun = epoch;
        String validationText = "";
        if (baseline != null) {
          double[][] forecasts = GlobalModel.forecastBatch(List.of(network), scaler, ids,
              training, config.validation());
          double score = baseline.score(forecasts);
          validationText = String.format(Locale.ROOT, ", validation %.4f of seasonal naive",
              score);
          if (best.size() < keep || score < best.get(best.size() - 1).score()) {
            if (best.isEmpty() || score < best.get(0).score()) {
              bestEpoch = epoch;
            }
            if (best.size() == keep) {
              best.remove(best.size() - 1).params().close();
            }
            best.add(new Snapshot(score, network.params().dup()));
            best.sort(java.util.Comparator.comparingDouble(Snapshot::score));
          }
        } else {
          bestEpoch = epoch;
        }
        long now = System.nanoTime();
        listener.epochEnded(epoch, config.epochs(), loss, now - epochStart, now - start);
        log.info("seed {} epoch {}/{}: loss {}{} after {} ms", seed, epoch, config.epochs(),
            String.format(Locale.ROOT, "%.5f", loss), validationText, (now - start) / 1_000_000);
        if (baseline != null && config.patience() > 0
            && epoch - bestEpoch >= config.patience()) {
          break;
        }
      }
      networks.add(network);
      for (int k = 0; k < best.size(); k++) {
        MultiLayerNetwork kept = k == 0 ? network : network.clone();
        kept.setParams(best.get(k).params());
        best.get(k).params().close();
        if (k > 0) {
          networks.add(kept);
        }
      }
    }

    /** @return the mean training loss of the epoch's batches */
    private double trainEpoch(Random random) {
      int count = training.size();
      int perSeries = config.windowsPerSeries();
      int total = count * perSeries;
      long[] samples = new long[total];
      for (int s = 0, k = 0; s < count; s++) {
        for (int j = 0; j < perSeries; j++) {
          samples[k++] = ((long) s << 32) | (config.window() + random.nextInt(positions[s]));
        }
      }
      for (int i = total - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        long swap = samples[i];
        samples[i] = samples[j];
        samples[j] = swap;
      }
      double lossSum = 0;
      int batches = 0;
      for (int from = 0; from < total; from += config.batchSize()) {
        int to = Math.min(total, from + config.batchSize());
        try (DataSetHolder batch = batch(samples, from, to)) {
          network.fit(batch.data);
        }
        lossSum += network.score();
        batches++;
        windows += to - from;
      }
      return lossSum / batches;
    }

    private DataSetHolder batch(long[] samples, int from, int to) {
      int examples = to - from;
      int window = config.window();
      int horizon = config.horizon();
      int steps = config.steps();
      float[] features = new float[examples * window];
      float[] labels = new float[examples * horizon * steps];
      float[] mask = new float[examples * steps];
      for (int e = 0; e < examples; e++) {
        long sample = samples[from + e];
        double[] values = training.get((int) (sample >>> 32));
        int end = (int) sample;
        WindowScaler.Scale scale = scaler.encode(values, end, features, e * window);
        int base = e * horizon * steps;
        for (int h = 0; h < horizon; h++) {
          labels[base + h * steps + steps - 1] = (float) scaler.scaled(values[end + h], scale);
        }
        mask[e * steps + steps - 1] = 1;
      }
      INDArray f = Nd4j.create(features, new long[] {examples, config.valuesPerStep(), steps}, 'c');
      INDArray l = Nd4j.create(labels, new long[] {examples, horizon, steps}, 'c');
      INDArray m = Nd4j.create(mask, new long[] {examples, steps}, 'c');
      return new DataSetHolder(new DataSet(f, l, null, m));
    }
  }

  /** Frees a batch's off-heap arrays as soon as the step is done with them. */
  private record DataSetHolder(DataSet data) implements AutoCloseable {
    @Override
    public void close() {
      data.getFeatures().close();
      data.getLabels().close();
      data.getLabelsMaskArray().close();
    }
  }
}
