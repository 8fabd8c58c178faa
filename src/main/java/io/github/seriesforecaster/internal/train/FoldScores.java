package io.github.seriesforecaster.internal.train;

import io.github.seriesforecaster.internal.data.WindowEncoder;
import io.github.seriesforecaster.internal.model.FittedModel;
import io.github.seriesforecaster.internal.train.CandidateChoice.OnFold;
import io.github.seriesforecaster.internal.train.RollingOrigin.Fold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link CandidateChoice} computes from candidates fitted on the folds: their pooled
 * shrinkage factor, their squared errors one or more steps ahead over the fold blocks, and the
 * naive forecasts of those blocks.
 */
final class FoldScores {
  /** Most forecast origins per fold scored when the choice is made for more than one step. */
  static final int MAXIMUM_ORIGINS = 100;

  private FoldScores() {}

  /** The least-squares shrinkage of the one-step outputs of every fold, pooled. */
  static double pooledShrinkage(List<OnFold> onFolds, List<Fold> folds, double[] series) {
    // one common unit (the last fold's training range) for every fold's transformed values
    double range = onFolds.get(onFolds.size() - 1).model().encoder().scaler().range();
    List<double[]> predicted = new ArrayList<>();
    List<double[]> actual = new ArrayList<>();
    for (int f = 0; f < folds.size(); f++) {
      WindowEncoder encoder = onFolds.get(f).model().encoder();
      double[] outputs = onFolds.get(f).outputs();
      double[] p = new double[outputs.length];
      double[] a = new double[outputs.length];
      for (int i = 0; i < outputs.length; i++) {
        p[i] = encoder.transformedOutput(outputs[i]) / range;
        a[i] = encoder.codec().forward(series, folds.get(f).origin() + i) / range;
      }
      predicted.add(p);
      actual.add(a);
    }
    return Fitting.shrinkage(concat(predicted), concat(actual));
  }

  /** @return per fold the one-step forecasts of its block, each from the true values before it */
  static List<double[]> oneStepForecasts(List<FittedModel> models, List<OnFold> onFolds,
      List<Fold> folds, double[] series) {
    List<double[]> forecasts = new ArrayList<>();
    for (int f = 0; f < folds.size(); f++) {
      Fold fold = folds.get(f);
      forecasts.add(models.get(f).decodeOneStep(Arrays.copyOf(series, fold.end()), fold.origin(),
          onFolds.get(f).outputs()));
    }
    return forecasts;
  }

  /** @return the squared errors of the one-step forecasts of every fold block, in order */
  static double[] oneStepSquaredErrors(List<FittedModel> models, List<OnFold> onFolds,
      List<Fold> folds, double[] series) {
    List<Double> squares = new ArrayList<>();
    List<double[]> forecasts = oneStepForecasts(models, onFolds, folds, series);
    for (int f = 0; f < folds.size(); f++) {
      double[] forecast = forecasts.get(f);
      for (int i = 0; i < forecast.length; i++) {
        double error = series[folds.get(f).origin() + i] - forecast[i];
        squares.add(error * error);
      }
    }
    return squares.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Squared errors of every forecast 1 to {@code steps} steps ahead from origins in each fold's
   * block whose target is inside the block (at most {@link #MAXIMUM_ORIGINS} origins per fold,
   * evenly spaced), in order; the origins of a fold forecast together
   * ({@link FittedModel#forecastFromOrigins}).
   */
  static double[] multiStepSquaredErrors(List<FittedModel> models, List<Fold> folds,
      double[][] inputs, int steps) {
    double[] series = inputs[0];
    List<Double> squares = new ArrayList<>();
    for (int f = 0; f < folds.size(); f++) {
      Fold fold = folds.get(f);
      FittedModel model = models.get(f);
      int maximum = Math.min(steps, model.maximumSteps());
      double spacing = Math.max(1.0, (double) fold.size() / MAXIMUM_ORIGINS);
      List<Integer> origins = new ArrayList<>();
      for (double position = 0; position < fold.size(); position += spacing) {
        origins.add(fold.origin() + (int) position);
      }
      int[] at = origins.stream().mapToInt(Integer::intValue).toArray();
      int[] aheads = new int[at.length];
      for (int o = 0; o < at.length; o++) {
        aheads[o] = Math.min(maximum, fold.end() - at[o]);
      }
      double[][] forecasts = model.forecastFromOrigins(inputs, at, aheads, false);
      for (int o = 0; o < at.length; o++) {
        for (int h = 0; h < aheads[o]; h++) {
          double error = series[at[o] + h] - forecasts[o][h];
          squares.add(error * error);
        }
      }
    }
    return squares.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The naive forecast at lag {@code lag} of every fold block's values, in order. */
  static double[] shifted(double[] series, List<Fold> folds, int lag) {
    List<double[]> parts = new ArrayList<>();
    for (Fold fold : folds) {
      parts.add(Arrays.copyOfRange(series, fold.origin() - lag, fold.end() - lag));
    }
    return concat(parts);
  }

  static double[] concat(List<double[]> parts) {
    int size = parts.stream().mapToInt(part -> part.length).sum();
    double[] all = new double[size];
    int at = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
