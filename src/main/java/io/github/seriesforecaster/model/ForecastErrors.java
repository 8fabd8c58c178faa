package io.github.seriesforecaster.model;

import io.github.seriesforecaster.ForecastIntervals;
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

  /** @param errorsByStep absolute errors for steps 1, 2, ...; each non-empty */
  public ForecastErrors(double[][] errorsByStep) {
    sortedByStep = new double[errorsByStep.length][];
    for (int h = 0; h < errorsByStep.length; h++) {
      if (errorsByStep[h].length == 0) {
        throw new IllegalArgumentException("step " + (h + 1) + " has no errors");
      }
      // float precision is plenty for interval widths and halves the model file's error table
      sortedByStep[h] = new double[errorsByStep[h].length];
      for (int i = 0; i < errorsByStep[h].length; i++) {
        sortedByStep[h][i] = (float) errorsByStep[h][i];
      }
      Arrays.sort(sortedByStep[h]);
    }
    if (sortedByStep.length == 0) {
      throw new IllegalArgumentException("no forecast errors");
    }
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
    int origins = validation;
    double spacing = Math.max(1.0, (double) origins / MAXIMUM_ORIGINS);
    for (double position = 0; position < origins; position += spacing) {
      int origin = first + (int) position;
      int horizon = Math.min(steps, series.length - origin);
      // a forecast reads only the last minimumHistory rows; copying just those keeps this linear
      int from = Math.max(0, origin - model.minimumHistory());
      double[][] history = new double[inputs.length][];
      for (int c = 0; c < inputs.length; c++) {
        history[c] = Arrays.copyOfRange(inputs[c], from, origin);
      }
      double[] forecast = model.forecastInputs(history, horizon);
      for (int h = 0; h < horizon; h++) {
        errors.get(h).add(Math.abs(series[origin + h] - forecast[h]));
      }
    }
    double[][] byStep = new double[steps][];
    for (int h = 0; h < steps; h++) {
      byStep[h] = errors.get(h).stream().mapToDouble(Double::doubleValue).toArray();
    }
    return new ForecastErrors(byStep);
  }

  /** @return the steps with measured errors */
  public int steps() {
    return sortedByStep.length;
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

  /**
   * Adds this table's interval bounds to point forecasts.
   *
   * @param point point forecasts for steps 1, 2, ...
   * @param levels coverage levels, each strictly between 0 and 1
   * @return the point forecasts with lower and upper bounds per level
   */
  public ForecastIntervals intervals(double[] point, double[] levels) {
    double[][] lower = new double[levels.length][point.length];
    double[][] upper = new double[levels.length][point.length];
    for (int l = 0; l < levels.length; l++) {
      for (int h = 0; h < point.length; h++) {
        double half = halfWidth(levels[l], h + 1);
        lower[l][h] = point[h] - half;
        upper[l][h] = point[h] + half;
      }
    }
    return new ForecastIntervals(point, levels, lower, upper);
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
