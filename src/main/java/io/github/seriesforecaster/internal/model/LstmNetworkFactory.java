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
 * Builds the network a configuration describes: LSTM layers ({@code FastLstm} on the CPU backend
 * unless {@code STANDARD} is configured), then an identity RNN output layer with MSE loss.
 */
public final class LstmNetworkFactory {
  private LstmNetworkFactory() {}

  /**
   * @param config the settings; {@code hidden}, {@code layers}, {@code learningRate} and {@code seed} are used
   * @param inputs input columns per time step: 1 for the target alone, more with features
   * @return the DL4J configuration, input {@code [batch, inputs, window]}, output
   *     {@code [batch, horizon, window]}
   */
  public static MultiLayerConfiguration configuration(ForecasterConfig config, int inputs) {
    return configuration(config, inputs,
        config.lstm() == LstmImplementation.FAST && Backends.isCpu());
  }

  private static MultiLayerConfiguration configuration(
      ForecasterConfig config, int inputCount, boolean fast) {
    var layers = new NeuralNetConfiguration.Builder()
        .seed(config.seed())
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(config.learningRate()))
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
        .list();
    for (int i = 0; i < config.layers(); i++) {
      int inputs = i == 0 ? inputCount : config.hidden();
      layers.layer(fast
          ? new FastLstm.Builder().nIn(inputs).nOut(config.hidden()).activation(Activation.TANH)
              .build()
          : new LSTM.Builder().nIn(inputs).nOut(config.hidden()).activation(Activation.TANH)
              .build());
    }
    layers.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE)
        .activation(Activation.IDENTITY)
        .nIn(config.hidden())
        .nOut(config.horizon())
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
    boolean hasFast = false;
    for (var layer : network.getLayers()) {
      hasFast |= layer.conf().getLayer() instanceof FastLstm;
    }
    if (!hasFast) {
      return network;
    }
    int inputs = (int) network.getLayer(0).getParam("W").size(0);
    // an ensemble's merged network is wider than config.hidden(): take the width from the weights
    int hidden = (int) network.getLayer(0).getParam("RW").size(0);
    MultiLayerNetwork standard = new MultiLayerNetwork(
        configuration(config.toBuilder().hidden(hidden).config(), inputs, false));
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
    MultiLayerNetwork network = new MultiLayerNetwork(configuration(config, inputs));
    network.init();
    return network;
  }
}
