package io.github.seriesforecaster.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class HoltWintersTest {
  private static final int SEASON = 12;

  private static double[] seasonalWithTrend(int length, double noise, long seed) {
    Random random = new Random(seed);
    double[] series = new double[length];
    for (int t = 0; t < length; t++) {
      series[t] = 100 + 0.5 * t + 10 * Math.sin(2 * Math.PI * t / SEASON)
          + 3 * Math.cos(4 * Math.PI * t / SEASON) + noise * random.nextGaussian();
    }
    return series;
  }

  @Test
  void fit_forecastsANoiselessLinearTrendWithSeasonNearExactly() {
    double[] all = seasonalWithTrend(120, 0, 1);
    double[] train = java.util.Arrays.copyOf(all, 96);
    HoltWinters model = HoltWinters.fit(train, SEASON);
    double[] forecast = model.forecast(train, 24);
    for (int h = 0; h < 24; h++) {
      assertThat(forecast[h]).isCloseTo(all[96 + h], within(1e-6));
    }
    assertThat(model.sse(train)).isLessThan(1e-12);
  }

  @Test
  void fit_keepsParametersInsideTheirBounds() {
    for (long seed = 1; seed <= 3; seed++) {
      HoltWinters model = HoltWinters.fit(seasonalWithTrend(80, 5, seed), SEASON);
      assertThat(model.alpha()).isStrictlyBetween(0.0, 1.0);
      assertThat(model.gamma()).isBetween(0.0, 1 - model.alpha());
      if (model.trend()) {
        assertThat(model.beta()).isBetween(0.0, model.alpha());
        assertThat(model.phi()).isBetween(HoltWinters.PHI_LOWER, 1.0);
        assertThat(model.phi() == 1 || model.phi() <= HoltWinters.PHI_UPPER).isTrue();
      }
    }
  }

  @Test
  void fit_isDeterministicAndBeatsTheStartingPoint() {
    double[] series = seasonalWithTrend(100, 4, 7);
    HoltWinters first = HoltWinters.fit(series, SEASON);
    HoltWinters second = HoltWinters.fit(series, SEASON);
    assertThat(second.describe()).isEqualTo(first.describe());
    assertThat(second.forecast(series, 5)).containsExactly(first.forecast(series, 5));
    double start = new HoltWinters(SEASON, true, 0.5, 0.05, 0.05, 0.9).sse(series);
    assertThat(first.sse(series)).isLessThan(start);
  }

  @Test
  void fit_prefersADampedTrendOnADampedSeries() {
    Random random = new Random(4);
    double[] series = new double[150];
    double slope = 3;
    double level = 50;
    for (int t = 0; t < series.length; t++) {
      slope *= 0.9;
      level += slope;
      series[t] = level + 8 * Math.sin(2 * Math.PI * t / SEASON) + 0.3 * random.nextGaussian();
    }
    HoltWinters model = HoltWinters.fit(series, SEASON);
    // the trend is gone after the first seasons: a model without (or with a damped) trend
    assertThat(model.trend() && model.phi() == 1).isFalse();
  }

  @Test
  void seasonalDifferenceKernel_givesTheForecastFromSeasonalDifferences() {
    HoltWinters model = new HoltWinters(SEASON, true, 0.3, 0.05, 0.2, 0.9);
    int length = 50;
    double[] kernel = model.seasonalDifferenceKernel(length);
    assertThat(kernel).hasSize(length - SEASON);
    Random random = new Random(3);
    for (int trial = 0; trial < 3; trial++) {
      double[] history = new double[length];
      for (int t = 0; t < length; t++) {
        history[t] = 20 * random.nextGaussian() + t;
      }
      double sum = 0;
      for (int j = 0; j < kernel.length; j++) {
        sum += kernel[j] * (history[SEASON + j] - history[j]);
      }
      assertThat(history[length - SEASON] + sum)
          .isCloseTo(model.forecast(history, 1)[0], within(1e-9));
    }
  }

  @Test
  void linearWindowNetwork_outputsTheWeightedSumAtTheLastStep() {
    double[] weights = {0.5, -1, 2, 0.25, 3};
    MultiLayerNetwork network = LinearWindowNetwork.create(weights, 0.7);
    float[] input = {1, 2, -3, 4, 0.5f};
    double output = network.output(Nd4j.create(input, new long[] {1, 1, 5}, 'c'))
        .getDouble(0, 0, 4);
    double expected = 0.7;
    for (int k = 0; k < weights.length; k++) {
      expected += weights[k] * input[k];
    }
    assertThat(output).isCloseTo(expected, within(1e-5));
    assertThat(LstmInference.of(network)).isEmpty();
  }

  @Test
  void fit_ofValuesWhoseSquaredErrorsOverflowStillGivesAModel() {
    // squared errors near 1e400 are infinite for every parameter: no fit is better than another
    double[] huge = new double[100];
    for (int t = 0; t < huge.length; t++) {
      huge[t] = 1e200 * (1 + 0.1 * Math.sin(2 * Math.PI * t / SEASON));
    }
    HoltWinters model = HoltWinters.fit(huge, SEASON);
    assertThat(model.seasonalDifferenceKernel(60)).hasSize(60 - SEASON);
  }
}
