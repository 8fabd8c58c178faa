package io.github.seriesforecaster.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import io.github.seriesforecaster.internal.model.lstm.LstmMath;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward pass of our network (LSTM layers, then an identity output layer) for one window, in
 * plain Java over the network's weights.
 *
 * <p>A single DL4J {@code output()} call costs hundreds of microseconds of native dispatch for a few
 * thousand multiply-adds; this computes the same values (DL4J's gate order: cell input, forget,
 * output, input modulation; {@code c = f*c + g*a}, {@code h = o*tanh(c)}) in microseconds, with no
 * shared mutable state, so any number of threads can predict at once. tanh and sigmoid are
 * FastLstm's float approximations (absolute error below 4e-7). The weights are copied when
 * the model is built: the network must not be trained afterwards.
 *
 * <p>Speed comes from loops the JIT of Java 17 turns into SIMD code without any flag (no Vector
 * API): weights held as one array per matrix row, four rows per pass over the gates, the input
 * weights applied to every time step at once (each row read once per call, not once per step),
 * and the gate activations fused with the cell update over per-gate arrays. For window 30, hidden
 * 64, 2 layers this took a single prediction from about 0.65 ms to about 0.2 ms.
 */
public final class LstmInference {
  private final List<Lstm> layers;
  private final float[] outputWeights;
  private final float[] outputBias;
  private final int outputs;
  private final int maxHidden;

  /**
   * One LSTM layer's weights, one array per row of DL4J's {@code [inputs, 4 * hidden]} input and
   * {@code [hidden, 4 * hidden]} recurrent matrices: the JIT of Java 17 vectorises a loop over
   * {@code row[j]} but not one over {@code matrix[offset + j]}.
   */
  private record Lstm(int inputs, int hidden, float[][] input, float[][] recurrent, float[] bias) {
    static Lstm of(int inputs, int hidden, float[] input, float[] recurrent, float[] bias) {
      return new Lstm(inputs, hidden, rows(input, inputs), rows(recurrent, hidden), bias);
    }

    private static float[][] rows(float[] matrix, int rows) {
      int columns = matrix.length / rows;
      float[][] result = new float[rows][];
      for (int k = 0; k < rows; k++) {
        result[k] = Arrays.copyOfRange(matrix, k * columns, (k + 1) * columns);
      }
      return result;
    }
  }

  private LstmInference(List<Lstm> layers, float[] outputWeights, float[] outputBias) {
    this.layers = layers;
    this.outputWeights = outputWeights;
    this.outputBias = outputBias;
    this.outputs = outputBias.length;
    this.maxHidden = layers.stream().mapToInt(Lstm::hidden).max().orElse(0);
  }

  /**
   * @param network a network built by {@link LstmNetworkFactory}
   * @return the plain-Java forward pass, or empty if the network has another shape (then callers
   *     use DL4J's own {@code output})
   */
  public static Optional<LstmInference> of(MultiLayerNetwork network) {
    Layer[] all = network.getLayers();
    List<Lstm> lstms = new ArrayList<>();
    for (int i = 0; i < all.length - 1; i++) {
      if (!(all[i].conf().getLayer() instanceof BaseLayer config)
          || !(config.getActivationFn() instanceof ActivationTanH)
          || !isStandardLstm(all[i])) {
        return Optional.empty();
      }
      INDArray input = all[i].getParam("W");
      INDArray recurrent = all[i].getParam("RW");
      int hidden = (int) recurrent.size(0);
      if (recurrent.size(1) != 4L * hidden) {
        return Optional.empty(); // peephole weights (GravesLSTM) are not computed here
      }
      lstms.add(Lstm.of((int) input.size(0), hidden, flat(input), flat(recurrent),
          flat(all[i].getParam("b"))));
    }
    Layer last = all[all.length - 1];
    if (lstms.isEmpty() || !(last.conf().getLayer() instanceof RnnOutputLayer output)
        || !(output.getActivationFn() instanceof ActivationIdentity)) {
      return Optional.empty();
    }
    return Optional.of(new LstmInference(
        lstms, flat(last.getParam("W")), flat(last.getParam("b"))));
  }

  private static boolean isStandardLstm(Layer layer) {
    var config = layer.conf().getLayer();
    if (config instanceof org.deeplearning4j.nn.conf.layers.LSTM lstm) {
      return lstm.getGateActivationFn() instanceof ActivationSigmoid;
    }
    // FastLstm: sigmoid gates always, same parameter layout
    return config instanceof io.github.seriesforecaster.internal.model.lstm.FastLstm;
  }

  private static float[] flat(INDArray array) {
    return array.dup('c').data().asFloat();
  }

  /**
   * @param inputs the scaled window, as {@link #outputs}
   * @return the network's first output at the last time step
   */
  public double output(float[] inputs) {
    return outputs(inputs)[0];
  }

  /**
   * @param inputs the scaled window: each input column's time steps in turn (one example of
   *     DL4J's {@code [examples, columns, window]} in C order); one column without features
   * @return every output of the network at the last time step (one per horizon step)
   */
  public double[] outputs(float[] inputs) {
    int width = layers.get(0).inputs;
    int steps = inputs.length / width;
    // activations of the current layer for every time step, [step][unit]
    float[] sequence = new float[inputs.length];
    for (int c = 0; c < width; c++) {
      for (int t = 0; t < steps; t++) {
        sequence[t * width + c] = inputs[c * steps + t];
      }
    }
    // per unit: the four gates' pre-activations, the cell state and the output of one step
    float[][] scratch = new float[6][maxHidden];
    for (Lstm layer : layers) {
      int hidden = layer.hidden;
      float[] next = new float[steps * hidden];
      Arrays.fill(scratch[4], 0f);
      // the input weights for every step at once, so each weight row is read once per call
      float[][] gates = project(layer, sequence, steps);
      for (int t = 0; t < steps; t++) {
        if (t > 0) {
          accumulate(gates[t], layer.recurrent, next, (t - 1) * hidden, 4 * hidden);
        }
        cellStep(gates[t], scratch, hidden);
        System.arraycopy(scratch[5], 0, next, t * hidden, hidden);
      }
      sequence = next;
      width = hidden;
    }
    double[] result = new double[outputs];
    int last = (steps - 1) * width;
    for (int o = 0; o < outputs; o++) {
      float sum = outputBias[o];
      for (int u = 0; u < width; u++) {
        sum += sequence[last + u] * outputWeights[u * outputs + o];
      }
      result[o] = sum;
    }
    return result;
  }

  /**
   * @param sequence the layer's inputs, {@code [step][input]}
   * @return per step the bias plus the step's input times the input weights, {@code [step][4H]}
   */
  private static float[][] project(Lstm layer, float[] sequence, int steps) {
    int width = layer.inputs;
    int columns = 4 * layer.hidden;
    float[][] rows = layer.input;
    float[][] gates = new float[steps][];
    for (int t = 0; t < steps; t++) {
      gates[t] = layer.bias.clone();
    }
    int k = 0;
    for (; k + 3 < width; k += 4) {
      float[] w0 = rows[k];
      float[] w1 = rows[k + 1];
      float[] w2 = rows[k + 2];
      float[] w3 = rows[k + 3];
      for (int t = 0; t < steps; t++) {
        int at = t * width + k;
        float v0 = sequence[at];
        float v1 = sequence[at + 1];
        float v2 = sequence[at + 2];
        float v3 = sequence[at + 3];
        float[] g = gates[t];
        for (int j = 0; j < columns; j++) {
          g[j] += v0 * w0[j] + v1 * w1[j] + v2 * w2[j] + v3 * w3[j];
        }
      }
    }
    for (; k < width; k++) {
      float[] w = rows[k];
      for (int t = 0; t < steps; t++) {
        float v = sequence[t * width + k];
        float[] g = gates[t];
        for (int j = 0; j < columns; j++) {
          g[j] += v * w[j];
        }
      }
    }
    return gates;
  }

  /**
   * {@code gates += vector[from .. from + rows.length) x rows}. Four rows per pass over
   * {@code gates}: the JIT vectorises the loop over columns, and reading and writing
   * {@code gates} once per four rows instead of once per row saves a third of the time.
   */
  private static void accumulate(
      float[] gates, float[][] rows, float[] vector, int from, int columns) {
    int k = 0;
    for (; k + 3 < rows.length; k += 4) {
      float v0 = vector[from + k];
      float v1 = vector[from + k + 1];
      float v2 = vector[from + k + 2];
      float v3 = vector[from + k + 3];
      float[] w0 = rows[k];
      float[] w1 = rows[k + 1];
      float[] w2 = rows[k + 2];
      float[] w3 = rows[k + 3];
      for (int j = 0; j < columns; j++) {
        gates[j] += v0 * w0[j] + v1 * w1[j] + v2 * w2[j] + v3 * w3[j];
      }
    }
    for (; k < rows.length; k++) {
      float v = vector[from + k];
      float[] w = rows[k];
      for (int j = 0; j < columns; j++) {
        gates[j] += v * w[j];
      }
    }
  }

  /**
   * The gate activations and the cell update of one step in one loop over the units, on separate
   * per-gate arrays so that the JIT vectorises it. DL4J's gate blocks: cell input, forget, output,
   * input gate.
   *
   * @param scratch cell input, forget, output and input gate pre-activations, the cell state
   *     (updated) and the step's output (written)
   */
  private static void cellStep(float[] gates, float[][] scratch, int hidden) {
    float[] candidate = scratch[0];
    float[] forget = scratch[1];
    float[] output = scratch[2];
    float[] gate = scratch[3];
    float[] cell = scratch[4];
    float[] out = scratch[5];
    for (int block = 0; block < 4; block++) {
      System.arraycopy(gates, block * hidden, scratch[block], 0, hidden);
    }
    for (int u = 0; u < hidden; u++) {
      float c = LstmMath.sigmoid(forget[u]) * cell[u]
          + LstmMath.sigmoid(gate[u]) * LstmMath.tanh(candidate[u]);
      cell[u] = c;
      out[u] = LstmMath.sigmoid(output[u]) * LstmMath.tanh(c);
    }
  }
}
