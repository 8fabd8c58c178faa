package io.github.seriesforecaster.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void median_oddCount() {
    assertThat(Percentiles.median(new long[] {5, 1, 3})).isEqualTo(3.0);
  }

  @Test
  void median_evenCountIsMeanOfMiddles() {
    assertThat(Percentiles.median(new long[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void median_leavesInputUnsorted() {
    long[] samples = {3, 1, 2};
    Percentiles.median(samples);
    assertThat(samples).containsExactly(3, 1, 2);
  }

  @Test
  void percentile_nearestRank() {
    long[] samples = new long[100];
    for (int i = 0; i < 100; i++) {
      samples[i] = 100 - i;           // 1..100, reversed
    }
    assertThat(Percentiles.percentile(samples, 50)).isEqualTo(50);
    assertThat(Percentiles.percentile(samples, 99)).isEqualTo(99);
    assertThat(Percentiles.percentile(samples, 100)).isEqualTo(100);
    assertThat(Percentiles.percentile(samples, 0.5)).isEqualTo(1);
  }

  @Test
  void percentile_ofTenThousandIsThe9900thSmallest() {
    long[] samples = new long[10_000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = i;
    }
    assertThat(Percentiles.percentile(samples, 99)).isEqualTo(9_899);
  }

  @Test
  void percentile_outOfRange() {
    assertThatThrownBy(() -> Percentiles.percentile(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percent must be in (0, 100], was 0.0");
  }

  @Test
  void median_noSamples() {
    assertThatThrownBy(() -> Percentiles.median(new long[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no samples");
  }
}
