package io.github.seriesforecaster.internal.train;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.ErrorMetrics;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.IntervalMetrics;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.TargetTransform;
import io.github.seriesforecaster.internal.data.Scaler;
import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.data.TransformCodec;
import io.github.seriesforecaster.internal.data.WindowEncoder;
import io.github.seriesforecaster.internal.eval.Metrics;
import io.github.seriesforecaster.internal.eval.Verdict;
import io.github.seriesforecaster.internal.intervals.VolatilityScale;
import io.github.seriesforecaster.internal.model.EnsembleNetworks;
import io.github.seriesforecaster.internal.model.FittedModel;
import io.github.seriesforecaster.internal.model.ForecastErrors;
import io.github.seriesforecaster.internal.model.IntervalCalibration;
import io.github.seriesforecaster.internal.model.LstmNetworkFactory;
import io.github.seriesforecaster.internal.model.NetworkMemory;
import io.github.seriesforecaster.internal.model.TrainingData;
import io.github.seriesforecaster.internal.train.RollingOrigin.Fold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses what a fit keeps, on rolling-origin folds of the training part ({@link RollingOrigin}):
 * every candidate (one network per transform {@code AUTO} tries, and with a season the seasonal
 * naive forecast with and without drift) is fitted on each fold from the values before the fold's
 * origin and scored on the fold's block by the RMSE of forecasts 1 to
 * {@link ForecasterConfig#choiceSteps()} steps ahead. A network's shrinkage factor is fitted on
 * its one-step outputs pooled over the folds. The candidate with the lowest pooled RMSE is
 * refitted on all values: a network for the mean of its folds' best epochs, {@code ensemble}
 * times with consecutive seeds, merged into one network. Fold fits and ensemble members run in
 * parallel ({@link ForecasterConfig#parallelism()}), with results independent of it.
 */
final class CandidateChoice {
  private static final Logger log = LoggerFactory.getLogger(CandidateChoice.class);
  /** Most forecast origins per fold scored when the choice is made for more than one step. */
  static final int MAXIMUM_ORIGINS = 100;

  private CandidateChoice() {}

  /** What a candidate is. */
  enum Kind { NETWORK, SEASONAL_NAIVE, SEASONAL_NAIVE_WITH_DRIFT }

  /**
   * One candidate.
   *
   * @param kind a network or a seasonal baseline
   * @param transform the network's transform; {@code SEASONAL_DIFFERENCES} for the baselines
   */
  record Candidate(Kind kind, TargetTransform transform) {
    String label() {
      return switch (kind) {
        case NETWORK -> "network " + transform;
        case SEASONAL_NAIVE -> "seasonal naive";
        case SEASONAL_NAIVE_WITH_DRIFT -> "seasonal naive with drift";
      };
    }
  }

  /** A candidate fitted on one fold: shrinkage 1, its raw one-step outputs on the fold's block. */
  record OnFold(FittedModel model, TrainingSummary training, int trainingWindows,
      double[] outputs) {}

  /** @return the candidates a fit with {@code config} compares, baselines first (they win ties) */
  static List<Candidate> candidates(ForecasterConfig config) {
    List<Candidate> candidates = new ArrayList<>();
    if (config.seasonalBaselines()) {
      candidates.add(new Candidate(Kind.SEASONAL_NAIVE, TargetTransform.SEASONAL_DIFFERENCES));
      candidates.add(
          new Candidate(Kind.SEASONAL_NAIVE_WITH_DRIFT, TargetTransform.SEASONAL_DIFFERENCES));
    }
    for (TargetTransform transform : config.candidateTransforms()) {
      candidates.add(new Candidate(Kind.NETWORK, transform));
    }
    return candidates;
  }

  /** @return the folds a fit of {@code length} values with {@code config} scores candidates on */
  static List<Fold> folds(ForecasterConfig config, int length) {
    return RollingOrigin.folds(length, config.minimumHistory() + config.horizon(),
        config.validationFraction(), Math.max(config.choiceSteps(), config.horizon()));
  }

  static Fitting.Result fit(ForecasterConfig config, double[][] inputs, List<String> names,
      SeriesData data, TrainingData provenance, EpochListener listener, long startNanos) {
    double[] series = inputs[0];
    int length = series.length;
    EpochListener shared = SerializedListener.of(listener);
    List<Candidate> candidates = candidates(config);
    List<Fold> folds = folds(config, length);
    if (folds.isEmpty()) {
      return withoutValidation(config, inputs, names, data, provenance, shared, startNanos);
    }
    List<Callable<OnFold>> jobs = new ArrayList<>();
    for (Candidate candidate : candidates) {
      for (Fold fold : folds) {
        jobs.add(() -> onFold(config, candidate, fold, inputs, names, provenance, shared,
            data.source()));
      }
    }
    List<OnFold> fitted = ParallelTasks.run(jobs, config.parallelism());
    int steps = config.choiceSteps();
    Map<String, Double> scores = new LinkedHashMap<>();
    int best = -1;
    double bestScore = Double.NaN;
    List<List<FittedModel>> shrunk = new ArrayList<>();
    double[] shrinkages = new double[candidates.size()];
    for (int c = 0; c < candidates.size(); c++) {
      List<OnFold> onFolds = fitted.subList(c * folds.size(), (c + 1) * folds.size());
      Candidate candidate = candidates.get(c);
      shrinkages[c] = candidate.kind() == Kind.NETWORK && config.shrink()
          ? pooledShrinkage(onFolds, folds, series) : onFolds.get(0).model().encoder().shrinkage();
      List<FittedModel> models = new ArrayList<>();
      for (OnFold onFold : onFolds) {
        FittedModel model = onFold.model();
        models.add(model.withEncoder(model.encoder().withShrinkage(shrinkages[c])));
      }
      shrunk.add(models);
      double score = steps == 1 ? oneStepRmse(models, onFolds, folds, series)
          : multiStepRmse(models, folds, inputs, steps);
      scores.put(candidate.label(), score);
      if (candidates.size() > 1) {
        log.info("{} with {}: validation RMSE {} over {} fold(s), {} step(s) ahead",
            data.source(), candidate.label(), rounded(score), folds.size(), steps);
      }
      if (best < 0 || score < bestScore) {
        best = c;
        bestScore = score;
      }
    }
    Candidate chosen = candidates.get(best);
    List<FittedModel> chosenFolds = shrunk.get(best);
    List<OnFold> chosenOnFolds = fitted.subList(best * folds.size(), (best + 1) * folds.size());

    // the report's validation figures: one-step forecasts of every fold block, out of sample
    List<double[]> actualParts = new ArrayList<>();
    List<double[]> forecastParts = new ArrayList<>();
    for (int f = 0; f < folds.size(); f++) {
      Fold fold = folds.get(f);
      double[] prefix = Arrays.copyOf(series, fold.end());
      forecastParts.add(chosenFolds.get(f).decodeOneStep(prefix, fold.origin(),
          chosenOnFolds.get(f).outputs()));
      actualParts.add(Arrays.copyOfRange(series, fold.origin(), fold.end()));
    }
    double[] actual = concat(actualParts);
    double[] forecasts = concat(forecastParts);

    // refit the kept candidate on every value
    int epochs = 0;
    TrainingSummary training = null;
    int trainingWindows = 0;
    FittedModel model;
    if (chosen.kind() == Kind.NETWORK) {
      epochs = refitEpochs(config, chosenOnFolds,
          length - config.minimumHistory() - config.horizon() + 1);
      Fitting.Trained refitted = refit(config, chosen.transform(), epochs, inputs, names,
          provenance, shared, data.source());
      training = refitted.training();
      trainingWindows = refitted.trainingWindows();
      model = refitted.model().withEncoder(
          refitted.model().encoder().withShrinkage(shrinkages[best]));
    } else {
      model = baseline(config, chosen.kind(), series, length, provenance);
    }
    // intervals from the last fold's model on its block (which ends where the series ends), out of
    // sample as the refitted model's errors will be
    double coverage = Double.NaN;
    List<IntervalMetrics> intervals = List.of();
    int lastOrigin = folds.get(folds.size() - 1).origin();
    ForecastErrors errors =
        ForecastErrors.measure(chosenFolds.get(folds.size() - 1), inputs, lastOrigin);
    if (errors != null) {
      VolatilityScale volatility = VolatilityScale.standard();
      model = model.withErrors(
          IntervalCalibration.calibrate(errors, series, lastOrigin, volatility));
      List<IntervalMetrics> oneStep = IntervalHoldOut.check(errors, series, lastOrigin,
          volatility, config.season(), 1, 0.8);
      coverage = oneStep.isEmpty() ? Double.NaN : oneStep.get(0).coverage();
      intervals = IntervalHoldOut.check(errors, series, lastOrigin, volatility, config.season(),
          Integer.MAX_VALUE, 0.8, 0.95);
    }
    // the fold models' off-heap buffers, now that nothing reads them any more
    for (List<FittedModel> models : shrunk) {
      models.forEach(m -> NetworkMemory.release(m.network()));
    }
    int firstOrigin = folds.get(0).origin();
    double scale = Metrics.naiveScale(series, firstOrigin, 1);
    ErrorMetrics modelMetrics = Metrics.of(actual, forecasts, scale);
    ErrorMetrics naiveMetrics = Metrics.of(actual, shifted(series, folds, 1), scale);
    int season = config.season();
    ErrorMetrics seasonalMetrics = season > 1 && firstOrigin >= season
        ? Metrics.of(actual, shifted(series, folds, season), scale) : ErrorMetrics.NONE;
    String stopReason = chosen.kind() == Kind.NETWORK
        ? String.format(Locale.ROOT, "refitted on all %d values for %d epochs, the mean best "
            + "epoch (in updates) of %d fold(s)%s", length, epochs, folds.size(),
            config.ensemble() > 1 ? ", " + config.ensemble() + " seeds averaged" : "")
        : chosen.label() + ": nothing to train";
    FitReport report = new FitReport(model.encoder().codec().transform(), epochs, epochs,
        stopReason, training == null ? Double.NaN : training.trainingLoss(),
        Duration.ofNanos(System.nanoTime() - startNanos), trainingWindows, actual.length,
        modelMetrics, naiveMetrics, seasonalMetrics, model.encoder().shrinkage(), coverage,
        intervals, chosen.label(), scores, folds.size());
    Verdict verdict = report.verdict();
    log.info("fitted {} on {} column '{}': {} fold(s), kept {} ({}), {} ms; "
            + "validation RMSE {} vs naive {} ({}), shrinkage {}",
        report.transform(), data.source(), data.column(), folds.size(), chosen.label(),
        stopReason, report.wallTime().toMillis(), rounded(modelMetrics.rmse()),
        rounded(naiveMetrics.rmse()), verdict.label(),
        String.format(Locale.ROOT, "%.3f", report.shrinkage()));
    if (verdict == Verdict.WORSE_THAN_NAIVE) {
      // a tie is in the INFO line and the report; only a clear loss is worth a warning
      log.warn("{}, validation part: {}", data.source(),
          Verdict.sentence(modelMetrics.rmse(), naiveMetrics.rmse()));
    }
    return new Fitting.Result(model, report);
  }

  /** validationFraction 0: the first candidate transform, trained on everything, no shrinkage. */
  private static Fitting.Result withoutValidation(ForecasterConfig config, double[][] inputs,
      List<String> names, SeriesData data, TrainingData provenance, EpochListener listener,
      long startNanos) {
    TargetTransform transform = config.candidateTransforms().get(0);
    Fitting.Trained trained = refit(config, transform, config.epochs(), inputs, names,
        provenance, listener, data.source());
    TrainingSummary training = trained.training();
    FitReport report = new FitReport(transform, training.epochsRun(), training.bestEpoch(),
        training.stopReason(), training.trainingLoss(),
        Duration.ofNanos(System.nanoTime() - startNanos), trained.trainingWindows(), 0,
        ErrorMetrics.NONE, ErrorMetrics.NONE, ErrorMetrics.NONE, 1.0, Double.NaN, List.of(),
        new Candidate(Kind.NETWORK, transform).label(), Map.of(), 0);
    log.info("fitted {} on {} column '{}': {} epochs, {} training windows, {} ms, no validation",
        transform, data.source(), data.column(), training.epochsRun(), trained.trainingWindows(),
        report.wallTime().toMillis());
    return new Fitting.Result(trained.model(), report);
  }

  /**
   * The epochs of the refit: as many parameter updates as the folds' best epochs made, on
   * average. Where every training is one full batch that is the mean best epoch; a long series
   * whose refit has more mini-batches per epoch than its folds gets proportionally fewer epochs.
   */
  static int refitEpochs(ForecasterConfig config, List<OnFold> onFolds, int refitWindows) {
    double updates = 0;
    for (OnFold onFold : onFolds) {
      updates += onFold.training().bestEpoch() * batches(onFold.trainingWindows(), config);
    }
    updates /= onFolds.size();
    return Math.max(1, (int) Math.round(updates / batches(refitWindows, config)));
  }

  private static int batches(int windows, ForecasterConfig config) {
    return Math.max(1, (windows + config.batchSize() - 1) / config.batchSize());
  }

  /**
   * Trains {@code ensemble} networks on every value (seeds {@code seed}, {@code seed + 1}, ...) for
   * {@code epochs} epochs each and merges them into one.
   */
  private static Fitting.Trained refit(ForecasterConfig config, TargetTransform transform,
      int epochs, double[][] inputs, List<String> names, TrainingData provenance,
      EpochListener listener, String source) {
    int length = inputs[0].length;
    List<Callable<Fitting.Trained>> members = new ArrayList<>();
    for (int m = 0; m < config.ensemble(); m++) {
      ForecasterConfig member =
          config.toBuilder().epochs(epochs).seed(config.seed() + m).config();
      members.add(() -> Fitting.trainOn(member, TransformCodec.of(transform, config.season()),
          inputs, names, length, provenance, listener, source));
    }
    List<Fitting.Trained> trained = ParallelTasks.run(members, config.parallelism());
    Fitting.Trained first = trained.get(0);
    if (trained.size() == 1) {
      return first;
    }
    List<MultiLayerNetwork> networks = new ArrayList<>();
    trained.forEach(t -> networks.add(t.model().network()));
    MultiLayerNetwork merged = EnsembleNetworks.merge(networks, config, inputs.length);
    networks.forEach(MultiLayerNetwork::close);
    FittedModel model = new FittedModel(config, merged, first.model().encoder(), provenance,
        Instant.now());
    return new Fitting.Trained(model, first.training(), first.trainingWindows());
  }

  static OnFold onFold(ForecasterConfig config, Candidate candidate, Fold fold,
      double[][] inputs, List<String> names, TrainingData provenance, EpochListener listener,
      String source) {
    // the fold reads nothing from its end on
    double[][] prefix = new double[inputs.length][];
    for (int c = 0; c < inputs.length; c++) {
      prefix[c] = Arrays.copyOf(inputs[c], fold.end());
    }
    FittedModel model;
    TrainingSummary training = null;
    int windows = 0;
    if (candidate.kind() == Kind.NETWORK) {
      Fitting.Trained trained = Fitting.trainOn(config,
          TransformCodec.of(candidate.transform(), config.season()), prefix, names,
          fold.origin(), provenance, listener, source);
      model = trained.model();
      training = trained.training();
      windows = trained.trainingWindows();
    } else {
      model = baseline(config, candidate.kind(), prefix[0], fold.origin(), provenance);
    }
    return new OnFold(model, training, windows, model.networkOutputs(prefix, fold.origin()));
  }

  /**
   * A seasonal naive forecast as a model of the usual kind: the seasonal-difference transform and
   * a network whose weights are all zero, so its output is its bias. Seasonal naive keeps
   * shrinkage 0 ({@code x[t] = x[t - season]} exactly); with drift the bias is the mean seasonal
   * difference of the training values ({@code x[t] = x[t - season] + drift}). It forecasts
   * recursively (horizon 1) whatever the configured horizon, which for these forecasts is the
   * same as forecasting directly.
   *
   * @param first the model reads the values before this index only
   */
  static FittedModel baseline(ForecasterConfig config, Kind kind, double[] series, int first,
      TrainingData provenance) {
    TransformCodec codec = TransformCodec.of(TargetTransform.SEASONAL_DIFFERENCES, config.season());
    double[] transformed = codec.forwardAll(Arrays.copyOf(series, first));
    Scaler scaler = Scaler.fit(transformed);
    double drift = 0;
    if (kind == Kind.SEASONAL_NAIVE_WITH_DRIFT) {
      for (double value : transformed) {
        drift += value;
      }
      drift /= transformed.length;
    }
    ForecasterConfig baselineConfig = config.toBuilder().horizon(1).ensemble(1).config();
    MultiLayerNetwork network = LstmNetworkFactory.create(baselineConfig, 1);
    network.params().assign(0);
    network.getLayer(config.layers()).getParam("b").assign(scaler.scale(drift));
    WindowEncoder encoder = new WindowEncoder(codec, config.window(), scaler,
        kind == Kind.SEASONAL_NAIVE ? 0.0 : 1.0);
    return new FittedModel(baselineConfig, network, encoder, provenance, Instant.now());
  }

  /** The least-squares shrinkage of the one-step outputs of every fold, pooled. */
  private static double pooledShrinkage(List<OnFold> onFolds, List<Fold> folds, double[] series) {
    // one common unit (the last fold's training range) for every fold's transformed values
    double range = onFolds.get(onFolds.size() - 1).model().encoder().scaler().range();
    List<double[]> predicted = new ArrayList<>();
    List<double[]> actual = new ArrayList<>();
    for (int f = 0; f < folds.size(); f++) {
      WindowEncoder encoder = onFolds.get(f).model().encoder();
      double[] outputs = onFolds.get(f).outputs();
      double[] p = new double[outputs.length];
      double[] a = new double[outputs.length];
      for (int i = 0; i < outputs.length; i++) {
        p[i] = encoder.transformedOutput(outputs[i]) / range;
        a[i] = encoder.codec().forward(series, folds.get(f).origin() + i) / range;
      }
      predicted.add(p);
      actual.add(a);
    }
    return Fitting.shrinkage(concat(predicted), concat(actual));
  }

  private static double oneStepRmse(List<FittedModel> models, List<OnFold> onFolds,
      List<Fold> folds, double[] series) {
    double squares = 0;
    int count = 0;
    for (int f = 0; f < folds.size(); f++) {
      Fold fold = folds.get(f);
      double[] forecasts = models.get(f).decodeOneStep(
          Arrays.copyOf(series, fold.end()), fold.origin(), onFolds.get(f).outputs());
      for (int i = 0; i < forecasts.length; i++) {
        double error = series[fold.origin() + i] - forecasts[i];
        squares += error * error;
        count++;
      }
    }
    return Math.sqrt(squares / count);
  }

  /**
   * RMSE over every forecast 1 to {@code steps} steps ahead from origins in each fold's block
   * whose target is inside the block (at most {@link #MAXIMUM_ORIGINS} origins per fold, evenly
   * spaced).
   */
  static double multiStepRmse(List<FittedModel> models, List<Fold> folds, double[][] inputs,
      int steps) {
    double[] series = inputs[0];
    double squares = 0;
    long count = 0;
    for (int f = 0; f < folds.size(); f++) {
      Fold fold = folds.get(f);
      FittedModel model = models.get(f);
      int maximum = Math.min(steps, model.maximumSteps());
      int history = model.encoder().minimumHistory();
      double spacing = Math.max(1.0, (double) fold.size() / MAXIMUM_ORIGINS);
      for (double position = 0; position < fold.size(); position += spacing) {
        int origin = fold.origin() + (int) position;
        int ahead = Math.min(maximum, fold.end() - origin);
        double[][] past = new double[inputs.length][];
        for (int c = 0; c < inputs.length; c++) {
          past[c] = Arrays.copyOfRange(inputs[c], Math.max(0, origin - history), origin);
        }
        double[] forecast = model.forecastInputs(past, ahead);
        for (int h = 0; h < ahead; h++) {
          double error = series[origin + h] - forecast[h];
          squares += error * error;
          count++;
        }
      }
    }
    return Math.sqrt(squares / count);
  }

  /** The naive forecast at lag {@code lag} of every fold block's values, in order. */
  private static double[] shifted(double[] series, List<Fold> folds, int lag) {
    List<double[]> parts = new ArrayList<>();
    for (Fold fold : folds) {
      parts.add(Arrays.copyOfRange(series, fold.origin() - lag, fold.end() - lag));
    }
    return concat(parts);
  }

  private static double[] concat(List<double[]> parts) {
    int size = parts.stream().mapToInt(part -> part.length).sum();
    double[] all = new double[size];
    int at = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  /** @return {@code value} with 4 significant digits, for log lines */
  private static String rounded(double value) {
    return String.format(Locale.ROOT, "%.4g", value);
  }
}
