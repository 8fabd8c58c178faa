package io.github.seriesforecaster.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TargetTransform;
import io.github.seriesforecaster.TestSeries;
import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.train.Fitting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calibration errors measured from all origins at once equal those measured one window at a time. */
class ForecastErrorsBatchTest {
  private static final double[] SERIES = TestSeries.sine(90);

  @Test
  void measure_recursiveForecastsBatchedEqualOneByOne() {
    assertBatchedEqualsOneByOne(TestSeries.tinyBuilder().shrink(false), SERIES, new double[0][]);
  }

  @Test
  void measure_levelsBatchedEqualOneByOne() {
    assertBatchedEqualsOneByOne(
        TestSeries.tinyBuilder().shrink(false).transform(TargetTransform.LEVELS), SERIES,
        new double[0][]);
  }

  @Test
  void measure_directHorizonBatchedEqualsOneByOne() {
    assertBatchedEqualsOneByOne(TestSeries.tinyBuilder().shrink(false).horizon(3), SERIES,
        new double[0][]);
  }

  @Test
  void measure_withFeatureBatchedEqualsOneByOne() {
    double[] feature = new double[SERIES.length];
    for (int i = 0; i < feature.length; i++) {
      feature[i] = Math.cos(i / 5.0) + 2;
    }
    assertBatchedEqualsOneByOne(TestSeries.tinyBuilder().shrink(false).horizon(2), SERIES,
        new double[][] {feature});
  }

  @Test
  void forecastEach_equalsForecastInputsPerHistory() {
    Fitting.Result fit = fit(TestSeries.tinyBuilder().shrink(false), SERIES, new double[0][]);
    FittedModel model = fit.model();
    double[][][] histories = {
        {java.util.Arrays.copyOf(SERIES, 40)}, {java.util.Arrays.copyOf(SERIES, 61)},
        {java.util.Arrays.copyOf(SERIES, 12)}};
    int[] steps = {5, 0, 9};
    double[][] batched = model.forecastEach(histories, steps, true);
    for (int i = 0; i < histories.length; i++) {
      double[] one = model.forecastInputs(histories[i], steps[i]);
      assertThat(batched[i]).hasSize(steps[i]);
      for (int h = 0; h < steps[i]; h++) {
        assertThat(batched[i][h]).isCloseTo(one[h],
            org.assertj.core.api.Assertions.within(1e-5 * Math.abs(one[h])));
      }
    }
  }

  private static Fitting.Result fit(
      SeriesForecaster.Builder builder, double[] series, double[][] features) {
    List<String> names = features.length == 0 ? List.of() : List.of("feature");
    SeriesData data = new SeriesData("test", "value", series, series.length, 0, null, names,
        features);
    if (features.length > 0) {
      builder.features("feature");
    }
    return Fitting.fit(builder.config(), data, EpochListener.NONE, System.nanoTime());
  }

  private static void assertBatchedEqualsOneByOne(
      SeriesForecaster.Builder builder, double[] series, double[][] features) {
    Fitting.Result fit = fit(builder, series, features);
    double[][] inputs = new double[1 + features.length][];
    inputs[0] = series;
    System.arraycopy(features, 0, inputs, 1, features.length);
    int first = series.length - fit.report().validationWindows();
    ForecastErrors oneByOne =
        ForecastErrors.measure(fit.model(), inputs, first, ForecastErrors.Way.ONE_BY_ONE);
    for (ForecastErrors.Way way : new ForecastErrors.Way[] {
        ForecastErrors.Way.BATCHED, ForecastErrors.Way.NETWORK}) {
      assertSameErrors(ForecastErrors.measure(fit.model(), inputs, first, way), oneByOne, series);
    }
  }

  private static void assertSameErrors(
      ForecastErrors batched, ForecastErrors oneByOne, double[] series) {
    assertThat(batched.steps()).isEqualTo(oneByOne.steps()).isGreaterThan(1);
    double scale = 0;
    for (double value : series) {
      scale = Math.max(scale, Math.abs(value));
    }
    boolean anyNonZero = false;
    for (int step = 1; step <= batched.steps(); step++) {
      double[] expected = oneByOne.errors(step);
      double[] actual = batched.errors(step);
      assertThat(actual).hasSameSizeAs(expected);
      for (int i = 0; i < expected.length; i++) {
        // float rounding of the network, fed back through up to steps() recursive forecasts
        assertThat(Math.abs(actual[i] - expected[i])).as("step %d error %d", step, i)
            .isLessThan(1e-5 * scale);
        anyNonZero |= expected[i] > 0;
      }
    }
    assertThat(anyNonZero).isTrue();
  }
}
