package io.github.seriesforecaster.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.SeriesForecaster;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LstmInferenceTest {

  @Test
  void output_matchesDl4jTinyNetwork() {
    assertMatchesDl4j(3, 6, 1);
  }

  @Test
  void output_matchesDl4jStackedNetwork() {
    assertMatchesDl4j(30, 64, 2);
  }

  @Test
  void outputs_matchDl4jForEveryHorizonStep() {
    var config = SeriesForecaster.builder().window(6).hidden(5).horizon(4).seed(2).config();
    MultiLayerNetwork network = LstmNetworkFactory.create(config);
    LstmInference inference = LstmInference.of(network).orElseThrow();
    float[] window = {0.1f, -0.4f, 0.9f, 0.3f, -0.2f, 0.5f};
    INDArray output = network.output(Nd4j.create(window, new long[] {1, 1, 6}, 'c'));
    double[] outputs = inference.outputs(window);
    assertThat(outputs).hasSize(4);
    for (int k = 0; k < 4; k++) {
      assertThat(outputs[k]).isCloseTo(output.getDouble(0, k, 5), within(1e-5));
    }
  }

  @Test
  void outputs_matchDl4jWithSeveralInputColumns() {
    var config = SeriesForecaster.builder().window(5).hidden(6).layers(2).horizon(2).seed(4)
        .config();
    MultiLayerNetwork network = LstmNetworkFactory.create(config, 3);
    LstmInference inference = LstmInference.of(network).orElseThrow();
    Random random = new Random(1);
    float[] window = new float[3 * 5]; // column by column: [input][time]
    for (int i = 0; i < window.length; i++) {
      window[i] = (float) random.nextGaussian();
    }
    INDArray output = network.output(Nd4j.create(window, new long[] {1, 3, 5}, 'c'));
    double[] outputs = inference.outputs(window);
    for (int k = 0; k < 2; k++) {
      assertThat(outputs[k]).isCloseTo(output.getDouble(0, k, 4), within(1e-5));
    }
    // and the columns are not interchangeable: swapping two changes the output
    float[] swapped = window.clone();
    System.arraycopy(window, 5, swapped, 10, 5);
    System.arraycopy(window, 10, swapped, 5, 5);
    assertThat(inference.outputs(swapped)[0]).isNotCloseTo(outputs[0], within(1e-6));
    MultiLayerNetwork standard = LstmNetworkFactory.withStandardLayers(network, config);
    assertThat(standard.output(Nd4j.create(window, new long[] {1, 3, 5}, 'c')).getDouble(0, 0, 4))
        .isCloseTo(outputs[0], within(1e-5));
  }

  @Test
  void withStandardLayers_keepsTheOutputs() {
    var config = SeriesForecaster.builder().window(5).hidden(7).layers(2).seed(3).config();
    MultiLayerNetwork fast = LstmNetworkFactory.create(config);
    MultiLayerNetwork standard = LstmNetworkFactory.withStandardLayers(fast, config);
    assertThat(standard).isNotSameAs(fast);
    assertThat(standard.getLayer(0).conf().getLayer())
        .isInstanceOf(org.deeplearning4j.nn.conf.layers.LSTM.class);
    INDArray input = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 1, 5);
    double[] expected = fast.output(input).reshape(4 * 5).toDoubleVector();
    double[] actual = standard.output(input).reshape(4 * 5).toDoubleVector();
    assertThat(actual).containsExactly(expected, within(1e-5));
    assertThat(LstmNetworkFactory.withStandardLayers(standard, config)).isSameAs(standard);
  }

  private static void assertMatchesDl4j(int window, int hidden, int layers) {
    MultiLayerNetwork network = LstmNetworkFactory.create(
        SeriesForecaster.builder().window(window).hidden(hidden).layers(layers).seed(5).config());
    // move the weights away from their initial values, biases included
    Random random = new Random(9);
    INDArray params = network.params();
    for (long i = 0; i < params.length(); i++) {
      params.putScalar(i, params.getDouble(i) + 0.3 * random.nextGaussian());
    }
    network.setParams(params);
    LstmInference inference = LstmInference.of(network).orElseThrow();
    for (int trial = 0; trial < 20; trial++) {
      float[] window3 = new float[window];
      for (int t = 0; t < window; t++) {
        window3[t] = (float) random.nextGaussian();
      }
      INDArray output = network.output(Nd4j.create(window3, new long[] {1, 1, window}, 'c'));
      double expected = output.getDouble(0, 0, window - 1);
      assertThat(inference.output(window3)).isCloseTo(expected, within(1e-5));
    }
  }
}
