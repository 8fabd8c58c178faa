package io.github.seriesforecaster;

import io.github.seriesforecaster.eval.Metrics;
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
 */
public record BacktestResult(
    String method,
    List<Origin> origins,
    int fits,
    List<FitReport> fitReports,
    ErrorMetrics model,
    ErrorMetrics naive,
    ErrorMetrics seasonalNaive,
    List<ErrorMetrics> modelByStep) {

  /**
   * Checks the values and copies them.
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
  public BacktestResult {
    origins = List.copyOf(origins);
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
   */
  public record Origin(
      int index, double[] actual, double[] forecast, double[] naive, double[] seasonalNaive) {
    /**
     * Checks the values and copies them.
     *
     * @param index see {@link #index()}
     * @param actual see {@link #actual()}
     * @param forecast see {@link #forecast()}
     * @param naive see {@link #naive()}
     * @param seasonalNaive see {@link #seasonalNaive()}
     */
    public Origin {
      actual = actual.clone();
      forecast = forecast.clone();
      naive = naive.clone();
      seasonalNaive = seasonalNaive == null ? null : seasonalNaive.clone();
    }

    /** @return a copy of the true values */
    @Override
    public double[] actual() {
      return actual.clone();
    }

    /** @return a copy of the model's forecasts */
    @Override
    public double[] forecast() {
      return forecast.clone();
    }

    /** @return a copy of the naive forecasts */
    @Override
    public double[] naive() {
      return naive.clone();
    }

    /** @return a copy of the seasonal naive forecasts, or {@code null} without a season */
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
    return new BacktestResult(
        method, origins, fits, fitReports, model, naive, seasonalNaive, byStep);
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

  /** @return true if the model's RMSE is below the naive forecast's */
  public boolean beatsNaive() {
    return model.rmse() < naive.rmse();
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
    text.append(String.format(Locale.ROOT, "  RMSE ratio to naive %.3f", model.rmse() / naive.rmse()));
    return text.toString();
  }
}
