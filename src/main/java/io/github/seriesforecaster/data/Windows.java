package io.github.seriesforecaster.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sliding windows of a series as a DL4J {@link DataSet} for many-to-one training: features
 * {@code [windows, 1, window]}, labels of the same shape holding the target at the last time step,
 * and a labels mask {@code [windows, window]} that selects only that step.
 */
public final class Windows {
  private Windows() {}

  /**
   * @param encoder the encoder
   * @param series the whole series in original units
   * @param firstTarget index of the first value to predict, at least {@code minimumHistory()}
   * @param endTarget one past the index of the last value to predict
   * @return the windows predicting {@code series[firstTarget .. endTarget)}
   */
  public static DataSet of(WindowEncoder encoder, double[] series, int firstTarget, int endTarget) {
    int count = endTarget - firstTarget;
    if (firstTarget < encoder.minimumHistory() || count < 1 || endTarget > series.length) {
      throw new IllegalArgumentException("no windows between " + firstTarget + " and " + endTarget);
    }
    int window = encoder.window();
    float[] features = new float[count * window];
    float[] labels = new float[count * window];
    float[] mask = new float[count * window];
    for (int i = 0; i < count; i++) {
      int target = firstTarget + i;
      encoder.encode(series, target, features, i * window);
      int last = i * window + window - 1;
      labels[last] = (float) encoder.target(series, target);
      mask[last] = 1f;
    }
    long[] shape = {count, 1, window};
    return new DataSet(
        Nd4j.create(features, shape, 'c').castTo(DataType.FLOAT),
        Nd4j.create(labels, shape, 'c').castTo(DataType.FLOAT),
        null,
        Nd4j.create(mask, new long[] {count, window}, 'c').castTo(DataType.FLOAT));
  }
}
