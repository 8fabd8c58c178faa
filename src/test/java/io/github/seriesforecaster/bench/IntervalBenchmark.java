package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.IntervalMetrics;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.internal.eval.IntervalScores;
import io.github.seriesforecaster.internal.intervals.ScaledErrors;
import io.github.seriesforecaster.internal.intervals.VolatilityScale;
import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.model.FittedModel;
import io.github.seriesforecaster.internal.model.ForecastErrors;
import io.github.seriesforecaster.internal.model.IntervalCalibration;
import io.github.seriesforecaster.internal.train.Fitting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Rolling-origin check of prediction intervals: fit once on the first 70% of a series, then from
 * every origin of the last 30% forecast 5 steps with 80% and 95% intervals, and score steps 1 and
 * 5 (coverage, mean width, MSIS as the M4 defines it). Several interval methods are scored on the
 * same fit and the same point forecasts: {@code fixed} (split-conformal on the validation errors,
 * the library before adaptive intervals), {@code scaled-N} (locally weighted split-conformal with
 * an EWMA volatility of half-life N, the library's method with N = 20), and {@code aci-...}
 * (adaptive conformal inference, Gibbs and Candes 2021, learning rate 0.005, run online over the
 * test origins on top of fixed or scaled-20, per step), and {@code library}: what
 * {@code forecastWithIntervals} gives (scaled-20 with the level adapted by replaying adaptive
 * conformal inference over the last 250 one-step forecasts of each origin's history).
 *
 * <pre>
 * nice -n 5 mvn -B -q test-compile exec:java \
 *   -Dexec.mainClass=io.github.seriesforecaster.bench.IntervalBenchmark -Dexec.args="100 test"
 * </pre>
 * Arguments: epochs (default 100), then {@code test} (fit on the first 70%, score the last 30%) or
 * {@code selection} (the same inside the first 70% only: fit on its first 70%, score the rest;
 * for choosing settings without touching the test parts), then optional {@code file:column[:season]}
 * series replacing the bundled ones. Two synthetic series are always added: {@code steady}
 * (constant noise) and {@code doubling} (noise doubles at 85% of the series, inside the scored part).
 */
public final class IntervalBenchmark {
  private static final int STEPS = 5;
  private static final double[] LEVELS = {0.8, 0.95};
  private static final int[] HALF_LIVES = {5, 10, 20, 40};
  private static final double ACI_RATE = 0.005;

  private IntervalBenchmark() {}

  public static void main(String[] args) throws Exception {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    boolean selection = args.length > 1 && args[1].equals("selection");
    List<String> specs = new ArrayList<>(List.of(
        "data/goog_daily_ohlcv.csv:Close", "data/eu_stock_markets.csv:DAX",
        "data/eu_stock_markets.csv:SMI", "data/eu_stock_markets.csv:CAC",
        "data/air_passengers.csv:passengers:12", "data/co2_monthly.csv:co2_ppm:12",
        "data/nottem_monthly.csv:temp_F:12"));
    if (args.length > 2) {
      specs = List.of(Arrays.copyOfRange(args, 2, args.length));
    }
    System.out.printf(Locale.ROOT, "epochs %d, %s part%n", epochs,
        selection ? "selection (first 70% only)" : "test");
    System.out.printf(Locale.ROOT, "%-14s %-13s %4s %6s %9s %6s %9s %8s %9s%n", "series",
        "method", "step", "cov80", "width80", "cov95", "width95", "MSIS95", "w95/fixed");
    for (String spec : specs) {
      String[] parts = spec.split(":");
      int season = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
      double[] series = SeriesForecaster.builder().column(parts[1]).build()
          .readSeries(Path.of(parts[0]));
      run(parts[1], series, season, epochs, selection);
    }
    run("steady", synthetic(1200, false), 0, epochs, selection);
    run("doubling", synthetic(1200, true), 0, epochs, selection);
  }

  /** A sine of period 50 plus AR(1) noise (0.5, unit innovations), noise doubled from 85% on. */
  static double[] synthetic(int length, boolean doubling) {
    Random random = new Random(11);
    double[] values = new double[length];
    double noise = 0;
    for (int t = 0; t < length; t++) {
      double sigma = doubling && t >= length * 0.85 ? 2 : 1;
      noise = 0.5 * noise + sigma * random.nextGaussian();
      values[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 50) + noise;
    }
    return values;
  }

  private static void run(String name, double[] whole, int season, int epochs,
      boolean selection) {
    double[] series = selection
        ? Arrays.copyOf(whole, (int) Math.round(whole.length * 0.7)) : whole;
    int fitEnd = (int) Math.round(series.length * 0.7);
    double[] training = Arrays.copyOf(series, fitEnd);
    ForecasterConfig config = SeriesForecaster.builder().epochs(epochs).season(season).config();
    long start = System.nanoTime();
    FittedModel model = Fitting.fit(config, new SeriesData(name, name, training, fitEnd, 0),
        EpochListener.NONE, start).model();
    double fitSeconds = (System.nanoTime() - start) / 1e9;
    ForecastErrors errors = model.errors();
    int first = fitEnd - (int) Math.round(fitEnd * config.validationFraction());
    int[] origins = ForecastErrors.origins(first, fitEnd);
    double[][] inOrder = new double[errors.steps()][];
    for (int h = 0; h < inOrder.length; h++) {
      inOrder[h] = errors.errorsInOrder(h + 1);
    }
    List<Method> methods = new ArrayList<>();
    methods.add(new Fixed(errors));
    for (int halfLife : HALF_LIVES) {
      methods.add(new Scaled(ScaledErrors.of(inOrder, origins, training,
          new VolatilityScale(halfLife)), series));
    }
    methods.add(new Aci("aci-fixed", new Fixed(errors)));
    methods.add(new Aci("aci-scaled20", new Scaled(ScaledErrors.of(inOrder, origins, training,
        VolatilityScale.standard()), series)));
    methods.add(new Library(model, series));

    int count = series.length - fitEnd;
    double[][] point = new double[count][];
    for (int i = 0; i < count; i++) {
      int origin = fitEnd + i;
      point[i] = model.forecast(Arrays.copyOf(series, origin), STEPS);
    }
    double scale = IntervalScores.scale(training, season);
    System.out.printf(Locale.ROOT, "# %s: %d values, fit on %d in %.1f s, %d origins%n", name,
        series.length, fitEnd, fitSeconds, count);
    double[] fixedWidth95 = new double[STEPS + 1];
    for (Method method : methods) {
      // [level][step][origin]
      double[][][] lower = new double[LEVELS.length][STEPS][count];
      double[][][] upper = new double[LEVELS.length][STEPS][count];
      for (int i = 0; i < count; i++) {
        int origin = fitEnd + i;
        for (int l = 0; l < LEVELS.length; l++) {
          for (int h = 1; h <= STEPS; h++) {
            // outcomes known at this origin: step h from origin - h
            int earlier = i - h;
            if (earlier >= 0) {
              double y = series[fitEnd + earlier + h - 1];
              method.observe(l, h, y < lower[l][h - 1][earlier] || y > upper[l][h - 1][earlier]);
            }
            double half = method.halfWidth(l, h, origin);
            lower[l][h - 1][i] = point[i][h - 1] - half;
            upper[l][h - 1][i] = point[i][h - 1] + half;
          }
        }
      }
      for (int h : new int[] {1, STEPS}) {
        int scored = count - h + 1;
        double[] actual = Arrays.copyOfRange(series, fitEnd + h - 1, fitEnd + h - 1 + scored);
        IntervalMetrics[] metrics = new IntervalMetrics[LEVELS.length];
        for (int l = 0; l < LEVELS.length; l++) {
          metrics[l] = IntervalScores.of(LEVELS[l], actual,
              Arrays.copyOf(lower[l][h - 1], scored), Arrays.copyOf(upper[l][h - 1], scored),
              scale);
        }
        if (method instanceof Fixed) {
          fixedWidth95[h] = metrics[1].meanWidth();
        }
        System.out.printf(Locale.ROOT, "%-14s %-13s %4d %6.3f %9.4g %6.3f %9.4g %8.3f %9.3f%n",
            name, method.name, h, metrics[0].coverage(), metrics[0].meanWidth(),
            metrics[1].coverage(), metrics[1].meanWidth(), metrics[1].msis(),
            metrics[1].meanWidth() / fixedWidth95[h]);
      }
    }
    for (Method method : methods) {
      if (method instanceof Library library) {
        System.out.printf(Locale.ROOT, "# %s: library half-widths %.2f ms per forecast "
            + "(5 steps, 2 levels, mean of %d)%n", name, library.nanos / 1e6 / library.calls,
            library.calls);
      }
    }
    model.network().close();
  }

  private abstract static class Method {
    final String name;

    Method(String name) {
      this.name = name;
    }

    /**
     * @return the half-width for level index {@code l}, step {@code h} from {@code origin}; by
     *     default the half-width at that fixed level
     */
    double halfWidth(int l, int h, int origin) {
      return halfWidthAt(LEVELS[l], h, origin);
    }

    /** Any level for level index {@code l} (ACI moves it). */
    abstract double halfWidthAt(double level, int h, int origin);

    void observe(int l, int h, boolean missed) {}
  }

  private static final class Fixed extends Method {
    private final ForecastErrors errors;

    Fixed(ForecastErrors errors) {
      super("fixed");
      this.errors = errors;
    }

    @Override
    double halfWidthAt(double level, int h, int origin) {
      return errors.halfWidth(level, h);
    }
  }

  private static final class Scaled extends Method {
    private final ScaledErrors scaled;
    private final double[] series;

    Scaled(ScaledErrors scaled, double[] series) {
      super("scaled-" + scaled.volatility().halfLife());
      this.scaled = scaled;
      this.series = series;
    }

    @Override
    double halfWidthAt(double level, int h, int origin) {
      return scaled.halfWidth(level, h, scaled.scaleAt(series, origin));
    }
  }

  /** What forecastWithIntervals gives: scaled-20 with the level replayed on the history. */
  private static final class Library extends Method {
    private final FittedModel model;
    private final double[] series;
    private int cachedOrigin = -1;
    private double[][] cached;
    private long nanos;
    private int calls;

    Library(FittedModel model, double[] series) {
      super("library");
      this.model = model;
      this.series = series;
    }

    @Override
    double halfWidth(int l, int h, int origin) {
      if (origin != cachedOrigin) {
        long start = System.nanoTime();
        cached = IntervalCalibration.halfWidths(model,
            new double[][] {Arrays.copyOf(series, origin)}, STEPS, LEVELS);
        nanos += System.nanoTime() - start;
        calls++;
        cachedOrigin = origin;
      }
      return cached[l][h - 1];
    }

    @Override
    double halfWidthAt(double level, int h, int origin) {
      throw new UnsupportedOperationException("the library adapts its own level");
    }
  }

  /** Gibbs and Candes' update: alpha += rate (target alpha - miss), per level and step. */
  private static final class Aci extends Method {
    private final Method base;
    private final double[][] alpha = new double[LEVELS.length][STEPS + 1];

    Aci(String name, Method base) {
      super(name);
      this.base = base;
      for (int l = 0; l < LEVELS.length; l++) {
        Arrays.fill(alpha[l], 1 - LEVELS[l]);
      }
    }

    @Override
    double halfWidth(int l, int h, int origin) {
      return halfWidthAt(1 - alpha[l][h], h, origin);
    }

    @Override
    double halfWidthAt(double level, int h, int origin) {
      // a level at or above 1 takes the largest score, at or below 0 the smallest
      return base.halfWidthAt(level, h, origin);
    }

    @Override
    void observe(int l, int h, boolean missed) {
      alpha[l][h] += ACI_RATE * ((1 - LEVELS[l]) - (missed ? 1 : 0));
    }
  }
}
