package io.github.seriesforecaster.many;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * What one {@link GlobalForecaster#fit} did and how well the result forecasts the validation part
 * of every series (the last {@code validation} values, forecast at once from the values before
 * them), beside the seasonal naive and naive forecasts. Totals are means over the series, as the
 * M4 competition averages them.
 *
 * @param normalization the normalization used ({@code AUTO} resolved)
 * @param series per series accuracy, in set order; empty without a validation part
 * @param epochsRun epochs trained, per ensemble member
 * @param bestEpochs the epoch whose network was kept, per ensemble member
 * @param trainingWindows windows trained on, over all members and epochs
 * @param wallTime time the whole fit took
 */
public record GlobalFitReport(
    Normalization normalization,
    List<SeriesAccuracy> series,
    List<Integer> epochsRun,
    List<Integer> bestEpochs,
    long trainingWindows,
    Duration wallTime) {

  /**
   * Checks the values.
   *
   * @param normalization see {@link #normalization()}
   * @param series see {@link #series()}
   * @param epochsRun see {@link #epochsRun()}
   * @param bestEpochs see {@link #bestEpochs()}
   * @param trainingWindows see {@link #trainingWindows()}
   * @param wallTime see {@link #wallTime()}
   */
  public GlobalFitReport {
    Objects.requireNonNull(normalization, "normalization");
    series = List.copyOf(series);
    epochsRun = List.copyOf(epochsRun);
    bestEpochs = List.copyOf(bestEpochs);
    Objects.requireNonNull(wallTime, "wallTime");
  }

  /** @return the model's mean sMAPE over the series, in percent; NaN without validation */
  public double smape() {
    return mean(s -> s.model().smape());
  }

  /** @return the model's mean MASE over the series; NaN without validation */
  public double mase() {
    return mean(s -> s.model().mase());
  }

  /** @return the seasonal naive forecast's mean sMAPE */
  public double seasonalNaiveSmape() {
    return mean(s -> s.seasonalNaive().smape());
  }

  /** @return the seasonal naive forecast's mean MASE */
  public double seasonalNaiveMase() {
    return mean(s -> s.seasonalNaive().mase());
  }

  /** @return the naive forecast's mean sMAPE */
  public double naiveSmape() {
    return mean(s -> s.naive().smape());
  }

  /** @return the naive forecast's mean MASE */
  public double naiveMase() {
    return mean(s -> s.naive().mase());
  }

  /**
   * The M4 competition's overall weighted average, with seasonal naive in place of Naive2:
   * {@code (sMAPE / sMAPE_seasonalNaive + MASE / MASE_seasonalNaive) / 2}. Below 1 means the
   * model beats the seasonal naive forecast.
   *
   * @return the relative score; NaN without validation
   */
  public double relativeToSeasonalNaive() {
    return (smape() / seasonalNaiveSmape() + mase() / seasonalNaiveMase()) / 2;
  }

  /** @return true when the model's mean sMAPE and MASE are both below seasonal naive's */
  public boolean beatsSeasonalNaive() {
    return smape() < seasonalNaiveSmape() && mase() < seasonalNaiveMase();
  }

  /**
   * @return a few lines: validation accuracy beside the baselines, epochs and time
   */
  public String summary() {
    StringBuilder text = new StringBuilder();
    if (series.isEmpty()) {
      text.append("no validation part: accuracy not measured\n");
    } else {
      text.append(String.format(Locale.ROOT, "validation over %d series (mean per series):%n",
          series.size()));
      text.append(String.format(Locale.ROOT, "  model           sMAPE %7.3f  MASE %6.3f%n",
          smape(), mase()));
      text.append(String.format(Locale.ROOT, "  seasonal naive  sMAPE %7.3f  MASE %6.3f%n",
          seasonalNaiveSmape(), seasonalNaiveMase()));
      text.append(String.format(Locale.ROOT, "  naive           sMAPE %7.3f  MASE %6.3f%n",
          naiveSmape(), naiveMase()));
      text.append(String.format(Locale.ROOT, "  relative to seasonal naive %.3f (%s)%n",
          relativeToSeasonalNaive(), beatsSeasonalNaive() ? "better" : "NOT better"));
    }
    text.append(String.format(Locale.ROOT,
        "normalization %s, epochs %s (best %s), %d training windows, %.1f s",
        normalization, epochsRun, bestEpochs, trainingWindows, wallTime.toMillis() / 1000.0));
    return text.toString();
  }

  private double mean(ToDoubleFunction<SeriesAccuracy> metric) {
    return series.stream().mapToDouble(metric).average().orElse(Double.NaN);
  }
}
