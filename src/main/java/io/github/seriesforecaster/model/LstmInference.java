package io.github.seriesforecaster.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.seriesforecaster.model.lstm.LstmMath;
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
 */
public final class LstmInference {
  private final List<Lstm> layers;
  private final float[] outputWeights;
  private final float[] outputBias;
  private final int outputs;
  private final int maxHidden;

  private record Lstm(int inputs, int hidden, float[] input, float[] recurrent, float[] bias) {}

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
      lstms.add(new Lstm((int) input.size(0), hidden, flat(input), flat(recurrent),
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
    return config instanceof io.github.seriesforecaster.model.lstm.FastLstm;
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
    float[] gates = new float[4 * maxHidden];
    for (Lstm layer : layers) {
      int hidden = layer.hidden;
      int columns = 4 * hidden;
      float[] next = new float[steps * hidden];
      float[] cell = new float[hidden];
      float[] previous = new float[hidden];
      for (int t = 0; t < steps; t++) {
        System.arraycopy(layer.bias, 0, gates, 0, columns);
        for (int k = 0; k < width; k++) {
          float x = sequence[t * width + k];
          int row = k * columns;
          for (int j = 0; j < columns; j++) {
            gates[j] += x * layer.input[row + j];
          }
        }
        for (int k = 0; k < hidden; k++) {
          float h = previous[k];
          int row = k * columns;
          for (int j = 0; j < columns; j++) {
            gates[j] += h * layer.recurrent[row + j];
          }
        }
        // activations in separate single-array loops, which the JIT vectorises
        for (int j = 0; j < hidden; j++) {
          gates[j] = LstmMath.tanh(gates[j]);
        }
        for (int j = hidden; j < columns; j++) {
          gates[j] = LstmMath.sigmoid(gates[j]);
        }
        int out = t * hidden;
        for (int u = 0; u < hidden; u++) {
          // blocks: cell input, forget, output, input gate
          cell[u] = gates[hidden + u] * cell[u] + gates[3 * hidden + u] * gates[u];
          float h = gates[2 * hidden + u] * LstmMath.tanh(cell[u]);
          next[out + u] = h;
          previous[u] = h;
        }
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

}
