package io.github.seriesforecaster.many;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesSetTest {

  @Test
  void of_keepsInsertionOrderAndCopiesValues() {
    var input = new LinkedHashMap<String, double[]>();
    double[] b = {1, 2, 3};
    input.put("b", b);
    input.put("a", new double[] {4, 5});
    SeriesSet set = SeriesSet.of(input);
    b[0] = 99;
    assertThat(set.ids()).containsExactly("b", "a");
    assertThat(set.size()).isEqualTo(2);
    assertThat(set.get("b")).containsExactly(1, 2, 3);
    set.get("b")[1] = 77;
    assertThat(set.get("b")).containsExactly(1, 2, 3);
    assertThat(set.minimumLength()).isEqualTo(2);
    assertThat(set.totalValues()).isEqualTo(5);
    assertThat(set.contains("a")).isTrue();
    assertThat(set.contains("c")).isFalse();
  }

  @Test
  void map_changesEverySeriesAndKeepsOrder() {
    SeriesSet set = SeriesSet.of(new LinkedHashMap<>(Map.of("x", new double[] {1, 2, 3})));
    SeriesSet cut = set.map(v -> Arrays.copyOf(v, v.length - 1));
    assertThat(cut.get("x")).containsExactly(1, 2);
    assertThat(set.get("x")).containsExactly(1, 2, 3);
    assertThat(cut).isEqualTo(SeriesSet.of(Map.of("x", new double[] {1, 2})));
  }

  @Test
  void of_rejectsBadInputWithMessages() {
    assertThatThrownBy(() -> SeriesSet.of(Map.of()))
        .hasMessage("a series set needs at least one series, was empty");
    assertThatThrownBy(() -> SeriesSet.of(Map.of(" ", new double[] {1})))
        .hasMessage("series ids must not be blank, was ' '");
    assertThatThrownBy(() -> SeriesSet.of(Map.of("m1", new double[] {1, Double.NaN})))
        .hasMessage("series 'm1' has a non-finite value NaN at index 1");
    SeriesSet set = SeriesSet.of(Map.of("m1", new double[] {1}));
    assertThatThrownBy(() -> set.get("m2"))
        .hasMessage("no series 'm2' in this set of 1 series");
  }
}
