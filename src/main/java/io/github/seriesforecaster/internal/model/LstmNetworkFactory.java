package io.github.seriesforecaster.internal.model;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.LstmImplementation;
import io.github.seriesforecaster.internal.model.lstm.FastLstm;
import io.github.seriesforecaster.internal.runtime.Backends;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the LSTM networks of this library: LSTM layers ({@code FastLstm} on the CPU backend
 * unless {@code STANDARD} is configured; DL4J's {@code LSTM} has the same weights), then an
 * identity RNN output layer. A single-series model reads its input columns and learns with MSE; the
 * global model ({@code internal.global}) describes its own {@link LstmStack}.
 */
public final class LstmNetworkFactory {
  private LstmNetworkFactory() {}

  /**
   * What a network is made of.
   *
   * @param inputs values per time step the first layer reads, at least 1
   * @param hidden units per LSTM layer
   * @param layers LSTM layers
   * @param outputs outputs of the last layer, one per forecast step
   * @param learningRate Adam's learning rate
   * @param seed the weight seed
   * @param loss the training loss of the output layer
   */
  public record LstmStack(int inputs, int hidden, int layers, int outputs, double learningRate,
      long seed, LossFunctions.LossFunction loss) {
    /**
     * @param config the settings; {@code hidden}, {@code layers}, {@code horizon},
     *     {@code learningRate} and {@code seed} are used
     * @param inputs input columns per time step
     * @return the single-series network of {@code config}, learning with MSE
     */
    public static LstmStack of(ForecasterConfig config, int inputs) {
      return new LstmStack(inputs, config.hidden(), config.layers(), config.horizon(),
          config.learningRate(), config.seed(), LossFunctions.LossFunction.MSE);
    }

    /** @return the same stack {@code hidden} units wide */
    LstmStack withHidden(int units) {
      return new LstmStack(inputs, units, layers, outputs, learningRate, seed, loss);
    }
  }

  /**
   * @param config the settings; {@code hidden}, {@code layers}, {@code learningRate} and {@code seed} are used
   * @param inputs input columns per time step: 1 for the target alone, more with features
   * @return the DL4J configuration, input {@code [batch, inputs, window]}, output
   *     {@code [batch, horizon, window]}
   */
  public static MultiLayerConfiguration configuration(ForecasterConfig config, int inputs) {
    return configuration(LstmStack.of(config, inputs),
        config.lstm() == LstmImplementation.FAST && Backends.isCpu());
  }

  /**
   * @param stack what the network is made of
   * @param fast whether the LSTM layers are {@code FastLstm} (CPU backend only) rather than
   *     DL4J's {@code LSTM}
   * @return the DL4J configuration, input {@code [batch, inputs, steps]}, output
   *     {@code [batch, outputs, steps]}
   */
  public static MultiLayerConfiguration configuration(LstmStack stack, boolean fast) {
    var layers = new NeuralNetConfiguration.Builder()
        .seed(stack.seed())
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(stack.learningRate()))
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
        .list();
    for (int i = 0; i < stack.layers(); i++) {
      int inputs = i == 0 ? stack.inputs() : stack.hidden();
      layers.layer(fast
          ? new FastLstm.Builder().nIn(inputs).nOut(stack.hidden()).activation(Activation.TANH)
              .build()
          : new LSTM.Builder().nIn(inputs).nOut(stack.hidden()).activation(Activation.TANH)
              .build());
    }
    layers.layer(new RnnOutputLayer.Builder(stack.loss())
        .activation(Activation.IDENTITY)
        .nIn(stack.hidden())
        .nOut(stack.outputs())
        .build());
    return layers.build();
  }

  /**
   * The same network with DL4J's own {@code LSTM} layers in place of {@code FastLstm}: both have
   * the same parameter layout, so the weights are copied unchanged. Used when a model saved on the
   * CPU is loaded where {@code FastLstm}, which calls OpenBLAS on host memory, cannot run.
   *
   * @param network a network built by {@link #create}
   * @param config the configuration it was built from
   * @return {@code network} itself if it has no FastLstm layer, otherwise an equivalent network
   */
  public static MultiLayerNetwork withStandardLayers(
      MultiLayerNetwork network, ForecasterConfig config) {
    int inputs = (int) network.getLayer(0).getParam("W").size(0);
    return withStandardLayers(network, LstmStack.of(config, inputs));
  }

  /**
   * @param network a network built from {@code stack}, or from {@code stack} made wider
   * @param stack what it is made of
   * @return {@code network} itself if it has no FastLstm layer, otherwise an equivalent network
   *     with DL4J's {@code LSTM} layers
   */
  public static MultiLayerNetwork withStandardLayers(MultiLayerNetwork network, LstmStack stack) {
    boolean hasFast = false;
    for (var layer : network.getLayers()) {
      hasFast |= layer.conf().getLayer() instanceof FastLstm;
    }
    if (!hasFast) {
      return network;
    }
    // an ensemble's merged network is wider than config.hidden(): take the width from the weights
    int hidden = (int) network.getLayer(0).getParam("RW").size(0);
    MultiLayerNetwork standard =
        new MultiLayerNetwork(configuration(stack.withHidden(hidden), false));
    standard.init(network.params().dup(), false);
    return standard;
  }

  /**
   * @param config the settings
   * @return an initialised network for the target alone (one input per time step)
   */
  public static MultiLayerNetwork create(ForecasterConfig config) {
    return create(config, 1);
  }

  /**
   * @param config the settings
   * @param inputs input columns per time step
   * @return an initialised network with weights drawn from {@code config.seed()}
   */
  public static MultiLayerNetwork create(ForecasterConfig config, int inputs) {
    return create(configuration(config, inputs));
  }

  /**
   * @param configuration a configuration built here
   * @return an initialised network
   */
  public static MultiLayerNetwork create(MultiLayerConfiguration configuration) {
    MultiLayerNetwork network = new MultiLayerNetwork(configuration);
    network.init();
    return network;
  }
}
