package io.github.seriesforecaster.internal.global;

import io.github.seriesforecaster.many.GlobalConfig;
import io.github.seriesforecaster.many.TrainingLoss;
import io.github.seriesforecaster.internal.runtime.Backends;
import io.github.seriesforecaster.internal.model.lstm.FastLstm;
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
 * The global model's network: LSTM layers ({@code FastLstm} on the CPU backend, DL4J's
 * {@code LSTM} elsewhere; same weights) reading {@code valuesPerStep} values per time step, then an
 * identity {@code RnnOutputLayer} with {@code horizon} outputs, read at the last time step.
 */
final class GlobalNetworks {
  private GlobalNetworks() {}

  /**
   * @param config the settings
   * @param seed the weight seed of this ensemble member
   * @return the DL4J configuration, input {@code [batch, valuesPerStep, steps]}, output
   *     {@code [batch, horizon, steps]}
   */
  static MultiLayerConfiguration configuration(GlobalConfig config, long seed) {
    return configuration(config, seed, Backends.isCpu());
  }

  static MultiLayerConfiguration configuration(GlobalConfig config, long seed, boolean fast) {
    var layers = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(config.learningRate()))
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
        .list();
    for (int i = 0; i < config.layers(); i++) {
      int inputs = i == 0 ? config.valuesPerStep() : config.hidden();
      layers.layer(fast
          ? new FastLstm.Builder().nIn(inputs).nOut(config.hidden()).activation(Activation.TANH)
              .build()
          : new LSTM.Builder().nIn(inputs).nOut(config.hidden()).activation(Activation.TANH)
              .build());
    }
    LossFunctions.LossFunction loss = config.loss() == TrainingLoss.MAE
        ? LossFunctions.LossFunction.MEAN_ABSOLUTE_ERROR : LossFunctions.LossFunction.MSE;
    layers.layer(new RnnOutputLayer.Builder(loss)
        .activation(Activation.IDENTITY)
        .nIn(config.hidden())
        .nOut(config.horizon())
        .build());
    return layers.build();
  }

  /**
   * @param config the settings
   * @param seed the weight seed
   * @return an initialised network
   */
  static MultiLayerNetwork create(GlobalConfig config, long seed) {
    MultiLayerNetwork network = new MultiLayerNetwork(configuration(config, seed));
    network.init();
    return network;
  }
}
