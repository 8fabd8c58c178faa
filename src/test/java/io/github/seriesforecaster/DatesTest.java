package io.github.seriesforecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.internal.data.TimeStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatesTest {
  @TempDir Path folder;

  private Path monthly(String name, int months) throws IOException {
    StringBuilder text = new StringBuilder("month,value\n");
    double[] values = TestSeries.sine(months);
    for (int i = 0; i < months; i++) {
      text.append(String.format(Locale.ROOT, "%d-%02d,%s%n", 2000 + i / 12, i % 12 + 1, values[i]));
    }
    return Files.writeString(folder.resolve(name), text);
  }

  @Test
  void forecast_stampsMonthlyForecastsWithTheFollowingMonths() throws IOException {
    Path csv = monthly("m.csv", 48); // 2000-01 .. 2003-12
    SeriesForecaster forecaster = TestSeries.tinyBuilder().dateColumn("month").build();
    forecaster.fit(csv);
    List<TimedValue> forecast = forecaster.forecast(csv, 3);
    assertThat(forecast).extracting(TimedValue::time).containsExactly(
        LocalDate.of(2004, 1, 1).atStartOfDay(), LocalDate.of(2004, 2, 1).atStartOfDay(),
        LocalDate.of(2004, 3, 1).atStartOfDay());
    assertThat(forecast).extracting(TimedValue::value)
        .containsExactly(forecaster.forecast(forecaster.readSeries(csv), 3)[0],
            forecaster.forecast(forecaster.readSeries(csv), 3)[1],
            forecaster.forecast(forecaster.readSeries(csv), 3)[2]);
  }

  @Test
  void forecast_givenFrequencyWins() throws IOException {
    Path csv = monthly("m.csv", 48);
    SeriesForecaster forecaster =
        TestSeries.tinyBuilder().dateColumn("month").frequency("P7D").build();
    forecaster.fit(csv);
    assertThat(forecaster.forecast(csv, 1).get(0).time())
        .isEqualTo(LocalDate.of(2003, 12, 8).atStartOfDay());
  }

  @Test
  void read_rowsOutOfOrder() throws IOException {
    Path csv = Files.writeString(folder.resolve("o.csv"),
        "Date,Value\n2020-01-01,1\n2020-01-03,2\n2020-01-02,3\n");
    assertThatThrownBy(() -> TestSeries.tinyBuilder().dateColumn("Date").build().fit(csv))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("o.csv line 4: Date '2020-01-02' is not after the previous row's "
            + "2020-01-03T00:00; rows must be in increasing time order");
  }

  @Test
  void read_badDate() throws IOException {
    Path csv = Files.writeString(folder.resolve("d.csv"), "Date,Value\n01/02/2020,1\n");
    assertThatThrownBy(() -> TestSeries.tinyBuilder().dateColumn("Date").build().fit(csv))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("d.csv line 2: column 'Date' is '01/02/2020', expected an ISO date such as "
            + "2020-01-31, 2020-01 or 2020-01-31T09:30");
  }

  @Test
  void forecast_withoutDateColumn() {
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(TestSeries.sine(40));
    assertThatThrownBy(() -> forecaster.forecast(folder.resolve("x.csv"), 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("forecaster has no dateColumn; set dateColumn(...) in the builder to read "
            + "timestamps");
  }

  @Test
  void timeStep_inferAndParse() {
    LocalDateTime start = LocalDateTime.of(2001, 3, 1, 0, 0);
    LocalDateTime[] halfHours = {start, start.plusMinutes(30), start.plusMinutes(60),
        start.plusMinutes(120), start.plusMinutes(150)};
    assertThat(TimeStep.infer(halfHours)).hasToString("PT30M");
    LocalDateTime[] tradingDays = {start, start.plusDays(1), start.plusDays(2), start.plusDays(5),
        start.plusDays(6)};
    assertThat(TimeStep.infer(tradingDays)).hasToString("P1D");
    assertThat(TimeStep.parse("P1M").after(LocalDateTime.of(2001, 1, 31, 0, 0), 1))
        .isEqualTo(LocalDateTime.of(2001, 2, 28, 0, 0));
    assertThatThrownBy(() -> SeriesForecaster.builder().frequency("daily"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frequency must be an ISO-8601 period or duration such as P1D, P1M or PT30M, "
            + "was 'daily'");
    assertThatThrownBy(() -> SeriesForecaster.builder().frequency("P0D"))
        .hasMessage("frequency must be positive, was 'P0D'");
  }
}
