package io.github.seriesforecaster;

import io.github.seriesforecaster.eval.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Walk-forward evaluation (historical forecasts): from each forecast origin, forecast
 * {@code horizon} values from the true values before the origin, then move the origin on by
 * {@code stride}. The model is fitted on the values before the first origin and, with
 * {@code refitEvery(k)}, refitted from scratch on all values before every k-th origin, so scaling
 * and everything else is learned inside each fold and nothing after an origin is ever seen.
 *
 * <pre>{@code
 * BacktestResult result = Backtest.over(series)
 *     .start(700)        // first origin: forecast series[700] from series[0..699]
 *     .horizon(5)
 *     .stride(5)
 *     .refitEvery(0)     // fit once
 *     .run(SeriesForecaster.builder().window(12).config());
 * System.out.println(result.summary());   // the model beside naive (and seasonal naive)
 * }</pre>
 */
public final class Backtest {
  private final double[] series;
  private int start = -1;
  private int horizon = 1;
  private int stride = 1;
  private int refitEvery;

  private Backtest(double[] series) {
    this.series = series;
  }

  /**
   * @param series finite values in time order; copied
   * @return a backtest over the series, by default one step ahead from every origin of the last 30%
   */
  public static Backtest over(double[] series) {
    Objects.requireNonNull(series, "series");
    Checks.finite(series, 0, "series");
    return new Backtest(series.clone());
  }

  /**
   * @param start index of the first forecast origin (the first value forecast), at least 2
   * @return this backtest
   */
  public Backtest start(int start) {
    this.start = Checks.inRange(2, series.length - 1, start, "start");
    return this;
  }

  /**
   * @param horizon values forecast from each origin, at least 1
   * @return this backtest
   */
  public Backtest horizon(int horizon) {
    this.horizon = Checks.atLeast(1, horizon, "horizon");
    return this;
  }

  /**
   * @param stride steps between consecutive origins, at least 1
   * @return this backtest
   */
  public Backtest stride(int stride) {
    this.stride = Checks.atLeast(1, stride, "stride");
    return this;
  }

  /**
   * @param origins refit the model before every {@code origins}-th origin; 0 fits once only
   * @return this backtest
   */
  public Backtest refitEvery(int origins) {
    this.refitEvery = Checks.atLeast(0, origins, "refitEvery");
    return this;
  }

  /**
   * Runs the LSTM with the given settings. Its validation part (early stopping, shrinkage) comes
   * out of the values before each fit's origin.
   *
   * @param config the settings of every fit
   * @return the forecasts and their accuracy beside the baselines
   */
  public BacktestResult run(ForecasterConfig config) {
    return run(config, EpochListener.NONE);
  }

  /**
   * Same as {@link #run(ForecasterConfig)}, telling {@code listener} about every epoch of every fit.
   *
   * @param config the settings of every fit
   * @param listener told about each training epoch
   * @return the forecasts and their accuracy beside the baselines
   */
  public BacktestResult run(ForecasterConfig config, EpochListener listener) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(listener, "listener");
    return run(new Fitter() {
      @Override
      Forecaster fit(double[] history) {
        SeriesForecaster forecaster = config.toBuilder().listener(listener).build();
        try {
          reports.add(forecaster.fit(history));
        } catch (SeriesFormatException e) {
          throw new SeriesFormatException(String.format(Locale.ROOT,
              "fold fitted on the first %d values: %s", history.length, e.getMessage()), e);
        }
        return forecaster;
      }

      @Override
      int season() {
        return config.season();
      }
    });
  }

  /**
   * Runs a forecaster that needs no fitting, such as one of the {@link Baselines}.
   *
   * @param forecaster the forecaster
   * @param season season length for the seasonal naive comparison, or 0
   * @return the forecasts and their accuracy beside the baselines
   */
  public BacktestResult run(Forecaster forecaster, int season) {
    Objects.requireNonNull(forecaster, "forecaster");
    Checks.atLeast(0, season, "season");
    return run(new Fitter() {
      @Override
      Forecaster fit(double[] history) {
        return forecaster;
      }

      @Override
      int season() {
        return season;
      }
    });
  }

  private abstract static class Fitter {
    final List<FitReport> reports = new ArrayList<>();

    abstract Forecaster fit(double[] history);

    abstract int season();
  }

  private BacktestResult run(Fitter fitter) {
    int first = start >= 0 ? start : series.length - (int) Math.round(series.length * 0.3);
    if (first + horizon > series.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "start %d with horizon %d needs %d values, but the series has %d",
          first, horizon, first + horizon, series.length));
    }
    int season = fitter.season();
    Forecaster naive = Baselines.naive();
    Forecaster seasonal = season > 1 ? Baselines.seasonalNaive(season) : null;
    List<BacktestResult.Origin> origins = new ArrayList<>();
    Forecaster model = null;
    int fits = 0;
    int sinceFit = 0;
    for (int origin = first; origin + horizon <= series.length; origin += stride) {
      double[] history = Arrays.copyOf(series, origin);
      if (model == null || (refitEvery > 0 && sinceFit >= refitEvery)) {
        model = fitter.fit(history);
        fits++;
        sinceFit = 0;
      }
      sinceFit++;
      if (history.length < model.minimumHistory()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "origin %d has %d past values but %s needs %d; start later",
            origin, history.length, model.name(), model.minimumHistory()));
      }
      double[] seasonalForecast = seasonal != null && history.length >= season
          ? seasonal.forecast(history, horizon) : null;
      origins.add(new BacktestResult.Origin(origin,
          Arrays.copyOfRange(series, origin, origin + horizon),
          model.forecast(history, horizon), naive.forecast(history, horizon), seasonalForecast));
    }
    double scale = Metrics.naiveScale(series, first, season > 1 ? season : 1);
    return BacktestResult.of(model.name(), origins, fits, fitter.reports, scale, season);
  }
}
