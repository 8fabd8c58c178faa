package io.github.seriesforecaster;

import io.github.seriesforecaster.internal.eval.IntervalScores;
import io.github.seriesforecaster.internal.eval.Metrics;
import io.github.seriesforecaster.internal.eval.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The forecasts of a {@link Backtest} and their accuracy, beside the naive forecast and, when a
 * season was given, the seasonal naive forecast, all on the same points in original units.
 *
 * @param method the forecaster's name
 * @param origins every forecast origin, in order
 * @param fits how many times the model was fitted
 * @param fitReports the report of each LSTM fit, in order; empty for forecasters that need none
 * @param model accuracy over every forecast value of every origin
 * @param naive the naive forecast's accuracy on the same values
 * @param seasonalNaive the seasonal naive forecast's accuracy, or {@link ErrorMetrics#NONE}
 * @param modelByStep the model's accuracy per horizon step (index 0 is one step ahead)
 * @param intervals for a backtest with {@link Backtest#levels}, the model's prediction intervals
 *     per level over every forecast value of every origin: coverage, mean width and MSIS (scaled
 *     like MASE, by the mean absolute seasonal difference before the first origin); otherwise empty
 */
public record BacktestResult(
    String method,
    List<Origin> origins,
    int fits,
    List<FitReport> fitReports,
    ErrorMetrics model,
    ErrorMetrics naive,
    ErrorMetrics seasonalNaive,
    List<ErrorMetrics> modelByStep,
    List<IntervalMetrics> intervals) {

  /**
   * The result without interval metrics, as before they were added.
   *
   * @param method see {@link #method()}
   * @param origins see {@link #origins()}
   * @param fits see {@link #fits()}
   * @param fitReports see {@link #fitReports()}
   * @param model see {@link #model()}
   * @param naive see {@link #naive()}
   * @param seasonalNaive see {@link #seasonalNaive()}
   * @param modelByStep see {@link #modelByStep()}
   */
  public BacktestResult(String method, List<Origin> origins, int fits, List<FitReport> fitReports,
      ErrorMetrics model, ErrorMetrics naive, ErrorMetrics seasonalNaive,
      List<ErrorMetrics> modelByStep) {
    this(method, origins, fits, fitReports, model, naive, seasonalNaive, modelByStep, List.of());
  }

  /**
   * Checks the values.
   *
   * @param method see {@link #method()}
   * @param origins see {@link #origins()}
   * @param fits see {@link #fits()}
   * @param fitReports see {@link #fitReports()}
   * @param model see {@link #model()}
   * @param naive see {@link #naive()}
   * @param seasonalNaive see {@link #seasonalNaive()}
   * @param modelByStep see {@link #modelByStep()}
   * @param intervals see {@link #intervals()}
   */
  public BacktestResult {
    origins = List.copyOf(origins);
    intervals = List.copyOf(intervals);
    fitReports = List.copyOf(fitReports);
    modelByStep = List.copyOf(modelByStep);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(naive, "naive");
    Objects.requireNonNull(seasonalNaive, "seasonalNaive");
  }

  /**
   * One forecast origin.
   *
   * @param index index of the first value forecast
   * @param actual the true values
   * @param forecast the model's forecasts
   * @param naive the naive forecasts
   * @param seasonalNaive the seasonal naive forecasts, or {@code null} without a season
   * @param levels the interval levels, empty without intervals
   * @param lower per level (in the order of {@code levels}), the lower bounds per step
   * @param upper per level, the upper bounds per step
   */
  public record Origin(int index, double[] actual, double[] forecast, double[] naive,
      double[] seasonalNaive, double[] levels, double[][] lower, double[][] upper) {
    /**
     * Checks the values.
     *
     * @param index see {@link #index()}
     * @param actual see {@link #actual()}
     * @param forecast see {@link #forecast()}
     * @param naive see {@link #naive()}
     * @param seasonalNaive see {@link #seasonalNaive()}
     * @param levels see {@link #levels()}
     * @param lower see {@link #lower()}
     * @param upper see {@link #upper()}
     */
    public Origin {
      actual = actual.clone();
      forecast = forecast.clone();
      naive = naive.clone();
      seasonalNaive = seasonalNaive == null ? null : seasonalNaive.clone();
      levels = levels.clone();
      lower = deepCopy(lower);
      upper = deepCopy(upper);
      if (lower.length != levels.length || upper.length != levels.length) {
        throw new IllegalArgumentException(levels.length + " levels but " + lower.length
            + " lower and " + upper.length + " upper bound rows");
      }
    }

    /**
     * An origin without intervals.
     *
     * @param index see {@link #index()}
     * @param actual see {@link #actual()}
     * @param forecast see {@link #forecast()}
     * @param naive see {@link #naive()}
     * @param seasonalNaive see {@link #seasonalNaive()}
     */
    public Origin(
        int index, double[] actual, double[] forecast, double[] naive, double[] seasonalNaive) {
      this(index, actual, forecast, naive, seasonalNaive, new double[0], new double[0][],
          new double[0][]);
    }

    /** @return {@code levels} (a copy) */
    @Override
    public double[] levels() {
      return levels.clone();
    }

    /** @return {@code lower} (a copy) */
    @Override
    public double[][] lower() {
      return deepCopy(lower);
    }

    /** @return {@code upper} (a copy) */
    @Override
    public double[][] upper() {
      return deepCopy(upper);
    }

    private static double[][] deepCopy(double[][] rows) {
      double[][] copy = new double[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        copy[i] = rows[i].clone();
      }
      return copy;
    }

    /** @return {@code actual} (a copy) */
    @Override
    public double[] actual() {
      return actual.clone();
    }

    /** @return {@code forecast} (a copy) */
    @Override
    public double[] forecast() {
      return forecast.clone();
    }

    /** @return {@code naive} (a copy) */
    @Override
    public double[] naive() {
      return naive.clone();
    }

    /** @return {@code seasonalNaive} (a copy) */
    @Override
    public double[] seasonalNaive() {
      return seasonalNaive == null ? null : seasonalNaive.clone();
    }
  }

  static BacktestResult of(String method, List<Origin> origins, int fits,
      List<FitReport> fitReports, double scale, int season) {
    int horizon = origins.get(0).actual.length;
    ErrorMetrics model = metrics(origins, scale, -1, o -> o.forecast);
    ErrorMetrics naive = metrics(origins, scale, -1, o -> o.naive);
    boolean seasonal = season > 1 && origins.stream().allMatch(o -> o.seasonalNaive != null);
    ErrorMetrics seasonalNaive =
        seasonal ? metrics(origins, scale, -1, o -> o.seasonalNaive) : ErrorMetrics.NONE;
    List<ErrorMetrics> byStep = new ArrayList<>();
    for (int step = 0; step < horizon; step++) {
      byStep.add(metrics(origins, scale, step, o -> o.forecast));
    }
    return new BacktestResult(method, origins, fits, fitReports, model, naive, seasonalNaive,
        byStep, intervals(origins, scale));
  }

  /** Interval metrics per level, pooled over every step of every origin. */
  private static List<IntervalMetrics> intervals(List<Origin> origins, double scale) {
    double[] levels = origins.get(0).levels;
    List<IntervalMetrics> result = new ArrayList<>();
    for (int l = 0; l < levels.length; l++) {
      List<double[]> points = new ArrayList<>();
      for (Origin origin : origins) {
        for (int step = 0; step < origin.actual.length; step++) {
          points.add(new double[] {
              origin.actual[step], origin.lower[l][step], origin.upper[l][step]});
        }
      }
      double[][] columns = new double[3][points.size()];
      for (int i = 0; i < points.size(); i++) {
        for (int c = 0; c < 3; c++) {
          columns[c][i] = points.get(i)[c];
        }
      }
      result.add(IntervalScores.of(levels[l], columns[0], columns[1], columns[2], scale));
    }
    return result;
  }

  private static ErrorMetrics metrics(List<Origin> origins, double scale, int onlyStep,
      java.util.function.Function<Origin, double[]> forecasts) {
    List<double[]> pairs = new ArrayList<>();
    for (Origin origin : origins) {
      double[] forecast = forecasts.apply(origin);
      for (int step = 0; step < origin.actual.length; step++) {
        if (onlyStep < 0 || step == onlyStep) {
          pairs.add(new double[] {origin.actual[step], forecast[step]});
        }
      }
    }
    double[] actual = new double[pairs.size()];
    double[] forecast = new double[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      actual[i] = pairs.get(i)[0];
      forecast[i] = pairs.get(i)[1];
    }
    return Metrics.of(actual, forecast, scale);
  }

  /**
   * @return true if the model's RMSE is below the naive forecast's by more than the noise band of
   *     {@link Verdict}
   */
  public boolean beatsNaive() {
    return verdict().beatsNaive();
  }

  /** @return how the model compares with the naive forecast, by the rule of {@link Verdict} */
  public Verdict verdict() {
    return Verdict.of(model.rmse(), naive.rmse());
  }

  /** @return a short multi-line table for people */
  public String summary() {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "backtest: %d origins from index %d, horizon %d, %d fit(s)%n", origins.size(),
        origins.get(0).index(), origins.get(0).actual.length, fits));
    text.append(String.format(Locale.ROOT, "  %-15s %s%n", method, model));
    text.append(String.format(Locale.ROOT, "  %-15s %s%n", "naive", naive));
    if (seasonalNaive.points() > 0) {
      text.append(String.format(Locale.ROOT, "  %-15s %s%n", "seasonal naive", seasonalNaive));
    }
    for (IntervalMetrics metrics : intervals) {
      text.append("  ").append(metrics).append(String.format(Locale.ROOT, "%n"));
    }
    text.append(Verdict.sentence(model.rmse(), naive.rmse()));
    return text.toString();
  }
}
