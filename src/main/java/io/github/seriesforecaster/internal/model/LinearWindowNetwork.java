package io.github.seriesforecaster.internal.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A network whose output at the last time step is a fixed linear function of its whole input
 * window: one causal 1-D convolution as wide as the window (identity activation), then an
 * identity output layer passing it on. It carries a linear forecaster such as
 * {@link HoltWinters} written over the window ({@link HoltWinters#seasonalDifferenceKernel}) in
 * the model's usual form, so the forecaster, its file and every caller treat it as any network.
 */
public final class LinearWindowNetwork {
  private LinearWindowNetwork() {}

  /**
   * @param weights one per input time step, oldest first (the window is their count)
   * @param bias added to the sum
   * @return the network: at the last of {@code weights.length} steps of one input column it
   *     outputs {@code bias + sum(weights[k] * input[k])}
   */
  public static MultiLayerNetwork create(double[] weights, double bias) {
    int window = weights.length;
    MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
        .seed(0)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(1e-3))
        .list()
        .layer(new Convolution1DLayer.Builder().nIn(1).nOut(1).kernelSize(window).stride(1)
            .convolutionMode(ConvolutionMode.Causal).activation(Activation.IDENTITY).build())
        .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(1).nOut(1)
            .activation(Activation.IDENTITY).build())
        .build();
    MultiLayerNetwork network = new MultiLayerNetwork(configuration);
    network.init();
    // one input and one output channel: the kernel's elements in order are its time steps
    INDArray kernel = network.getLayer(0).getParam("W");
    kernel.assign(Nd4j.create(weights).castTo(kernel.dataType()).reshape(kernel.shape()));
    network.getLayer(0).getParam("b").assign(bias);
    network.getLayer(1).getParam("W").assign(1);
    network.getLayer(1).getParam("b").assign(0);
    return network;
  }
}
