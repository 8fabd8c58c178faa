package io.github.seriesforecaster.internal.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Min-max scaling of one input column's transformed values to [-1, 1], the range of the LSTM's tanh
 * units.
 *
 * <p>Fitted by DL4J's {@link NormalizerMinMaxScaler} (so it is stored in the model file as DL4J's own
 * {@code normalizer.bin}, one feature per input column) and applied here in plain Java on scalars,
 * which is what a single prediction needs. A zero range (a constant series) scales everything to
 * the lower bound instead of dividing by zero.
 */
public final class Scaler {
  static final double LOWER = -1.0;
  static final double UPPER = 1.0;

  private final NormalizerMinMaxScaler normalizer;
  private final double min;
  private final double range;
  private final double lower;
  private final double span;

  private Scaler(NormalizerMinMaxScaler normalizer, int column) {
    this.normalizer = normalizer;
    this.min = normalizer.getMin().getDouble(column);
    double max = normalizer.getMax().getDouble(column);
    double difference = max - min;
    this.range = difference > 0 && Double.isFinite(difference) ? difference : 1.0;
    this.lower = normalizer.getTargetMin();
    this.span = normalizer.getTargetMax() - normalizer.getTargetMin();
  }

  /**
   * Fits the scaler on the given values (the training part only).
   *
   * @param values at least one finite value
   * @return the fitted scaler
   */
  public static Scaler fit(double[] values) {
    return fitColumns(new double[][] {values}).get(0);
  }

  /**
   * Fits one scaler per column (the training part only), stored together in one DL4J normalizer
   * with a feature per column.
   *
   * @param columns at least one finite value each; lengths may differ (a feature may be
   *     transformed with a shorter lag than the target)
   * @return the fitted scalers, in column order
   */
  public static List<Scaler> fitColumns(double[][] columns) {
    double[] min = new double[columns.length];
    double[] max = new double[columns.length];
    for (int c = 0; c < columns.length; c++) {
      if (columns[c].length == 0) {
        throw new IllegalArgumentException("scaler needs at least one value, got none");
      }
      NormalizerMinMaxScaler column = new NormalizerMinMaxScaler(LOWER, UPPER);
      var features = Nd4j.create(columns[c], new long[] {columns[c].length, 1}, 'c')
          .castTo(DataType.DOUBLE);
      column.fit(new DataSet(features, features));
      min[c] = column.getMin().getDouble(0);
      max[c] = column.getMax().getDouble(0);
    }
    NormalizerMinMaxScaler normalizer = new NormalizerMinMaxScaler(LOWER, UPPER);
    normalizer.setFeatureStats(Nd4j.create(new double[][] {min}), Nd4j.create(new double[][] {max}));
    return allOf(normalizer);
  }

  /**
   * Wraps a normalizer read back from a model file, one scaler per feature it was fitted on.
   *
   * @param normalizer a fitted min-max normalizer
   * @return the scalers, in feature order
   */
  public static List<Scaler> allOf(NormalizerMinMaxScaler normalizer) {
    Objects.requireNonNull(normalizer, "normalizer");
    if (normalizer.getMin() == null || normalizer.getMin().length() < 1) {
      throw new IllegalArgumentException("normalizer is not fitted");
    }
    List<Scaler> scalers = new ArrayList<>();
    for (int column = 0; column < normalizer.getMin().length(); column++) {
      scalers.add(new Scaler(normalizer, column));
    }
    return List.copyOf(scalers);
  }

  /** @return the DL4J normalizer (shared by all columns' scalers), for storing in a model file */
  public NormalizerMinMaxScaler normalizer() {
    return normalizer;
  }

  /** @return {@code value} in network units */
  public double scale(double value) {
    return (value - min) / range * span + lower;
  }

  /** @return {@code scaled} back in transformed units */
  public double unscale(double scaled) {
    return (scaled - lower) / span * range + min;
  }

  /** @return the smallest training value */
  public double min() {
    return min;
  }

  /** @return the training range, or 1 where the training values were constant */
  public double range() {
    return range;
  }
}
