package io.github.seriesforecaster;

import io.github.seriesforecaster.internal.eval.Verdict;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@link SeriesForecaster#fit} did and how well the result forecasts the validation part,
 * beside the naive forecast ("tomorrow = today") on the same windows.
 *
 * <p>Validation forecasts are one step ahead from the true past values, in original units. With a
 * validation fraction of 0 there are no validation windows and both metrics are
 * {@link ErrorMetrics#NONE}.
 *
 * @param transform the transform of the kept model ({@code AUTO} resolved)
 * @param epochsRun epochs trained
 * @param bestEpoch the epoch whose network was kept (the last one when every epoch is kept)
 * @param stopReason why training ended, e.g. {@code completed 300 epochs}
 * @param trainingLoss mean squared error on the training windows at the end, in scaled units; NaN
 *     when nothing was trained (a seasonal baseline was kept)
 * @param wallTime time the whole fit took, reading included
 * @param trainingWindows windows trained on
 * @param validationWindows windows scored
 * @param model the model's one-step validation accuracy
 * @param naive the naive forecast's accuracy on the same windows
 * @param seasonalNaive the seasonal naive forecast's accuracy on the same windows when a season is
 *     set, otherwise {@link ErrorMetrics#NONE}
 * @param shrinkage factor in [0, 1] applied to the network's predicted change, fitted by least
 *     squares on the validation windows: near 0 when the network has no skill beyond the
 *     no-change forecast, 1 when shrinking is off or there is nothing to fit it on
 * @param intervalCoverage80 share of one-step validation errors inside the 80% interval when the
 *     interval is calibrated on the other half of the validation part (first half calibrates,
 *     second half is scored); near 0.8 when the intervals are honest, NaN without validation
 * @param intervals the same hold-out check of the intervals {@code forecastWithIntervals} builds,
 *     for 80% and 95%, over every measured horizon step of the second half's origins: coverage,
 *     mean width and MSIS (scaled by the training part's mean absolute seasonal difference); empty
 *     without validation or when the validation part is too short to split
 * @param candidate the candidate the fit kept: {@code network <TRANSFORM>}, {@code seasonal naive},
 *     {@code seasonal naive with drift} or {@code Holt-Winters}
 * @param candidateErrors every candidate's validation RMSE over forecasts 1 to
 *     {@link ForecasterConfig#choiceSteps()} steps ahead, pooled over the folds, in the order tried;
 *     the kept one has the lowest, or is a seasonal baseline within one standard error of the
 *     lowest network's (the folds cannot tell them apart, and the simpler one is kept). Empty
 *     without validation
 * @param folds rolling-origin folds the choice was made on (0 without validation); with folds the
 *     validation figures above are pooled over the folds' scored blocks, each forecast by a model
 *     that saw only the values before its fold, and the kept model is refitted on all values
 */
public record FitReport(
    TargetTransform transform,
    int epochsRun,
    int bestEpoch,
    String stopReason,
    double trainingLoss,
    Duration wallTime,
    int trainingWindows,
    int validationWindows,
    ErrorMetrics model,
    ErrorMetrics naive,
    ErrorMetrics seasonalNaive,
    double shrinkage,
    double intervalCoverage80,
    List<IntervalMetrics> intervals,
    String candidate,
    Map<String, Double> candidateErrors,
    int folds) {

  /**
   * The report without interval metrics, as before they were added.
   *
   * @param transform see {@link #transform()}
   * @param epochsRun see {@link #epochsRun()}
   * @param bestEpoch see {@link #bestEpoch()}
   * @param stopReason see {@link #stopReason()}
   * @param trainingLoss see {@link #trainingLoss()}
   * @param wallTime see {@link #wallTime()}
   * @param trainingWindows see {@link #trainingWindows()}
   * @param validationWindows see {@link #validationWindows()}
   * @param model see {@link #model()}
   * @param naive see {@link #naive()}
   * @param seasonalNaive see {@link #seasonalNaive()}
   * @param shrinkage see {@link #shrinkage()}
   * @param intervalCoverage80 see {@link #intervalCoverage80()}
   */
  public FitReport(TargetTransform transform, int epochsRun, int bestEpoch, String stopReason,
      double trainingLoss, Duration wallTime, int trainingWindows, int validationWindows,
      ErrorMetrics model, ErrorMetrics naive, ErrorMetrics seasonalNaive, double shrinkage,
      double intervalCoverage80) {
    this(transform, epochsRun, bestEpoch, stopReason, trainingLoss, wallTime, trainingWindows,
        validationWindows, model, naive, seasonalNaive, shrinkage, intervalCoverage80, List.of());
  }

  /**
   * A report of a fit without candidates to choose from: one network, no folds.
   *
   * @param transform see {@link #transform()}
   * @param epochsRun see {@link #epochsRun()}
   * @param bestEpoch see {@link #bestEpoch()}
   * @param stopReason see {@link #stopReason()}
   * @param trainingLoss see {@link #trainingLoss()}
   * @param wallTime see {@link #wallTime()}
   * @param trainingWindows see {@link #trainingWindows()}
   * @param validationWindows see {@link #validationWindows()}
   * @param model see {@link #model()}
   * @param naive see {@link #naive()}
   * @param seasonalNaive see {@link #seasonalNaive()}
   * @param shrinkage see {@link #shrinkage()}
   * @param intervalCoverage80 see {@link #intervalCoverage80()}
   * @param intervals see {@link #intervals()}
   */
  public FitReport(TargetTransform transform, int epochsRun, int bestEpoch, String stopReason,
      double trainingLoss, Duration wallTime, int trainingWindows, int validationWindows,
      ErrorMetrics model, ErrorMetrics naive, ErrorMetrics seasonalNaive, double shrinkage,
      double intervalCoverage80, List<IntervalMetrics> intervals) {
    this(transform, epochsRun, bestEpoch, stopReason, trainingLoss, wallTime, trainingWindows,
        validationWindows, model, naive, seasonalNaive, shrinkage, intervalCoverage80, intervals,
        "network " + transform, Map.of(), 0);
  }

  /**
   * Checks the values.
   *
   * @param transform see {@link #transform()}
   * @param epochsRun see {@link #epochsRun()}
   * @param bestEpoch see {@link #bestEpoch()}
   * @param stopReason see {@link #stopReason()}
   * @param trainingLoss see {@link #trainingLoss()}
   * @param wallTime see {@link #wallTime()}
   * @param trainingWindows see {@link #trainingWindows()}
   * @param validationWindows see {@link #validationWindows()}
   * @param model see {@link #model()}
   * @param naive see {@link #naive()}
   * @param seasonalNaive see {@link #seasonalNaive()}
   * @param shrinkage see {@link #shrinkage()}
   * @param intervalCoverage80 see {@link #intervalCoverage80()}
   * @param intervals see {@link #intervals()}
   * @param candidate see {@link #candidate()}
   * @param candidateErrors see {@link #candidateErrors()}
   * @param folds see {@link #folds()}
   */
  public FitReport {
    intervals = List.copyOf(intervals);
    Objects.requireNonNull(candidate, "candidate");
    candidateErrors = java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(Objects.requireNonNull(candidateErrors, "candidateErrors")));
    Objects.requireNonNull(transform, "transform");
    Objects.requireNonNull(stopReason, "stopReason");
    Objects.requireNonNull(wallTime, "wallTime");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(naive, "naive");
    Objects.requireNonNull(seasonalNaive, "seasonalNaive");
  }

  /**
   * @return true if the model's validation RMSE is below the naive forecast's by more than the
   *     noise band of {@link Verdict}; false when it is not, or when there was no validation part
   */
  public boolean beatsNaive() {
    return verdict().beatsNaive();
  }

  /** @return how the model compares with the naive forecast, by the rule of {@link Verdict} */
  public Verdict verdict() {
    return Verdict.of(model.rmse(), naive.rmse());
  }

  /** @return model RMSE divided by naive RMSE on the validation windows; below 1 is better than naive */
  public double rmseRatioToNaive() {
    return model.rmse() / naive.rmse();
  }

  /** @return a short multi-line table for people */
  public String summary() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT,
        "%s: trained %d epochs (kept epoch %d, %s) on %d windows in %.1f s, training loss %.6g%n",
        transform, epochsRun, bestEpoch, stopReason, trainingWindows,
        wallTime.toMillis() / 1000.0, trainingLoss));
    if (validationWindows == 0) {
      return text.append("no validation part (validationFraction 0)").toString();
    }
    text.append(String.format(Locale.ROOT,
        "validation, %d one-step forecasts (shrinkage %.3f: the share of the network's predicted "
            + "change kept; 0 = the naive forecast):%n",
        validationWindows, shrinkage));
    if (candidateErrors.size() > 1) {
      text.append(String.format(Locale.ROOT, "candidates (validation RMSE, %d fold(s)):", folds));
      candidateErrors.forEach((name, rmse) -> text.append(String.format(Locale.ROOT,
          " %s %.4g%s;", name, rmse, name.equals(candidate) ? " (kept)" : "")));
      text.setLength(text.length() - 1);
      text.append(String.format(Locale.ROOT, "%n"));
    }
    text.append(String.format(Locale.ROOT, "  %-14s %s%n", "model", model));
    text.append(String.format(Locale.ROOT, "  %-14s %s%n", "naive", naive));
    if (seasonalNaive.points() > 0) {
      text.append(String.format(Locale.ROOT, "  %-14s %s%n", "seasonal naive", seasonalNaive));
    }
    text.append(String.format(Locale.ROOT,
        "  (MASE divides by the naive forecast's mean error on the training part, so naive's "
            + "MASE is not 1 here)%n"));
    text.append(String.format(Locale.ROOT,
        "  80%% intervals cover %.0f%% of held-out one-step errors%n", 100 * intervalCoverage80));
    for (IntervalMetrics metrics : intervals) {
      text.append("  held out, all steps: ").append(metrics).append(String.format(Locale.ROOT, "%n"));
    }
    text.append(Verdict.sentence(model.rmse(), naive.rmse()));
    return text.toString();
  }
}
