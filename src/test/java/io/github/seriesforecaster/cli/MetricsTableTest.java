package io.github.seriesforecaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seriesforecaster.ErrorMetrics;
import org.junit.jupiter.api.Test;

class MetricsTableTest {

  @Test
  void toString_alignsNamesLeftAndNumbersRight() {
    String table = new MetricsTable()
        .add("lstm", new ErrorMetrics(314, 13.8966, 9.9471, 1.9012, 314, 1.9034, 2.06812))
        .add("seasonal naive (12)", new ErrorMetrics(314, 120.5, 99.5, 12.345, 314, 11.5, 20.5))
        .toString();
    String n = System.lineSeparator();
    assertThat(table).isEqualTo(
        "forecaster            RMSE    MAE    MAPE   sMAPE    MASE  points" + n
            + "lstm                 13.90  9.947   1.90%   1.90%   2.068     314" + n
            + "seasonal naive (12)  120.5  99.50  12.35%  11.50%  20.500     314" + n);
  }

  @Test
  void toString_notANumberIsNotAvailable() {
    assertThat(new MetricsTable().add("lstm", ErrorMetrics.NONE).toString())
        .contains("lstm         n/a  n/a   n/a    n/a   n/a       0");
  }

  @Test
  void significant_keepsZerosAndAvoidsENotation() {
    assertThat(MetricsTable.significant(13.8966, 4)).isEqualTo("13.90");
    assertThat(MetricsTable.significant(123456, 4)).isEqualTo("123500");
    assertThat(MetricsTable.significant(0.000012345, 3)).isEqualTo("0.0000123");
    assertThat(MetricsTable.significant(99.5, 4)).isEqualTo("99.50");
    assertThat(MetricsTable.significant(0, 3)).isEqualTo("0.00");
    assertThat(MetricsTable.significant(Double.NaN, 3)).isEqualTo("n/a");
  }

  @Test
  void shortest_dropsTrailingZeros() {
    assertThat(MetricsTable.shortest(362.71000000001, 10)).isEqualTo("362.71");
    assertThat(MetricsTable.shortest(1e7, 10)).isEqualTo("10000000");
    assertThat(MetricsTable.shortest(-0.5, 10)).isEqualTo("-0.5");
  }
}
