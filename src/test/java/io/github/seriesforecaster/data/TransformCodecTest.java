package io.github.seriesforecaster.data;

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
      TransformCodec codec = TransformCodec.of(transform);
      for (int i = 0; i < 10_000; i++) {
        double previous = Math.exp(random.nextGaussian() * 5);
        double current = Math.exp(random.nextGaussian() * 5);
        double back = codec.inverse(previous, codec.forward(previous, current));
        double scale = Math.max(previous, current); // a difference is exact only to the larger operand's precision
        assertThat(back).as(transform.name()).isCloseTo(current, within(1e-9 * scale));
      }
    }
  }

  @Test
  void forwardAll_alignsWithTheLag() {
    double[] series = {1, 2, 4, 8};
    assertThat(TransformCodec.LEVELS.forwardAll(series)).containsExactly(1, 2, 4, 8);
    assertThat(TransformCodec.DIFFERENCES.forwardAll(series)).containsExactly(1, 2, 4);
    assertThat(TransformCodec.LOG_RETURNS.forwardAll(series))
        .containsExactly(Math.log(2), Math.log(2), Math.log(2));
  }

  @Test
  void checkSeries_logReturnsRejectsNonPositive() {
    assertThatThrownBy(() -> TransformCodec.LOG_RETURNS.checkSeries(new double[] {1, -2}, "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s[1] is -2.0 but the LOG_RETURNS transform needs positive values; "
            + "use DIFFERENCES for series with zeros or negatives");
    TransformCodec.DIFFERENCES.checkSeries(new double[] {1, -2, 0}, "s");
  }

  @Test
  void encoder_inputsAreScaledTransformedValuesAndDecodeInverts() {
    double[] series = {10, 12, 11, 15, 14};
    Scaler scaler = Scaler.fit(TransformCodec.DIFFERENCES.forwardAll(series)); // diffs 2,-1,4,-1
    WindowEncoder encoder = new WindowEncoder(TransformCodec.DIFFERENCES, 3, scaler);
    float[] inputs = new float[3];
    encoder.encode(series, 5, inputs, 0);
    // diffs -1, 4, -1 scaled from [-1, 4] to [-1, 1]
    assertThat(inputs).containsExactly(-1f, 1f, -1f);
    double target = encoder.target(series, 4);
    assertThat(encoder.decode(series, 4, target)).isCloseTo(14, within(1e-12));
  }

  @Test
  void scaler_constantValuesDoNotDivideByZero() {
    Scaler scaler = Scaler.fit(new double[] {1e12, 1e12});
    assertThat(scaler.scale(1e12)).isFinite();
    assertThat(scaler.unscale(scaler.scale(1e12))).isCloseTo(1e12, within(1e-3));
  }
}
