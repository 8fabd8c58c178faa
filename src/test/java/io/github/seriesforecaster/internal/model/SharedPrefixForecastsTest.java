package io.github.seriesforecaster.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TestSeries;
import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.train.Fitting;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Forecasts from origins with the shared true-value prefixes (chain states, then only the forecast
 * positions per window) equal the window-by-window forecasts of each origin.
 */
class SharedPrefixForecastsTest {
  private static final double[] SERIES = TestSeries.sine(120);

  @Test
  void forecastFromOrigins_recursiveEqualsOneWindowAtATime() {
    assertEqualsOneByOne(builder(), new int[] {60, 61, 62, 63, 70, 90, 110},
        new int[] {9, 1, 0, 7, 3, 12, 10});
  }

  @Test
  void forecastFromOrigins_directHorizonEqualsOneWindowAtATime() {
    assertEqualsOneByOne(builder().horizon(2), new int[] {60, 61, 62, 80, 99},
        new int[] {9, 4, 1, 8, 13});
  }

  @Test
  void forecastFromOrigins_readsNothingFromItsOrigins() {
    FittedModel model = fit(builder());
    int[] origins = {70, 71};
    int[] steps = {5, 5};
    double[][] before = model.forecastFromOrigins(new double[][] {SERIES}, origins, steps, true);
    double[] changed = SERIES.clone();
    Arrays.fill(changed, 70, changed.length, 1e3);
    double[][] after = model.forecastFromOrigins(new double[][] {changed}, origins, steps, true);
    assertThat(after[0]).isEqualTo(before[0]);
    assertThat(after[1]).isNotEqualTo(before[1]);
  }

  private static SeriesForecaster.Builder builder() {
    return SeriesForecaster.builder().window(6).hidden(5).layers(2).epochs(2).seed(3)
        .shrink(false);
  }

  private static FittedModel fit(SeriesForecaster.Builder builder) {
    SeriesData data = new SeriesData("test", "value", SERIES, SERIES.length, 0);
    return Fitting.fit(builder.config(), data, EpochListener.NONE, System.nanoTime()).model();
  }

  private static void assertEqualsOneByOne(SeriesForecaster.Builder builder, int[] origins,
      int[] steps) {
    FittedModel model = fit(builder);
    double[][] shared = model.forecastFromOrigins(new double[][] {SERIES}, origins, steps, true);
    boolean anyChange = false;
    for (int i = 0; i < origins.length; i++) {
      double[] one = model.forecast(Arrays.copyOf(SERIES, origins[i]), steps[i]);
      assertThat(shared[i]).hasSize(steps[i]);
      for (int h = 0; h < steps[i]; h++) {
        assertThat(shared[i][h]).as("origin %d step %d", origins[i], h)
            .isCloseTo(one[h], within(1e-5 * (1 + Math.abs(one[h]))));
        anyChange |= one[h] != SERIES[origins[i] - 1];
      }
    }
    assertThat(anyChange).isTrue();
  }
}
