package io.github.seriesforecaster.internal.model;

import io.github.seriesforecaster.ForecasterConfig;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The network's outputs at the last time step of encoded windows: one window on the plain-Java
 * pass ({@link LstmInference}) when the network has its shape, many in batched DL4J calls of at
 * most {@link ForwardPassSize#windows} windows. The DL4J network is not thread-safe, so calls on it
 * are serialised on it. Holds no encoder: models that differ only in their encoder share one.
 */
final class NetworkOutputs {
  /** Multiply-adds per batch below which a batch runs on {@link LstmInference}, window by window. */
  private static final double PLAIN_JAVA_BATCH_LIMIT = 10e6;

  private final ForecasterConfig config;
  private final MultiLayerNetwork network;
  private final LstmInference inference;
  private final int window;
  private final int inputs;

  /**
   * @param config the settings the network was built from
   * @param network the trained network
   * @param window time steps per window
   * @param inputs input columns per time step
   */
  NetworkOutputs(ForecasterConfig config, MultiLayerNetwork network, int window, int inputs) {
    this.config = config;
    this.network = network;
    this.inference = LstmInference.of(network).orElse(null);
    this.window = window;
    this.inputs = inputs;
  }

  MultiLayerNetwork network() {
    return network;
  }

  ForecasterConfig config() {
    return config;
  }

  /** @return true for LSTM layers and an identity output layer (the plain-Java pass's shape) */
  boolean hasStandardShape() {
    return inference != null;
  }

  /** @return every output at the last time step of one encoded window */
  double[] one(float[] encoded) {
    return inference != null ? inference.outputs(encoded) : lastStep(encoded, 1, true)[0];
  }

  /**
   * @return true when {@code count} windows cost less on the plain-Java pass, one by one, than in
   *     one batched network call (a call's fixed cost is about a millisecond, the time the
   *     plain-Java pass takes for some 10 million multiply-adds more than the batched call)
   */
  boolean plainJavaFor(int count) {
    return inference != null && (double) count * multiplyAddsPerWindow() < PLAIN_JAVA_BATCH_LIMIT;
  }

  /** @return the first output at the last time step of each of {@code count} windows, batched */
  double[] firstOutputs(float[] encoded, int count) {
    double[][] all = lastStep(encoded, count, true);
    double[] first = new double[count];
    for (int i = 0; i < count; i++) {
      first[i] = all[i][0];
    }
    return first;
  }

  /**
   * @param encoded {@code count} windows, each {@code inputs * window} floats in DL4J's layout
   * @param networkOnly true for batched network calls whatever the network's size
   * @return per window every output at its last time step
   */
  double[][] lastStep(float[] encoded, int count, boolean networkOnly) {
    int size = inputs * window;
    int horizon = config.horizon();
    double[][] result = new double[count][];
    if (!networkOnly && plainJavaFor(count)) {
      float[] one = new float[size];
      for (int i = 0; i < count; i++) {
        System.arraycopy(encoded, i * size, one, 0, size);
        result[i] = inference.outputs(one);
      }
      return result;
    }
    int blockSize = ForwardPassSize.windows(config);
    for (int from = 0; from < count; from += blockSize) {
      int block = Math.min(blockSize, count - from);
      float[] blockInputs = block == count ? encoded
          : Arrays.copyOfRange(encoded, from * size, (from + block) * size);
      INDArray features = Nd4j.create(blockInputs, new long[] {block, inputs, window}, 'c');
      INDArray output;
      synchronized (network) {
        output = network.output(features);
      }
      for (int i = 0; i < block; i++) {
        result[from + i] = new double[horizon];
        for (int k = 0; k < horizon; k++) {
          result[from + i][k] = output.getDouble(i, k, window - 1);
        }
      }
    }
    return result;
  }

  private double multiplyAddsPerWindow() {
    double total = 0;
    int width = inputs;
    for (int layer = 0; layer < config.layers(); layer++) {
      total += (double) window * 4 * config.hidden() * (width + config.hidden());
      width = config.hidden();
    }
    return total;
  }
}
