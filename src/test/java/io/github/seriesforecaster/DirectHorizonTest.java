package io.github.seriesforecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectHorizonTest {
  @TempDir Path folder;

  @Test
  void forecast_takesHorizonValuesFromOneNetworkCall() throws IOException {
    double[] series = TestSeries.sine(80);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().horizon(3).build();
    FitReport report = forecaster.fit(series);
    // the kept network is refitted on every origin whose three values are in the series
    assertThat(report.trainingWindows()).isEqualTo(80 - 5 - 2);
    double[] path = forecaster.forecast(series, 7);
    assertThat(path).hasSize(7);
    assertThat(path[0]).isCloseTo(forecaster.predict(series), within(1e-9));
    // the first three come from one call: a forecast of 3 is the start of a forecast of 7
    assertThat(forecaster.forecast(series, 3)).containsExactly(Arrays.copyOf(path, 3));
    // the next block starts from the first block's values
    double[] extended = Arrays.copyOf(series, 83);
    System.arraycopy(path, 0, extended, 80, 3);
    assertThat(forecaster.forecast(extended, 3)).containsExactly(Arrays.copyOfRange(path, 3, 6));
    // saved and loaded, the direct model forecasts the same
    Path file = folder.resolve("direct.zip");
    forecaster.save(file);
    SeriesForecaster loaded = SeriesForecaster.load(file);
    assertThat(loaded.config().horizon()).isEqualTo(3);
    assertThat(loaded.forecast(series, 7)).containsExactly(path);
  }

  @Test
  void horizon_rejectsSeasonalTransformsAndAutoFallsBackToDifferences() {
    assertThatThrownBy(() -> SeriesForecaster.builder().horizon(5).season(12)
        .transform(TargetTransform.SEASONAL_DIFFERENCES).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("horizon 5 needs transform LEVELS, DIFFERENCES, LOG_RETURNS or AUTO, was "
            + "SEASONAL_DIFFERENCES");
    ForecasterConfig config = SeriesForecaster.builder().horizon(5).season(12).config();
    assertThat(config.candidateTransforms()).containsExactly(TargetTransform.DIFFERENCES);
    // the seasonal naive candidates read a season back
    assertThat(config.minimumHistory()).isEqualTo(12 + 12);
    assertThatThrownBy(() -> SeriesForecaster.builder().horizon(0))
        .hasMessage("horizon must be >= 1, was 0");
  }

  @Test
  void fit_logReturnsDirect() {
    double[] series = TestSeries.sine(80);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().horizon(4)
        .transform(TargetTransform.LOG_RETURNS).build();
    forecaster.fit(series);
    assertThat(Arrays.stream(forecaster.forecast(series, 4)).allMatch(v -> v > 0)).isTrue();
  }
}
