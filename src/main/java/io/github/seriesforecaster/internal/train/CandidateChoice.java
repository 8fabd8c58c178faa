package io.github.seriesforecaster.internal.train;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.ErrorMetrics;
import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.IntervalMetrics;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.TargetTransform;
import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.data.TransformCodec;
import io.github.seriesforecaster.internal.eval.Metrics;
import io.github.seriesforecaster.internal.eval.Verdict;
import io.github.seriesforecaster.internal.intervals.VolatilityScale;
import io.github.seriesforecaster.internal.model.FittedModel;
import io.github.seriesforecaster.internal.model.ForecastErrors;
import io.github.seriesforecaster.internal.model.IntervalCalibration;
import io.github.seriesforecaster.internal.model.NetworkMemory;
import io.github.seriesforecaster.internal.model.TrainingData;
import io.github.seriesforecaster.internal.train.RollingOrigin.Fold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses what a fit keeps, on rolling-origin folds of the training part ({@link RollingOrigin}):
 * every candidate (one network per transform {@code AUTO} tries, and with a season the seasonal
 * naive forecast with and without drift, Holt-Winters smoothing and the airline seasonal ARIMA,
 * {@link SeasonalBaselines})
 * is fitted on each fold from the values before the fold's
 * origin and scored on the fold's block by the RMSE of forecasts 1 to
 * {@link ForecasterConfig#choiceSteps()} steps ahead. A network's shrinkage factor is fitted on
 * its one-step outputs pooled over the folds. The candidate with the lowest pooled RMSE, or a
 * seasonal baseline within one standard error of it ({@link CandidateRanking}), is
 * refitted on all values: a network for the mean of its folds' best epochs, {@code ensemble}
 * times with consecutive seeds, merged into one network. Fold fits and ensemble members run in
 * parallel ({@link ForecasterConfig#parallelism()}), with results independent of it.
 */
final class CandidateChoice {
  private static final Logger log = LoggerFactory.getLogger(CandidateChoice.class);

  private CandidateChoice() {}

  /** What a candidate is. */
  enum Kind { NETWORK, SEASONAL_NAIVE, SEASONAL_NAIVE_WITH_DRIFT, HOLT_WINTERS, AIRLINE }

  /**
   * One candidate.
   *
   * @param kind a network or a seasonal baseline
   * @param transform the network's transform; {@code SEASONAL_DIFFERENCES} for the baselines
   */
  record Candidate(Kind kind, TargetTransform transform) {
    String label() {
      return CandidateChoice.label(kind, transform);
    }
  }

  /** @return the name of a candidate in reports: {@code transform} only for a network */
  static String label(Kind kind, TargetTransform transform) {
    return switch (kind) {
      case NETWORK -> "network " + transform;
      case SEASONAL_NAIVE -> "seasonal naive";
      case SEASONAL_NAIVE_WITH_DRIFT -> "seasonal naive with drift";
      case HOLT_WINTERS -> "Holt-Winters";
      case AIRLINE -> "airline SARIMA";
    };
  }

  /**
   * A candidate fitted on one fold: shrinkage 1 for a network, its raw one-step outputs on the
   * fold's block.
   */
  record OnFold(FittedModel model, TrainingSummary training, int trainingWindows,
      double[] outputs) {}

  /**
   * @param firstOrigin the values the first fold trains on
   * @return the candidates a fit with {@code config} compares, simplest first (they win ties, and
   *     {@link CandidateRanking} prefers them within one standard error)
   */
  static List<Candidate> candidates(ForecasterConfig config, int firstOrigin) {
    List<Candidate> candidates = new ArrayList<>();
    if (config.seasonalBaselines()) {
      candidates.add(new Candidate(Kind.SEASONAL_NAIVE, TargetTransform.SEASONAL_DIFFERENCES));
      candidates.add(
          new Candidate(Kind.SEASONAL_NAIVE_WITH_DRIFT, TargetTransform.SEASONAL_DIFFERENCES));
      if (SeasonalBaselines.airlineFits(config, firstOrigin)) {
        candidates.add(new Candidate(Kind.AIRLINE, TargetTransform.SEASONAL_DIFFERENCES));
      }
      if (SeasonalBaselines.holtWintersFits(config, firstOrigin)) {
        candidates.add(new Candidate(Kind.HOLT_WINTERS, TargetTransform.SEASONAL_DIFFERENCES));
      }
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
    List<Fold> folds = folds(config, length);
    if (folds.isEmpty()) {
      return withoutValidation(config, inputs, names, data, provenance, shared, startNanos);
    }
    List<Candidate> candidates = candidates(config, folds.get(0).origin());
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
    List<double[]> squaredErrors = new ArrayList<>();
    List<List<FittedModel>> shrunk = new ArrayList<>();
    double[] shrinkages = new double[candidates.size()];
    for (int c = 0; c < candidates.size(); c++) {
      List<OnFold> onFolds = fitted.subList(c * folds.size(), (c + 1) * folds.size());
      Candidate candidate = candidates.get(c);
      shrinkages[c] = candidate.kind() == Kind.NETWORK && config.shrink()
          ? FoldScores.pooledShrinkage(onFolds, folds, series)
          : onFolds.get(0).model().encoder().shrinkage();
      List<FittedModel> models = new ArrayList<>();
      for (OnFold onFold : onFolds) {
        FittedModel model = onFold.model();
        models.add(model.withEncoder(model.encoder().withShrinkage(shrinkages[c])));
      }
      shrunk.add(models);
      double[] squares = steps == 1
          ? FoldScores.oneStepSquaredErrors(models, onFolds, folds, series)
          : FoldScores.multiStepSquaredErrors(models, folds, inputs, steps);
      squaredErrors.add(squares);
      double score = CandidateRanking.rmse(squares);
      scores.put(candidate.label(), score);
      if (candidates.size() > 1) {
        log.info("{} with {}: validation RMSE {} over {} fold(s), {} step(s) ahead",
            data.source(), candidate.label(), rounded(score), folds.size(), steps);
      }
    }
    int best = CandidateRanking.keep(candidates, squaredErrors);
    int lowest = CandidateRanking.lowest(squaredErrors);
    if (best != lowest) {
      log.info("{}: keeping {}, within one standard error of {}'s lower validation RMSE "
          + "(the simpler candidate wins where the folds cannot tell them apart)", data.source(),
          candidates.get(best).label(), candidates.get(lowest).label());
    }
    Candidate chosen = candidates.get(best);
    List<FittedModel> chosenFolds = shrunk.get(best);
    List<OnFold> chosenOnFolds = fitted.subList(best * folds.size(), (best + 1) * folds.size());

    // the report's validation figures: one-step forecasts of every fold block, out of sample
    double[] actual = FoldScores.shifted(series, folds, 0);
    double[] forecasts = FoldScores.concat(
        FoldScores.oneStepForecasts(chosenFolds, chosenOnFolds, folds, series));

    // refit the kept candidate on every value
    int epochs = 0;
    TrainingSummary training = null;
    int trainingWindows = 0;
    FittedModel model;
    String kept = chosen.label();
    if (chosen.kind() == Kind.NETWORK) {
      epochs = Refit.epochs(config, chosenOnFolds,
          length - config.minimumHistory() - config.horizon() + 1);
      Fitting.Trained refitted = Refit.train(config, chosen.transform(), epochs, inputs, names,
          provenance, shared, data.source());
      training = refitted.training();
      trainingWindows = refitted.trainingWindows();
      model = refitted.model().withEncoder(
          refitted.model().encoder().withShrinkage(shrinkages[best]));
    } else {
      SeasonalBaselines.Fitted baseline =
          SeasonalBaselines.fit(config, chosen.kind(), series, length, provenance);
      model = baseline.model();
      kept = baseline.description();
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
    ErrorMetrics naiveMetrics = Metrics.of(actual, FoldScores.shifted(series, folds, 1), scale);
    int season = config.season();
    ErrorMetrics seasonalMetrics = season > 1 && firstOrigin >= season
        ? Metrics.of(actual, FoldScores.shifted(series, folds, season), scale)
        : ErrorMetrics.NONE;
    String stopReason = chosen.kind() == Kind.NETWORK
        ? String.format(Locale.ROOT, "refitted on all %d values for %d epochs, the mean best "
            + "epoch (in updates) of %d fold(s)%s", length, epochs, folds.size(),
            config.ensemble() > 1 ? ", " + config.ensemble() + " seeds averaged" : "")
        : kept + ": nothing to train";
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
    Fitting.Trained trained = Refit.train(config, transform, config.epochs(), inputs, names,
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
      model = SeasonalBaselines.fit(config, candidate.kind(), prefix[0], fold.origin(),
          provenance).model();
    }
    return new OnFold(model, training, windows, model.networkOutputs(prefix, fold.origin()));
  }

  /** @return {@code value} with 4 significant digits, for log lines */
  private static String rounded(double value) {
    return String.format(Locale.ROOT, "%.4g", value);
  }
}
