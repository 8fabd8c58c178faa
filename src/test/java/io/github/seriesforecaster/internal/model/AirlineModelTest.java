package io.github.seriesforecaster.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AirlineModelTest {
  private static final int SEASON = 12;

  /** A simulated airline process: both differences of y are an MA(1) x seasonal MA(1). */
  private static double[] airline(int length, double theta, double seasonalTheta, long seed) {
    Random random = new Random(seed);
    int burn = 200;
    double[] e = new double[length + burn];
    double[] y = new double[length + burn];
    for (int t = 0; t < e.length; t++) {
      e[t] = random.nextGaussian();
      double w = e[t] + (t >= 1 ? theta * e[t - 1] : 0)
          + (t >= SEASON ? seasonalTheta * e[t - SEASON] : 0)
          + (t >= SEASON + 1 ? theta * seasonalTheta * e[t - SEASON - 1] : 0);
      y[t] = w + (t >= 1 ? y[t - 1] : 0) + (t >= SEASON ? y[t - SEASON] : 0)
          - (t >= SEASON + 1 ? y[t - SEASON - 1] : 0);
    }
    return Arrays.copyOfRange(y, burn, y.length);
  }

  @Test
  void fit_recoversTheCoefficientsOfASimulatedAirlineProcess() {
    AirlineModel model = AirlineModel.fit(airline(600, -0.4, -0.6, 3), SEASON);
    assertThat(model.theta()).isCloseTo(-0.4, within(0.1));
    assertThat(model.seasonalTheta()).isCloseTo(-0.6, within(0.1));
  }

  @Test
  void kernel_givesTheSameForecastAsTheRecursion() {
    AirlineModel model = new AirlineModel(SEASON, -0.35, -0.7);
    int length = 60;
    double[] kernel = model.seasonalDifferenceKernel(length);
    assertThat(kernel).hasSize(length - SEASON);
    Random random = new Random(5);
    for (int trial = 0; trial < 5; trial++) {
      double[] history = new double[length];
      for (int t = 0; t < length; t++) {
        history[t] = 50 + 10 * Math.sin(2 * Math.PI * t / SEASON) + 3 * random.nextGaussian();
      }
      double viaKernel = history[length - SEASON];
      for (int j = 0; j < kernel.length; j++) {
        viaKernel += kernel[j] * (history[SEASON + j] - history[j]);
      }
      assertThat(viaKernel).isCloseTo(model.forecast(history), within(1e-9));
    }
  }

  @Test
  void forecast_ofAnExactlyRepeatingSeasonPlusLineContinuesIt() {
    double[] history = new double[48];
    for (int t = 0; t < history.length; t++) {
      history[t] = 2 * t + (t % SEASON == 3 ? 20 : 0);
    }
    double expected = 2 * 48 + (48 % SEASON == 3 ? 20 : 0);
    assertThat(new AirlineModel(SEASON, -0.5, -0.5).forecast(history))
        .isCloseTo(expected, within(1e-9));
  }

  @Test
  void fit_isDeterministicAndKeepsTheCoefficientsInvertible() {
    double[] series = airline(90, 0.8, -0.95, 11);
    AirlineModel first = AirlineModel.fit(series, SEASON);
    AirlineModel second = AirlineModel.fit(series, SEASON);
    assertThat(second.describe()).isEqualTo(first.describe());
    assertThat(Math.abs(first.theta())).isLessThan(AirlineModel.BOUND + 1e-12);
    assertThat(Math.abs(first.seasonalTheta())).isLessThan(AirlineModel.BOUND + 1e-12);
  }

  @Test
  void fit_ofTooFewValuesSaysHowManyItNeeds() {
    assertThatThrownBy(() -> AirlineModel.fit(new double[24], SEASON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs at least 25 values, got 24");
  }
}
