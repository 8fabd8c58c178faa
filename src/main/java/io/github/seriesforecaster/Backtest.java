package io.github.seriesforecaster;

import io.github.seriesforecaster.internal.eval.Metrics;
import io.github.seriesforecaster.internal.train.ParallelTasks;
import io.github.seriesforecaster.internal.train.SerializedListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

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
 *
 * <p>The folds (the origins between two fits) are independent, so with refits they are fitted
 * {@link ForecasterConfig#parallelism()} at a time, each fit on its own thread with the
 * configuration's {@code threads}; the result is bit-identical to fitting them one after another.
 */
public final class Backtest {
  private final double[] series;
  private final SeriesFrame frame;
  private final String target;
  private int start = -1;
  private int horizon = 1;
  private int stride = 1;
  private int refitEvery;
  private double[] levels = new double[0];

  private Backtest(double[] series, SeriesFrame frame, String target) {
    this.series = series;
    this.frame = frame;
    this.target = target;
  }

  /**
   * @param series finite values in time order; copied
   * @return a backtest over the series, by default one step ahead from every origin of the last 30%
   */
  public static Backtest over(double[] series) {
    Objects.requireNonNull(series, "series");
    Checks.finite(series, 0, "series");
    return new Backtest(series.clone(), null, null);
  }

  /**
   * A backtest of a model with feature columns: each fold is fitted with
   * {@link SeriesForecaster#fit(SeriesFrame)} on the rows before its origin, and forecasts from
   * them (at most the configuration's {@code horizon} steps, since later steps would need future
   * feature values). The target column is the one {@code run}'s configuration names.
   *
   * @param frame finite values in time order, holding the target and feature columns
   * @param target the name of the target column, for the baselines and the scores
   * @return a backtest over the frame
   * @throws IllegalArgumentException if the frame has no such column
   */
  public static Backtest over(SeriesFrame frame, String target) {
    Objects.requireNonNull(frame, "frame");
    double[] series = frame.column(Objects.requireNonNull(target, "target"));
    Checks.finite(series, 0, target);
    return new Backtest(series, frame, target);
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
   * Also forecasts prediction intervals at these levels from every origin (with
   * {@link SeriesForecaster#forecastWithIntervals}) and scores them in
   * {@link BacktestResult#intervals()}; only for {@link #run(ForecasterConfig)}.
   *
   * @param levels coverage levels strictly between 0 and 1, e.g. 0.8 and 0.95; none turns
   *     intervals off
   * @return this backtest
   */
  public Backtest levels(double... levels) {
    Objects.requireNonNull(levels, "levels");
    for (double level : levels) {
      Checks.between(0.0, 1.0, level, "level");
    }
    this.levels = levels.clone();
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
   * With {@code parallelism > 1} the listener is called from the fitting threads, one call at a
   * time.
   *
   * @param config the settings of every fit
   * @param listener told about each training epoch
   * @return the forecasts and their accuracy beside the baselines
   */
  public BacktestResult run(ForecasterConfig config, EpochListener listener) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(listener, "listener");
    if (frame != null && !FrameColumns.target(config, frame.columns()).equals(target)) {
      throw new IllegalArgumentException("the configuration's target column is '"
          + FrameColumns.target(config, frame.columns()) + "' but this backtest scores '"
          + target + "'; set column(\"" + target + "\")");
    }
    if (frame != null && config.hasFeatures() && horizon > config.horizon()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "backtest horizon %d is more than the model's horizon %d: a model with feature "
              + "columns forecasts at most horizon steps; set horizon(%d) in its configuration",
          horizon, config.horizon(), horizon));
    }
    // folds fitted at once call the listener from their own threads: one call at a time
    EpochListener foldListener =
        config.parallelism() == 1 ? listener : SerializedListener.of(listener);
    return run(new Fitter() {
      @Override
      Fold fit(int origin, int parallelism) {
        SeriesForecaster forecaster = SeriesForecaster.builder(config).parallelism(parallelism)
            .listener(foldListener).build();
        try {
          return new Fold(forecaster, frame == null ? forecaster.fit(Arrays.copyOf(series, origin))
              : forecaster.fit(frame.rows(0, origin)));
        } catch (SeriesFormatException e) {
          throw new SeriesFormatException(String.format(Locale.ROOT,
              "fold fitted on the first %d values: %s", origin, e.getMessage()), e);
        }
      }

      @Override
      int parallelism() {
        return config.parallelism();
      }

      @Override
      double[] forecast(Forecaster model, int origin) {
        if (frame == null) {
          return super.forecast(model, origin);
        }
        // the model reads only its last minimumHistory rows
        int from = Math.max(0, origin - model.minimumHistory());
        return ((SeriesForecaster) model).forecast(frame.rows(from, origin), horizon);
      }

      @Override
      ForecastIntervals intervals(Forecaster model, int origin) {
        if (levels.length == 0) {
          return null;
        }
        SeriesForecaster forecaster = (SeriesForecaster) model;
        // the whole history: the intervals follow its recent volatility
        return frame == null
            ? forecaster.forecastWithIntervals(Arrays.copyOf(series, origin), horizon, levels)
            : forecaster.forecastWithIntervals(frame.rows(0, origin), horizon, levels);
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
      Fold fit(int origin, int parallelism) {
        return new Fold(forecaster, null);
      }

      @Override
      int season() {
        return season;
      }
    });
  }

  /** A model fitted for a fold, and its fit's report ({@code null} for a model without a fit). */
  private record Fold(Forecaster model, FitReport report) {}

  private abstract class Fitter {
    /**
     * @param parallelism the threads this fit may use for its own independent work (the
     *     candidates' fold fits); results do not depend on it
     * @return the model fitted on the values before {@code origin}
     */
    abstract Fold fit(int origin, int parallelism);

    /** @return folds fitted at once */
    int parallelism() {
      return 1;
    }

    /** @return intervals from the values before {@code origin}, or {@code null} for none */
    ForecastIntervals intervals(Forecaster model, int origin) {
      return null;
    }

    /** @return the model's {@code horizon} forecasts from the values before {@code origin} */
    double[] forecast(Forecaster model, int origin) {
      return model.forecast(Arrays.copyOf(series, origin), horizon);
    }

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
    // a fold: the origins one model forecasts from, fitted before the fold's first origin
    List<List<Integer>> folds = new ArrayList<>();
    int sinceFit = 0;
    for (int origin = first; origin + horizon <= series.length; origin += stride) {
      if (folds.isEmpty() || (refitEvery > 0 && sinceFit >= refitEvery)) {
        folds.add(new ArrayList<>());
        sinceFit = 0;
      }
      sinceFit++;
      folds.get(folds.size() - 1).add(origin);
    }
    // folds are independent: each fits its own model on the values before its first origin.
    // Folds fitted at once get the threads between them, so that a fit's own parallel work does
    // not put more threads than processors on the machine (measured: 16% more CPU per fold)
    int perFold = ParallelTasks.perTask(fitter.parallelism(), folds.size());
    List<Callable<FoldResult>> tasks = new ArrayList<>();
    for (List<Integer> fold : folds) {
      tasks.add(() -> {
        Fold fitted = fitter.fit(fold.get(0), perFold);
        Forecaster model = fitted.model();
        List<BacktestResult.Origin> foldOrigins = new ArrayList<>();
        for (int origin : fold) {
          double[] history = Arrays.copyOf(series, origin);
          if (history.length < model.minimumHistory()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "origin %d has %d past values but %s needs %d; start later",
                origin, history.length, model.name(), model.minimumHistory()));
          }
          double[] seasonalForecast = seasonal != null && history.length >= season
              ? seasonal.forecast(history, horizon) : null;
          ForecastIntervals intervals = fitter.intervals(model, origin);
          double[] actual = Arrays.copyOfRange(series, origin, origin + horizon);
          double[] naiveForecast = naive.forecast(history, horizon);
          if (intervals == null) {
            foldOrigins.add(new BacktestResult.Origin(origin, actual,
                fitter.forecast(model, origin), naiveForecast, seasonalForecast));
          } else {
            double[][] lower = new double[levels.length][];
            double[][] upper = new double[levels.length][];
            for (int l = 0; l < levels.length; l++) {
              lower[l] = intervals.lower(levels[l]);
              upper[l] = intervals.upper(levels[l]);
            }
            foldOrigins.add(new BacktestResult.Origin(origin, actual, intervals.point(),
                naiveForecast, seasonalForecast, levels, lower, upper));
          }
        }
        return new FoldResult(fitted, foldOrigins);
      });
    }
    List<BacktestResult.Origin> origins = new ArrayList<>();
    List<FitReport> reports = new ArrayList<>();
    Forecaster model = null;
    for (FoldResult result : ParallelTasks.run(tasks, fitter.parallelism())) {
      origins.addAll(result.origins());
      if (result.fold().report() != null) {
        reports.add(result.fold().report());
      }
      model = result.fold().model();
    }
    int fits = folds.size();
    double scale = Metrics.naiveScale(series, first, season > 1 ? season : 1);
    return BacktestResult.of(model.name(), origins, fits, reports, scale, season);
  }

  private record FoldResult(Fold fold, List<BacktestResult.Origin> origins) {}
}
