package io.github.seriesforecaster;

import java.util.Locale;
import java.util.Objects;

/**
 * The simple forecasts every model must be compared with. Each needs no fitting.
 *
 * <pre>{@code
 * Forecaster naive = Baselines.naive();              // tomorrow = today
 * Forecaster lastYear = Baselines.seasonalNaive(12); // next month = same month last year
 * Forecaster trend = Baselines.drift();              // last value + average change so far
 * }</pre>
 */
public final class Baselines {
  private Baselines() {}

  /** @return the naive forecast: every future value equals the last one */
  public static Forecaster naive() {
    return new Baseline("naive", 1) {
      @Override
      double value(double[] series, int end, int step) {
        return series[end - 1];
      }
    };
  }

  /**
   * @param season season length in steps, at least 1 (1 is the naive forecast)
   * @return the seasonal naive forecast: each future value equals the value one season earlier
   */
  public static Forecaster seasonalNaive(int season) {
    Checks.atLeast(1, season, "season");
    return new Baseline(String.format(Locale.ROOT, "seasonal naive (%d)", season), season) {
      @Override
      double value(double[] series, int end, int step) {
        // step h (from 1) repeats the value a whole number of seasons before it
        int seasonsBack = (step - 1) / season + 1;
        return series[end + step - 1 - seasonsBack * season];
      }
    };
  }

  /**
   * @return the drift forecast: the last value plus {@code h} times the average change over the
   *     whole history (the line through the first and last values, extended)
   */
  public static Forecaster drift() {
    return new Baseline("drift", 2) {
      @Override
      double value(double[] series, int end, int step) {
        double slope = (series[end - 1] - series[0]) / (end - 1);
        return series[end - 1] + step * slope;
      }
    };
  }

  /** A forecast computed from the true history only. */
  private abstract static class Baseline implements Forecaster {
    private final String name;
    private final int minimumHistory;

    Baseline(String name, int minimumHistory) {
      this.name = name;
      this.minimumHistory = minimumHistory;
    }

    abstract double value(double[] series, int end, int step);

    @Override
    public int minimumHistory() {
      return minimumHistory;
    }

    @Override
    public double predict(double[] series) {
      return forecast(series, 1)[0];
    }

    @Override
    public double[] forecast(double[] series, int steps) {
      Objects.requireNonNull(series, "series");
      Checks.atLeast(1, steps, "steps");
      if (series.length < minimumHistory) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "series has %d values but the %s forecast needs at least %d",
            series.length, name, minimumHistory));
      }
      double[] result = new double[steps];
      for (int step = 1; step <= steps; step++) {
        result[step - 1] = value(series, series.length, step);
      }
      return result;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
