package io.github.seriesforecaster.internal.model;

import io.github.seriesforecaster.internal.intervals.ScaledErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Absolute errors of recursive forecasts on the validation part, per horizon step, from which
 * split-conformal prediction intervals are read: the interval for level {@code p} at step {@code h}
 * is the point forecast plus or minus the {@code ceil((n + 1) p)}-th smallest of the {@code n}
 * step-{@code h} errors. Beyond the last step with errors, the last step's half-width grows with
 * the square root of the step (the random-walk rule), an assumption the docs state.
 */
public final class ForecastErrors {
  /** Most horizon steps measured on the validation part. */
  public static final int MAXIMUM_STEPS = 24;
  /** Most validation origins used; more are thinned evenly to bound fit time on long series. */
  static final int MAXIMUM_ORIGINS = 250;

  private final double[][] sortedByStep;
  private final double[][] inOrderByStep;
  private final ScaledErrors scaled;

  /** @param errorsByStep absolute errors for steps 1, 2, ...; each non-empty */
  public ForecastErrors(double[][] errorsByStep) {
    sortedByStep = new double[errorsByStep.length][];
    inOrderByStep = new double[errorsByStep.length][];
    for (int h = 0; h < errorsByStep.length; h++) {
      if (errorsByStep[h].length == 0) {
        throw new IllegalArgumentException("step " + (h + 1) + " has no errors");
      }
      // float precision is plenty for interval widths and halves the model file's error table
      sortedByStep[h] = new double[errorsByStep[h].length];
      for (int i = 0; i < errorsByStep[h].length; i++) {
        sortedByStep[h][i] = (float) errorsByStep[h][i];
      }
      inOrderByStep[h] = sortedByStep[h].clone();
      Arrays.sort(sortedByStep[h]);
    }
    if (sortedByStep.length == 0) {
      throw new IllegalArgumentException("no forecast errors");
    }
    scaled = null;
  }

  private ForecastErrors(ForecastErrors errors, ScaledErrors scaled) {
    this.sortedByStep = errors.sortedByStep;
    this.inOrderByStep = errors.inOrderByStep;
    this.scaled = scaled;
  }

  /**
   * @param scores the same errors divided by the volatility at their origins, or {@code null}
   * @return these errors with volatility-scaled scores for adaptive intervals
   */
  public ForecastErrors withScaled(ScaledErrors scores) {
    return new ForecastErrors(this, scores);
  }

  /** @return the volatility-scaled scores, or {@code null} (models saved before they existed) */
  public ScaledErrors scaled() {
    return scaled;
  }

  /**
   * The validation origins {@link #measure} forecasts from, in order: every index from
   * {@code first}, thinned evenly to at most {@link #MAXIMUM_ORIGINS}. The errors of step
   * {@code h} belong to the first {@code errorsInOrder(h).length} of them.
   *
   * @param first index of the first validation value
   * @param length the series length
   * @return indices of the first value forecast from each origin
   */
  public static int[] origins(int first, int length) {
    int origins = length - first;
    double spacing = Math.max(1.0, (double) origins / MAXIMUM_ORIGINS);
    List<Integer> result = new ArrayList<>();
    for (double position = 0; position < origins; position += spacing) {
      result.add(first + (int) position);
    }
    return result.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Measures recursive forecast errors from validation origins.
   *
   * @param model the fitted model
   * @param inputs the whole input columns, the target first
   * @param first index of the first validation value
   * @return the errors, or {@code null} when the validation part is too short (under 2 values)
   */
  public static ForecastErrors measure(MultiStepForecaster model, double[][] inputs, int first) {
    return measure(model, inputs, first, Way.BATCHED);
  }

  /** The ways of computing the forecasts: the default, and two that tests compare. */
  enum Way {
    /** {@link MultiStepForecaster#forecastFromOrigins}: batched, plain Java for small networks. */
    BATCHED,
    /** Batched network calls whatever the network's size. */
    NETWORK,
    /** One origin and one window at a time, as before batching. */
    ONE_BY_ONE
  }

  static ForecastErrors measure(MultiStepForecaster model, double[][] inputs, int first, Way way) {
    double[] series = inputs[0];
    int validation = series.length - first;
    int steps = Math.min(Math.min(MAXIMUM_STEPS, model.maximumSteps()), validation / 2);
    if (steps < 1) {
      return null;
    }
    List<List<Double>> errors = new ArrayList<>();
    for (int h = 0; h < steps; h++) {
      errors.add(new ArrayList<>());
    }
    int[] origins = origins(first, series.length);
    int[] horizons = new int[origins.length];
    for (int o = 0; o < origins.length; o++) {
      horizons[o] = Math.min(steps, series.length - origins[o]);
    }
    double[][] forecasts = forecasts(model, inputs, origins, horizons, way);
    for (int o = 0; o < forecasts.length; o++) {
      for (int h = 0; h < forecasts[o].length; h++) {
        errors.get(h).add(Math.abs(series[origins[o] + h] - forecasts[o][h]));
      }
    }
    double[][] byStep = new double[steps][];
    for (int h = 0; h < steps; h++) {
      byStep[h] = errors.get(h).stream().mapToDouble(Double::doubleValue).toArray();
    }
    return new ForecastErrors(byStep);
  }

  private static double[][] forecasts(
      MultiStepForecaster model, double[][] inputs, int[] origins, int[] steps, Way way) {
    if (way != Way.ONE_BY_ONE) {
      return model.forecastFromOrigins(inputs, origins, steps, way == Way.NETWORK);
    }
    // the default forecastEach: one origin and one window at a time
    MultiStepForecaster oneByOne = new MultiStepForecaster() {
      @Override
      public int minimumHistory() {
        return model.minimumHistory();
      }

      @Override
      public int maximumSteps() {
        return model.maximumSteps();
      }

      @Override
      public double[] forecastInputs(double[][] history, int count) {
        return model.forecastInputs(history, count);
      }
    };
    return oneByOne.forecastFromOrigins(inputs, origins, steps, false);
  }

  /** @return the steps with measured errors */
  public int steps() {
    return sortedByStep.length;
  }

  /**
   * @return a copy of the errors of step {@code step} (from 1) in the order they were given: origin
   *     order for measured errors, sorted for errors read from a model file
   */
  public double[] errorsInOrder(int step) {
    return inOrderByStep[step - 1].clone();
  }

  /** @return a copy of the sorted errors of step {@code step} (from 1) */
  public double[] errors(int step) {
    return sortedByStep[step - 1].clone();
  }

  /**
   * @param level coverage, strictly between 0 and 1
   * @param step horizon step, from 1
   * @return the half-width of the interval
   */
  public double halfWidth(double level, int step) {
    int measured = Math.min(step, sortedByStep.length);
    double width = quantile(sortedByStep[measured - 1], level);
    return step <= measured ? width : width * Math.sqrt((double) step / measured);
  }

  /** The split-conformal quantile: the ceil((n + 1) level)-th smallest, the largest if beyond n. */
  static double quantile(double[] sorted, double level) {
    int n = sorted.length;
    int rank = (int) Math.ceil((n + 1) * level);
    return sorted[Math.min(n, Math.max(1, rank)) - 1];
  }

  /**
   * Coverage check without reusing data: half-widths from the first half of the step-1 errors,
   * coverage measured on the second half.
   *
   * @param level coverage level
   * @return the share of second-half one-step errors within the first half's interval, or NaN
   */
  public static double holdOutCoverage(double[] oneStepErrorsInOrder, double level) {
    int half = oneStepErrorsInOrder.length / 2;
    if (half < 2) {
      return Double.NaN;
    }
    double[] calibration = Arrays.copyOf(oneStepErrorsInOrder, half);
    Arrays.sort(calibration);
    double width = quantile(calibration, level);
    int covered = 0;
    for (int i = half; i < oneStepErrorsInOrder.length; i++) {
      if (oneStepErrorsInOrder[i] <= width) {
        covered++;
      }
    }
    return (double) covered / (oneStepErrorsInOrder.length - half);
  }
}
