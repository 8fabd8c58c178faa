package io.github.seriesforecaster.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TestSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class ChartDataTest {
  private static final double[] HISTORY = {10, 11, 12, 13, 14};

  @Test
  void constructor_copiesArraysInAndOut() {
    double[] history = HISTORY.clone();
    double[] validation = {12.5, 13.5};
    ChartData data = new ChartData("t", history, 3, validation, new double[] {12, 13}, null);
    history[0] = 99;
    validation[0] = 99;
    data.naive()[0] = 99;
    assertThat(data.history()).containsExactly(HISTORY);
    assertThat(data.validation()).containsExactly(12.5, 13.5);
    assertThat(data.naive()).containsExactly(12, 13);
    assertThat(data.future()).isNull();
  }

  @Test
  void constructor_noValidationPart() {
    ChartData data = new ChartData("", HISTORY, 5, new double[0], new double[0], null);
    assertThat(data.validationStart()).isEqualTo(5);
  }

  @Test
  void constructor_emptyHistory() {
    assertThatThrownBy(
        () -> new ChartData("t", new double[0], 0, new double[0], new double[0], null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("history must hold at least one value, was empty");
  }

  @Test
  void constructor_validationStartBeyondHistory() {
    assertThatThrownBy(() -> new ChartData("t", HISTORY, 6, new double[0], new double[0], null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("validationStart must be between 0 and 5, was 6");
  }

  @Test
  void constructor_validationLengthMismatch() {
    assertThatThrownBy(() -> new ChartData("t", HISTORY, 3, new double[] {1}, new double[] {1, 2},
        null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("validation has 1 forecasts but history has 2 values from validationStart 3; "
            + "give one forecast per value");
  }

  @Test
  void constructor_naiveLengthMismatch() {
    assertThatThrownBy(() -> new ChartData("t", HISTORY, 3, new double[] {1, 2},
        new double[] {1, 2, 3}, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("naive has 3 forecasts but history has 2 values from validationStart 3; "
            + "give one forecast per value");
  }

  @Test
  void withFuture_replacesOnlyTheFuture() {
    ChartData data = new ChartData("t", HISTORY, 3, new double[] {1, 2}, new double[] {3, 4}, null);
    ForecastBand band = new ForecastBand(new double[] {15}, new double[] {14}, new double[] {16});
    ChartData withBand = data.withFuture(band);
    assertThat(withBand.future()).isEqualTo(band);
    assertThat(withBand.withFuture(null)).isEqualTo(data);
  }

  @Test
  void of_fittedForecasterScoresTheValidationPartLikeFit() {
    double[] series = TestSeries.sine(60);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(series);

    ChartData data = ChartData.of("sine", forecaster, series, 4);

    // validationFraction 0.3 of 60 values: the last 18 are one-step forecasts, as in fit
    assertThat(data.validationStart()).isEqualTo(42);
    assertThat(data.naive()).containsExactly(Arrays.copyOfRange(series, 41, 59));
    // batched through DL4J, so equal to single predictions up to float rounding
    assertThat(data.validation()[0])
        .isCloseTo(forecaster.predict(Arrays.copyOf(series, 42)), within(1e-5));
    assertThat(data.validation()[17])
        .isCloseTo(forecaster.predict(Arrays.copyOf(series, 59)), within(1e-5));
    assertThat(data.future().point()).containsExactly(forecaster.forecast(series, 4));
    // the model has a validation part, so its 80% interval is drawn around the forecasts
    assertThat(data.future().hasInterval()).isTrue();
    assertThat(data.future().lower()).containsExactly(
        forecaster.forecastWithIntervals(series, 4, 0.8).lower(0.8));
    assertThat(data.valueLabel()).isEqualTo("value");
    assertThat(ChartData.of("sine", forecaster, series, 0).future()).isNull();
  }

  @Test
  void of_csvWithADateColumnDatesTheChart(@TempDir Path folder) throws IOException {
    StringBuilder text = new StringBuilder("month,passengers\n");
    double[] series = TestSeries.sine(40);
    for (int i = 0; i < series.length; i++) {
      text.append(YearMonth.of(2020, 1).plusMonths(i)).append(',').append(series[i]).append('\n');
    }
    Path csv = Files.writeString(folder.resolve("monthly.csv"), text);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().dateColumn("month").frequency("P1M")
        .build();
    forecaster.fit(csv);
    ChartData data = ChartData.of("monthly.csv: passengers", forecaster, csv, 2);
    assertThat(data.timeLabel()).isEqualTo("month");
    assertThat(data.valueLabel()).isEqualTo("passengers");
    // 40 months from 2020-01, then the two forecast months
    assertThat(data.times()).hasSize(42);
    assertThat(data.times().get(41)).isEqualTo(LocalDateTime.of(2023, 6, 1, 0, 0));
    assertThat(ForecastChart.chart(data).getXYPlot().getDomainAxis().getLabel())
        .isEqualTo("month");
  }

  @Test
  void of_noIntervalWithoutAValidationPart() {
    double[] series = TestSeries.sine(40);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().validationFraction(0).build();
    forecaster.fit(series);
    assertThat(ChartData.of("sine", forecaster, series, 3).future().hasInterval()).isFalse();
  }

  @Test
  void of_negativeSteps() {
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    assertThatThrownBy(() -> ChartData.of("t", forecaster, TestSeries.sine(20), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("steps must be >= 0, was -1");
  }

  @Test
  void of_seriesShorterThanTheHistoryNeeded() {
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    assertThatThrownBy(() -> ChartData.of("t", forecaster, new double[] {1, 2, 3}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series has 3 values but the forecaster needs at least 5");
  }
}
