package io.github.seriesforecaster.internal.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * Additive Holt-Winters exponential smoothing: ETS(A,Ad,A) (damped additive trend, additive
 * season), ETS(A,A,A) (undamped trend, {@code phi = 1}) or ETS(A,N,A) (no trend), in the
 * error-correction form of Hyndman and Athanasopoulos, <i>Forecasting: Principles and
 * Practice</i>, section 8.3:
 *
 * <pre>
 *   forecast  f = l + phi b + s[t - m]          e = y[t] - f
 *   level     l = l + phi b + alpha e
 *   trend     b = phi b + beta e
 *   season    s[t] = s[t - m] + gamma e
 *   h steps:  l + (phi + ... + phi^h) b + s[t + h - m]
 * </pre>
 *
 * <p>The state is initialised from the first full seasons of the values it reads (up to
 * {@value #INITIAL_SEASONS}, at least two, leaving a season after them where there is one; a
 * heuristic in the spirit of fpp's and statsmodels'): the level and trend are the least-squares
 * line through those seasons' means (the trend per step; none without trend), the seasonal
 * terms the mean deviation from that line at each position of the season. The squared errors
 * that the parameters minimise and AICc counts are those after the starting seasons. The forecast is
 * then a linear function of the values that is unchanged by adding a constant or, apart from the
 * season's own shift, a pattern repeating every season; {@link #seasonalDifferenceKernel} writes
 * it over seasonal differences. Parameters are estimated by minimising the in-sample one-step sum
 * of squared errors with Nelder-Mead inside the bounds of fpp ({@code 0 < beta < alpha},
 * {@code 0 < gamma < 1 - alpha}, {@code 0.8 <= phi <= 0.98}); the three models are fitted and
 * the one with the lowest AICc is kept. Deterministic: fixed starting points,
 * no randomness.
 */
public final class HoltWinters {
  static final double PHI_LOWER = 0.8;
  static final double PHI_UPPER = 0.98;
  private static final double SMALLEST = 1e-4;
  private static final int ITERATIONS = 600;
  /** Full seasons the starting state is estimated from, at most. */
  static final int INITIAL_SEASONS = 6;

  private final int season;
  private final boolean trend;
  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double phi;

  /**
   * @param season values per season, at least 2
   * @param trend true for a trend, false for none ({@code beta} and {@code phi} unused)
   * @param alpha level smoothing in (0, 1)
   * @param beta trend smoothing in [0, alpha]
   * @param gamma seasonal smoothing in [0, 1 - alpha]
   * @param phi trend damping in [0.8, 0.98], or 1 for an undamped trend
   */
  public HoltWinters(int season, boolean trend, double alpha, double beta, double gamma,
      double phi) {
    if (season < 2) {
      throw new IllegalArgumentException("season must be >= 2, was " + season);
    }
    this.season = season;
    this.trend = trend;
    this.alpha = alpha;
    this.beta = trend ? beta : 0;
    this.gamma = gamma;
    this.phi = trend ? phi : 0;
  }

  /**
   * Fits ETS(A,N,A), ETS(A,A,A) and ETS(A,Ad,A) on {@code values} and keeps the one with the
   * lowest AICc.
   *
   * @param values at least {@link #minimumLength(int)} finite values
   * @param season values per season, at least 2
   * @return the fitted smoother
   */
  public static HoltWinters fit(double[] values, int season) {
    if (values.length < minimumLength(season)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "Holt-Winters with season %d needs at least %d values, got %d", season,
          minimumLength(season), values.length));
    }
    HoltWinters best = null;
    double bestAicc = Double.POSITIVE_INFINITY;
    // the simplest first: it wins ties
    for (int parameters = 2; parameters <= 4; parameters++) {
      HoltWinters candidate = estimate(values, season, parameters);
      double aicc = candidate.aicc(values);
      if (best == null || aicc < bestAicc) {
        best = candidate;
        bestAicc = aicc;
      }
    }
    return best;
  }

  /** @return the fewest values a fit reads: two seasons to start from and one more */
  public static int minimumLength(int season) {
    return 2 * season + 1;
  }

  public int season() {
    return season;
  }

  public boolean trend() {
    return trend;
  }

  public double alpha() {
    return alpha;
  }

  public double beta() {
    return beta;
  }

  public double gamma() {
    return gamma;
  }

  public double phi() {
    return phi;
  }

  /** @return the model's name with its parameters, for reports and logs */
  public String describe() {
    if (!trend) {
      return String.format(Locale.ROOT, "ETS(A,N,A) alpha %.3f gamma %.3f", alpha, gamma);
    }
    return phi == 1
        ? String.format(Locale.ROOT, "ETS(A,A,A) alpha %.3f beta %.3f gamma %.3f", alpha, beta,
            gamma)
        : String.format(Locale.ROOT, "ETS(A,Ad,A) alpha %.3f beta %.3f gamma %.3f phi %.3f",
            alpha, beta, gamma, phi);
  }

  /**
   * @param history at least two seasons of values; the state starts from its first seasons
   * @param steps values to forecast
   * @return the {@code steps} values after {@code history}
   */
  public double[] forecast(double[] history, int steps) {
    double[] state = run(history, null);
    int m = season;
    double level = state[0];
    double slope = state[1];
    double[] result = new double[steps];
    double damping = 0;
    double power = 1;
    for (int h = 1; h <= steps; h++) {
      power *= phi;
      damping += power;
      int t = history.length + h - 1;
      result[h - 1] = level + damping * slope + state[2 + t % m];
    }
    return result;
  }

  /**
   * @return the sum of squared one-step in-sample errors over {@code values} after the seasons
   *     the state starts from (those are fitted by the start itself)
   */
  public double sse(double[] values) {
    double[] squares = new double[1];
    run(values, squares);
    return squares[0];
  }

  /**
   * The one-step forecast after {@code length} values, less the value a season before it, as
   * weights on the {@code length - season} seasonal differences of those values (oldest first):
   * for every history {@code y} of that length, {@code forecast(y, 1)[0] - y[length - season]}
   * equals the sum of {@code kernel[j] * (y[season + j] - y[j])}.
   *
   * @param length values the forecast reads, at least two seasons
   * @return {@code length - season} weights
   */
  public double[] seasonalDifferenceKernel(int length) {
    int m = season;
    double[] kernel = new double[length - m];
    double[] history = new double[length];
    for (int j = 0; j < kernel.length; j++) {
      // the history whose first season is 0 and whose only non-zero seasonal difference is at j
      Arrays.fill(history, 0);
      for (int t = m + j; t < length; t += m) {
        history[t] = 1;
      }
      kernel[j] = forecast(history, 1)[0] - history[length - m];
    }
    return kernel;
  }

  /**
   * Runs the smoother over {@code values}.
   *
   * @param squares if not null, receives the sum of squared one-step errors in its first element
   * @return the final state: level, trend, then one seasonal term per position {@code t % season}
   */
  private double[] run(double[] values, double[] squares) {
    int m = season;
    // the first INITIAL_SEASONS full seasons (at least two): a line through their means (flat
    // without trend), and per position the mean deviation from it
    int seasons = initialSeasons(values.length);
    double[] means = new double[seasons];
    double average = 0;
    for (int j = 0; j < seasons; j++) {
      means[j] = mean(values, j * m, (j + 1) * m);
      average += means[j] / seasons;
    }
    double slope = 0;
    if (trend) {
      double centre = (seasons - 1) / 2.0;
      double covariance = 0;
      double variance = 0;
      for (int j = 0; j < seasons; j++) {
        covariance += (j - centre) * (means[j] - average);
        variance += (j - centre) * (j - centre);
      }
      slope = covariance / variance / m;
    }
    double centre = (seasons * m - 1) / 2.0;
    double[] state = new double[2 + m];
    for (int j = 0; j < seasons; j++) {
      for (int i = 0; i < m; i++) {
        int t = j * m + i;
        state[2 + i] += (values[t] - (average + (t - centre) * slope)) / seasons;
      }
    }
    // the level one step before the first value
    double level = average - (centre + 1) * slope;
    double sum = 0;
    for (int t = 0; t < values.length; t++) {
      int position = 2 + t % m;
      double error = values[t] - (level + phi * slope + state[position]);
      if (t >= seasons * m) {
        sum += error * error;
      }
      level += phi * slope + alpha * error;
      slope = phi * slope + beta * error;
      state[position] += gamma * error;
    }
    if (squares != null) {
      squares[0] = sum;
    }
    state[0] = level;
    state[1] = slope;
    return state;
  }

  /**
   * @return the full seasons the state starts from: up to {@value #INITIAL_SEASONS}, at least
   *     two, leaving a season or more after them where there is one
   */
  private int initialSeasons(int length) {
    return Math.max(2, Math.min(INITIAL_SEASONS, length / season - 1));
  }

  private double aicc(double[] values) {
    // the errors after the starting seasons, and the smoothing parameters fitted on them (the
    // starting state is computed, not fitted)
    int n = values.length - initialSeasons(values.length) * season;
    int k = !trend ? 2 : phi == 1 ? 3 : 4;
    double sse = Math.max(sse(values), Double.MIN_NORMAL);
    double aic = n * Math.log(sse / n) + 2 * k;
    return n - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
  }

  private static double mean(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / (to - from);
  }

  /**
   * The smoother of the unconstrained point {@code p}, each coordinate mapped into its bounds:
   * 2 coordinates without trend, 3 with an undamped trend, 4 with a damped one.
   */
  private static HoltWinters at(int season, double[] p) {
    double alpha = SMALLEST + (1 - 2 * SMALLEST) * logistic(p[0]);
    double gamma = (1 - alpha) * logistic(p[1]);
    if (p.length == 2) {
      return new HoltWinters(season, false, alpha, 0, gamma, 0);
    }
    double beta = alpha * logistic(p[2]);
    double phi = p.length == 3 ? 1 : PHI_LOWER + (PHI_UPPER - PHI_LOWER) * logistic(p[3]);
    return new HoltWinters(season, true, alpha, beta, gamma, phi);
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static HoltWinters estimate(double[] values, int season, int dimension) {
    // starting points (alpha, gamma share of 1 - alpha, beta share of alpha, phi position)
    double[][] starts = {{0.5, 0.1, 0.1, 0.5}, {0.1, 0.2, 0.3, 0.8}, {0.9, 0.05, 0.05, 0.9}};
    double[][] points = new double[starts.length][dimension];
    for (int i = 0; i < starts.length; i++) {
      for (int d = 0; d < dimension; d++) {
        points[i][d] = logit(starts[i][d]);
      }
    }
    return at(season, NelderMead.minimiseFrom(p -> at(season, p).sse(values), points,
        ITERATIONS));
  }
}
