package io.github.seriesforecaster.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.TargetTransform;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransformCodecTest {

  @Test
  void inverse_roundTripsEveryTransform() {
    Random random = new Random(3);
    for (TargetTransform transform : TargetTransform.values()) {
      if (transform == TargetTransform.AUTO) {
        continue;
      }
      TransformCodec codec = TransformCodec.of(transform, 4);
      double[] series = new double[200];
      for (int i = 0; i < series.length; i++) {
        series[i] = Math.exp(random.nextGaussian() * 5);
      }
      for (int t = codec.lag(); t < series.length; t++) {
        double back = codec.inverse(series, t, codec.forward(series, t));
        double scale = 0; // a difference is exact only to its largest operand's precision
        for (int k = t - codec.lag(); k <= t; k++) {
          scale = Math.max(scale, Math.abs(series[k]));
        }
        assertThat(back).as(transform.name()).isCloseTo(series[t], within(1e-9 * scale));
      }
    }
  }

  @Test
  void forwardAll_alignsWithTheLag() {
    double[] series = {1, 2, 4, 8, 16, 32};
    assertThat(TransformCodec.of(TargetTransform.LEVELS, 0).forwardAll(series))
        .containsExactly(series);
    assertThat(TransformCodec.of(TargetTransform.DIFFERENCES, 0).forwardAll(series))
        .containsExactly(1, 2, 4, 8, 16);
    assertThat(TransformCodec.of(TargetTransform.LOG_RETURNS, 0).forwardAll(series))
        .containsExactly(Math.log(2), Math.log(2), Math.log(2), Math.log(2), Math.log(2));
    // season 2: x[t] - x[t-2] from t = 2
    assertThat(TransformCodec.of(TargetTransform.SEASONAL_DIFFERENCES, 2).forwardAll(series))
        .containsExactly(4 - 1, 8 - 2, 16 - 4, 32 - 8);
    // season 2: (x[t] - x[t-1]) - (x[t-2] - x[t-3]) from t = 3
    assertThat(TransformCodec.of(TargetTransform.SEASONAL_AND_FIRST_DIFFERENCES, 2)
        .forwardAll(series))
        .containsExactly((8 - 4) - (2 - 1), (16 - 8) - (4 - 2), (32 - 16) - (8 - 4));
  }

  @Test
  void auto_candidatesDependOnTheSeason() {
    assertThat(TransformCodec.candidates(TargetTransform.AUTO, 0))
        .containsExactly(TargetTransform.DIFFERENCES);
    assertThat(TransformCodec.candidates(TargetTransform.AUTO, 12)).containsExactly(
        TargetTransform.DIFFERENCES, TargetTransform.SEASONAL_DIFFERENCES,
        TargetTransform.SEASONAL_AND_FIRST_DIFFERENCES);
    // AUTO with a season needs the longest lag of its candidates
    assertThat(io.github.seriesforecaster.SeriesForecaster.builder().window(3).season(12).config()
        .minimumHistory()).isEqualTo(3 + 13);
    assertThat(TransformCodec.candidates(TargetTransform.LEVELS, 12))
        .containsExactly(TargetTransform.LEVELS);
  }

  @Test
  void checkSeries_logReturnsRejectsNonPositive() {
    assertThatThrownBy(() -> TransformCodec.of(TargetTransform.LOG_RETURNS, 0)
        .checkSeries(new double[] {1, -2}, 0, "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s[1] is -2.0 but the LOG_RETURNS transform needs positive values; "
            + "use DIFFERENCES for series with zeros or negatives");
    TransformCodec.of(TargetTransform.DIFFERENCES, 0).checkSeries(new double[] {1, -2, 0}, 0, "s");
  }

  @Test
  void encoder_inputsAreScaledTransformedValuesAndDecodeInverts() {
    double[] series = {10, 12, 11, 15, 14};
    TransformCodec codec = TransformCodec.of(TargetTransform.DIFFERENCES, 0);
    Scaler scaler = Scaler.fit(codec.forwardAll(series)); // diffs 2, -1, 4, -1
    WindowEncoder encoder = new WindowEncoder(codec, 3, scaler, 1.0);
    float[] inputs = new float[3];
    encoder.encode(series, 5, inputs, 0);
    // diffs -1, 4, -1 scaled from [-1, 4] to [-1, 1]
    assertThat(inputs).containsExactly(-1f, 1f, -1f);
    double target = encoder.target(series, 4);
    assertThat(encoder.decode(series, 4, target)).isCloseTo(14, within(1e-12));
    // shrinkage 0 falls back to the no-change forecast: the last value
    assertThat(encoder.withShrinkage(0).decode(series, 4, target)).isEqualTo(15);
  }

  @Test
  void scaler_constantValuesDoNotDivideByZero() {
    Scaler scaler = Scaler.fit(new double[] {1e12, 1e12});
    assertThat(scaler.scale(1e12)).isFinite();
    assertThat(scaler.unscale(scaler.scale(1e12))).isCloseTo(1e12, within(1e-3));
  }
}
