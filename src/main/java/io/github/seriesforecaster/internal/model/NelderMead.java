package io.github.seriesforecaster.internal.model;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * The Nelder-Mead simplex minimiser (standard coefficients: reflection 1, expansion 2,
 * contraction 0.5, shrink 0.5), deterministic: the starting simplex steps 1 along each axis and
 * ties keep the earlier vertex.
 */
final class NelderMead {
  private static final double TOLERANCE = 1e-10;

  private NelderMead() {}

  /**
   * Minimises from each starting vertex in turn and keeps the best result: fits with several
   * local minima (smoothing and moving-average parameters) are less likely to end in a poor one.
   *
   * @param function what to minimise
   * @param starts the first vertices, tried in order
   * @param iterations the most simplex steps per start
   * @return the vertex found with the lowest value; the earlier on ties, and the first start's
   *     when no value is finite (values that overflow everywhere still give a model)
   */
  static double[] minimiseFrom(ToDoubleFunction<double[]> function, double[][] starts,
      int iterations) {
    double[] best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (double[] start : starts) {
      double[] found = minimise(function, start, iterations);
      double value = function.applyAsDouble(found);
      if (best == null || value < bestValue) {
        best = found;
        bestValue = value;
      }
    }
    return best;
  }

  /**
   * @param function what to minimise; non-finite values count as +infinity
   * @param start the first vertex
   * @param iterations the most simplex steps
   * @return the best vertex found
   */
  static double[] minimise(ToDoubleFunction<double[]> function, double[] start, int iterations) {
    int n = start.length;
    double[][] simplex = new double[n + 1][];
    double[] values = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      simplex[i] = start.clone();
      if (i > 0) {
        simplex[i][i - 1] += 1;
      }
      values[i] = value(function, simplex[i]);
    }
    for (int iteration = 0; iteration < iterations; iteration++) {
      sort(simplex, values);
      if (Math.abs(values[n] - values[0]) <= TOLERANCE * (Math.abs(values[0]) + TOLERANCE)) {
        break;
      }
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) {
        for (int d = 0; d < n; d++) {
          centroid[d] += simplex[i][d] / n;
        }
      }
      double[] reflected = along(centroid, simplex[n], -1);
      double reflectedValue = value(function, reflected);
      if (reflectedValue < values[0]) {
        double[] expanded = along(centroid, simplex[n], -2);
        double expandedValue = value(function, expanded);
        if (expandedValue < reflectedValue) {
          simplex[n] = expanded;
          values[n] = expandedValue;
        } else {
          simplex[n] = reflected;
          values[n] = reflectedValue;
        }
      } else if (reflectedValue < values[n - 1]) {
        simplex[n] = reflected;
        values[n] = reflectedValue;
      } else {
        boolean outside = reflectedValue < values[n];
        double[] contracted = along(centroid, outside ? reflected : simplex[n], 0.5);
        double contractedValue = value(function, contracted);
        if (contractedValue < Math.min(reflectedValue, values[n])) {
          simplex[n] = contracted;
          values[n] = contractedValue;
        } else {
          for (int i = 1; i <= n; i++) {
            simplex[i] = along(simplex[0], simplex[i], 0.5);
            values[i] = value(function, simplex[i]);
          }
        }
      }
    }
    sort(simplex, values);
    return simplex[0];
  }

  /** @return {@code from + factor * (to - from)} */
  private static double[] along(double[] from, double[] to, double factor) {
    double[] point = new double[from.length];
    for (int d = 0; d < from.length; d++) {
      point[d] = from[d] + factor * (to[d] - from[d]);
    }
    return point;
  }

  private static double value(ToDoubleFunction<double[]> function, double[] point) {
    double value = function.applyAsDouble(point);
    return Double.isFinite(value) ? value : Double.POSITIVE_INFINITY;
  }

  /** Stable insertion sort of the vertices by value. */
  private static void sort(double[][] simplex, double[] values) {
    for (int i = 1; i < values.length; i++) {
      double value = values[i];
      double[] vertex = simplex[i];
      int j = i - 1;
      while (j >= 0 && values[j] > value) {
        values[j + 1] = values[j];
        simplex[j + 1] = simplex[j];
        j--;
      }
      values[j + 1] = value;
      simplex[j + 1] = vertex;
    }
    assert Arrays.stream(values).noneMatch(Double::isNaN);
  }
}
