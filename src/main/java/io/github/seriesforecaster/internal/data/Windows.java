package io.github.seriesforecaster.internal.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sliding windows of a series as a DL4J {@link DataSet} for many-to-one training: features
 * {@code [windows, inputs, window]} (inputs: the target column and any feature columns), labels
 * {@code [windows, horizon, window]} holding the targets at the last time step, and a labels mask
 * {@code [windows, window]} that selects only that step.
 */
public final class Windows {
  private Windows() {}

  /**
   * Windows for direct multi-step training: labels {@code [windows, horizon, window]} hold, at the
   * last time step, the targets of the {@code horizon} values from each origin on.
   *
   * @param columns the input columns in original units, the target first
   * @param firstTarget first origin (index of the first value to predict)
   * @param endOrigin one past the last origin; every origin's {@code horizon} values must exist
   * @param horizon values predicted per window
   * @return the windows
   */
  public static DataSet of(WindowEncoder encoder, double[][] columns, int firstTarget,
      int endOrigin, int horizon) {
    double[] series = columns[0];
    int count = endOrigin - firstTarget;
    if (firstTarget < encoder.minimumHistory() || count < 1
        || endOrigin - 1 + horizon > series.length) {
      throw new IllegalArgumentException("no windows between " + firstTarget + " and " + endOrigin);
    }
    int window = encoder.window();
    int inputs = encoder.inputs();
    float[] features = new float[count * inputs * window];
    float[] labels = new float[count * horizon * window];
    float[] mask = new float[count * window];
    for (int i = 0; i < count; i++) {
      int origin = firstTarget + i;
      encoder.encode(columns, origin, features, i * inputs * window);
      for (int step = 0; step < horizon; step++) {
        labels[(i * horizon + step) * window + window - 1] =
            (float) encoder.target(series, origin, step);
      }
      mask[i * window + window - 1] = 1f;
    }
    return new DataSet(
        Nd4j.create(features, new long[] {count, inputs, window}, 'c').castTo(DataType.FLOAT),
        Nd4j.create(labels, new long[] {count, horizon, window}, 'c').castTo(DataType.FLOAT),
        null,
        Nd4j.create(mask, new long[] {count, window}, 'c').castTo(DataType.FLOAT));
  }
}
