package io.github.seriesforecaster.internal.model;

import java.util.Locale;

/**
 * The airline model of Box and Jenkins, the seasonal ARIMA(0,1,1)(0,1,1) with season {@code m}:
 *
 * <pre>
 *   w[t] = (y[t] - y[t-1]) - (y[t-m] - y[t-m-1])                    (both differences)
 *   w[t] = e[t] + theta e[t-1] + Theta e[t-m] + theta Theta e[t-m-1]
 *   one step ahead:  y[t] = y[t-m] + (y[t-1] - y[t-m-1]) + theta e[t-1] + Theta e[t-m]
 *                           + theta Theta e[t-m-1]
 * </pre>
 *
 * <p>It is the classical reference for monthly series with trend and season (Box, Jenkins and
 * Reinsel, <i>Time Series Analysis</i>, chapter 9), two parameters that short series can still
 * estimate. {@code theta} and {@code Theta} minimise the conditional sum of squares (the
 * errors before the first difference set to zero, every later one-step error counted) with
 * Nelder-Mead over the invertible region {@code |theta|, |Theta| < 0.98}, from fixed starting
 * points. The errors are linear in the values, so the forecast is a linear function of the
 * values it reads: {@link #seasonalDifferenceKernel} writes it as weights on their seasonal
 * differences, with the errors started at zero at the first of those values, as in the fit.
 * Deterministic.
 */
public final class AirlineModel {
  /** The bound on |theta| and |Theta|: invertible, and away from the unit root. */
  static final double BOUND = 0.98;
  private static final int ITERATIONS = 400;

  private final int season;
  private final double theta;
  private final double seasonalTheta;

  /**
   * @param season values per season, at least 2
   * @param theta the non-seasonal moving-average coefficient, |theta| below 1
   * @param seasonalTheta the seasonal moving-average coefficient, |Theta| below 1
   */
  public AirlineModel(int season, double theta, double seasonalTheta) {
    if (season < 2) {
      throw new IllegalArgumentException("season must be >= 2, was " + season);
    }
    if (!(Math.abs(theta) < 1) || !(Math.abs(seasonalTheta) < 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "theta and Theta must be in (-1, 1), were %s and %s", theta, seasonalTheta));
    }
    this.season = season;
    this.theta = theta;
    this.seasonalTheta = seasonalTheta;
  }

  /**
   * @return the fewest values a fit reads: two seasons and one more, which leave a season of
   *     errors after the first one
   */
  public static int minimumLength(int season) {
    return 2 * season + 1;
  }

  /**
   * @param values at least {@link #minimumLength(int)} finite values
   * @param season values per season, at least 2
   * @return the model with the lowest conditional sum of squares on {@code values}
   */
  public static AirlineModel fit(double[] values, int season) {
    if (values.length < minimumLength(season)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the airline model with season %d needs at least %d values, got %d", season,
          minimumLength(season), values.length));
    }
    double[] differences = seasonalDifferences(values, season);
    double[][] starts = {{0, 0}, {-0.4, -0.6}, {0.4, 0.4}};
    double[][] points = new double[starts.length][];
    for (int i = 0; i < starts.length; i++) {
      points[i] = new double[] {atanh(starts[i][0] / BOUND), atanh(starts[i][1] / BOUND)};
    }
    return at(season, NelderMead.minimiseFrom(p -> at(season, p).squares(differences), points,
        ITERATIONS));
  }

  /** @return the model in words, for reports */
  public String describe() {
    return String.format(Locale.ROOT, "airline SARIMA(0,1,1)(0,1,1)%d theta %.3f Theta %.3f",
        season, theta, seasonalTheta);
  }

  /** @return the non-seasonal moving-average coefficient */
  public double theta() {
    return theta;
  }

  /** @return the seasonal moving-average coefficient */
  public double seasonalTheta() {
    return seasonalTheta;
  }

  /**
   * @param history at least a season and two values
   * @return the one-step forecast after {@code history}, the errors started at zero at its
   *     second seasonal difference
   */
  public double forecast(double[] history) {
    double[] z = seasonalDifferences(history, season);
    return history[history.length - season] + nextDifference(z);
  }

  /**
   * The one-step forecast after {@code length} values, less the value a season before it, as
   * weights on the {@code length - season} seasonal differences of those values (oldest first):
   * for every history {@code y} of that length, {@code forecast(y) - y[length - season]} equals
   * the sum of {@code kernel[j] * (y[season + j] - y[j])}.
   *
   * @param length values the forecast reads, at least a season and two
   * @return {@code length - season} weights
   */
  public double[] seasonalDifferenceKernel(int length) {
    double[] kernel = new double[length - season];
    double[] unit = new double[kernel.length];
    for (int j = 0; j < kernel.length; j++) {
      unit[j] = 1;
      kernel[j] = nextDifference(unit);
      unit[j] = 0;
    }
    return kernel;
  }

  /** @return the forecast of the seasonal difference after {@code z} */
  private double nextDifference(double[] z) {
    double[] e = errors(z);
    int n = z.length;
    return z[n - 1] + theta * e[n - 1] + seasonalTheta * error(e, n - season)
        + theta * seasonalTheta * error(e, n - season - 1);
  }

  /** @return the one-step errors of the seasonal differences {@code z}, zero for the first */
  private double[] errors(double[] z) {
    double[] e = new double[z.length];
    for (int k = 1; k < z.length; k++) {
      double predicted = theta * e[k - 1] + seasonalTheta * error(e, k - season)
          + theta * seasonalTheta * error(e, k - season - 1);
      e[k] = (z[k] - z[k - 1]) - predicted;
    }
    return e;
  }

  private double squares(double[] z) {
    double sum = 0;
    for (double error : errors(z)) {
      sum += error * error;
    }
    return sum;
  }

  private static double error(double[] e, int k) {
    return k >= 0 ? e[k] : 0;
  }

  private static double[] seasonalDifferences(double[] values, int season) {
    double[] z = new double[values.length - season];
    for (int t = season; t < values.length; t++) {
      z[t - season] = values[t] - values[t - season];
    }
    return z;
  }

  private static AirlineModel at(int season, double[] p) {
    return new AirlineModel(season, BOUND * Math.tanh(p[0]), BOUND * Math.tanh(p[1]));
  }

  private static double atanh(double x) {
    return 0.5 * Math.log((1 + x) / (1 - x));
  }
}
