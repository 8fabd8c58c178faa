package io.github.seriesforecaster.many;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.TestSeries;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerSeriesFitsTest {
  private static final ForecasterConfig CONFIG =
      TestSeries.tinyBuilder().epochs(2).shrink(false).config();

  private static SeriesSet set() {
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("a", TestSeries.sine(50));
    series.put("short", new double[] {1, 2, 3, 4, 5});
    series.put("b", Arrays.stream(TestSeries.sine(60)).map(v -> 2 * v + 3).toArray());
    series.put("c", Arrays.copyOfRange(TestSeries.sine(80), 20, 80));
    return SeriesSet.of(series);
  }

  @Test
  void fit_failingSeriesIsReportedAndTheOthersFitted() {
    PerSeriesFits fits = PerSeriesFits.fit(set(), CONFIG.toBuilder().parallelism(2).config(), 3);

    assertThat(fits.results()).extracting(SeriesFit::id).containsExactly("a", "short", "b", "c");
    SeriesFit failed = fits.get("short");
    assertThat(failed.status()).isEqualTo(SeriesFit.Status.FAILED);
    assertThat(failed.error()).startsWith("series 'short': ").contains("5 values");
    assertThat(failed.forecaster()).isNull();
    assertThat(fits.failed()).containsExactly(failed);
    for (String id : new String[] {"a", "b", "c"}) {
      SeriesFit fit = fits.get(id);
      assertThat(fit.status()).isEqualTo(SeriesFit.Status.OK);
      assertThat(fit.error()).isNull();
      assertThat(fit.report().epochsRun()).isPositive();
      assertThat(fit.forecast()).hasSize(3);
      assertThat(Arrays.stream(fit.forecast()).allMatch(Double::isFinite)).isTrue();
      // the returned forecaster is the fitted one
      assertThat(fit.forecaster().forecast(set().get(id), 3)).containsExactly(fit.forecast());
    }
    assertThat(fits.forecasts()).containsOnlyKeys("a", "b", "c");
  }

  @Test
  void fit_parallelIsBitIdenticalToSequential() {
    PerSeriesFits sequential =
        PerSeriesFits.fit(set(), CONFIG.toBuilder().parallelism(1).config(), 4);
    PerSeriesFits parallel =
        PerSeriesFits.fit(set(), CONFIG.toBuilder().parallelism(3).config(), 4);
    for (SeriesFit expected : sequential.results()) {
      SeriesFit actual = parallel.get(expected.id());
      assertThat(actual.status()).isEqualTo(expected.status());
      assertThat(actual.error()).isEqualTo(expected.error());
      if (expected.ok()) {
        assertThat(actual.forecast()).containsExactly(expected.forecast());
        assertThat(actual.report().trainingLoss()).isEqualTo(expected.report().trainingLoss());
        assertThat(actual.report().model()).isEqualTo(expected.report().model());
      }
    }
  }

  @Test
  void fit_checksArguments() {
    assertThatThrownBy(() -> PerSeriesFits.fit(set(), CONFIG, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("steps must be >= 0, was -1");
    assertThatThrownBy(() -> PerSeriesFits.fit(set(), CONFIG, 1).get("z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no series 'z' among the 4 fitted series");
  }
}
