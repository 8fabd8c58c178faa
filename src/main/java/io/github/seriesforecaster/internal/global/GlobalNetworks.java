package io.github.seriesforecaster.internal.global;

import io.github.seriesforecaster.internal.model.LstmNetworkFactory;
import io.github.seriesforecaster.internal.model.LstmNetworkFactory.LstmStack;
import io.github.seriesforecaster.internal.runtime.Backends;
import io.github.seriesforecaster.many.GlobalConfig;
import io.github.seriesforecaster.many.TrainingLoss;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The global model's network, built by {@link LstmNetworkFactory}: LSTM layers ({@code FastLstm}
 * on the CPU backend, DL4J's {@code LSTM} elsewhere; same weights) reading {@code valuesPerStep}
 * values per time step, then an identity {@code RnnOutputLayer} with {@code horizon} outputs, read
 * at the last time step, learning with the configured loss.
 */
final class GlobalNetworks {
  private GlobalNetworks() {}

  /**
   * @param config the settings
   * @param seed the weight seed of this ensemble member
   * @return what the network is made of
   */
  static LstmStack stack(GlobalConfig config, long seed) {
    LossFunctions.LossFunction loss = config.loss() == TrainingLoss.MAE
        ? LossFunctions.LossFunction.MEAN_ABSOLUTE_ERROR : LossFunctions.LossFunction.MSE;
    return new LstmStack(config.valuesPerStep(), config.hidden(), config.layers(),
        config.horizon(), config.learningRate(), seed, loss);
  }

  /**
   * @param config the settings
   * @param seed the weight seed
   * @return an initialised network, input {@code [batch, valuesPerStep, steps]}, output
   *     {@code [batch, horizon, steps]}
   */
  static MultiLayerNetwork create(GlobalConfig config, long seed) {
    return LstmNetworkFactory.create(
        LstmNetworkFactory.configuration(stack(config, seed), Backends.isCpu()));
  }
}
