package io.github.seriesforecaster.internal.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TargetTransform;
import io.github.seriesforecaster.internal.data.Scaler;
import io.github.seriesforecaster.internal.data.SeriesData;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureScalingTest {

  @Test
  void eachFeatureIsScaledOnTheTrainingPartOnly() {
    int length = 100;
    double[] target = new double[length];
    double[] level = new double[length];
    double[] trend = new double[length];
    for (int t = 0; t < length; t++) {
      target[t] = 10 + Math.sin(t / 4.0);
      // huge values in the validation part (the last 30 rows) must not reach the scalers
      level[t] = t < 70 ? (t % 7) : 1e6;
      trend[t] = t < 70 ? 3.0 * t : -1e6;
    }
    ForecasterConfig config = SeriesForecaster.builder().window(3).hidden(3).epochs(2)
        .transform(TargetTransform.DIFFERENCES).featureTransform(TargetTransform.LEVELS)
        .features("level", "trend").config();
    SeriesData data = new SeriesData("test", "target", target, length, 0, null,
        List.of("level", "trend"), new double[][] {level, trend});
    // a fold (or a fit) training before row 70 reads rows 70.. only as its validation part
    var provenance = io.github.seriesforecaster.internal.model.TrainingData.of("test", length, 0, null,
        data.inputColumns(), data.inputs());
    var result = Fitting.trainOn(config, io.github.seriesforecaster.internal.data.TransformCodec.of(
            TargetTransform.DIFFERENCES, 0), data.inputs(), data.inputColumns(), 70, provenance,
        EpochListener.NONE, "test");
    List<Scaler> scalers = result.model().encoder().scalers();
    assertThat(scalers).hasSize(3);
    // the target's differences, then the features' levels, over training rows 0..69
    assertThat(scalers.get(1).min()).isEqualTo(0);
    assertThat(scalers.get(1).range()).isEqualTo(6);
    assertThat(scalers.get(2).min()).isEqualTo(0);
    assertThat(scalers.get(2).range()).isEqualTo(3.0 * 69);
    double maxDifference = 0;
    double minDifference = 0;
    for (int t = 1; t < 70; t++) {
      maxDifference = Math.max(maxDifference, target[t] - target[t - 1]);
      minDifference = Math.min(minDifference, target[t] - target[t - 1]);
    }
    assertThat(scalers.get(0).min()).isCloseTo(minDifference, within(1e-12));
    assertThat(scalers.get(0).range()).isCloseTo(maxDifference - minDifference, within(1e-12));
    assertThat(result.model().data().features()).containsExactly("level", "trend");
  }
}
