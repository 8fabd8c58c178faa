package io.github.seriesforecaster.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TestSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EnsembleNetworksTest {

  @Test
  void merge_outputsTheMembersMean() {
    for (int layers = 1; layers <= 2; layers++) {
      ForecasterConfig config =
          SeriesForecaster.builder().window(5).hidden(3).layers(layers).horizon(2).config();
      List<MultiLayerNetwork> members = List.of(
          LstmNetworkFactory.create(config.toBuilder().seed(1).config(), 2),
          LstmNetworkFactory.create(config.toBuilder().seed(2).config(), 2),
          LstmNetworkFactory.create(config.toBuilder().seed(3).config(), 2));
      MultiLayerNetwork merged = EnsembleNetworks.merge(members, config, 2);
      Random random = new Random(4);
      float[] values = new float[4 * 2 * 5];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) random.nextGaussian();
      }
      INDArray input = Nd4j.create(values, new long[] {4, 2, 5}, 'c');
      INDArray mean = members.get(0).output(input).add(members.get(1).output(input))
          .add(members.get(2).output(input)).div(3);
      INDArray output = merged.output(input);
      assertThat(output.shape()).isEqualTo(mean.shape());
      double[] expected = mean.reshape(mean.length()).toDoubleVector();
      double[] actual = output.reshape(output.length()).toDoubleVector();
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).isCloseTo(expected[i], within(1e-5));
      }
      // the plain-Java forward pass reads the merged weights the same way
      LstmInference inference = LstmInference.of(merged).orElseThrow();
      float[] first = java.util.Arrays.copyOf(values, 2 * 5);
      assertThat(inference.outputs(first)[1]).isCloseTo(mean.getDouble(0, 1, 4), within(1e-5));
    }
  }

  @Test
  void fit_sameSeedsGiveTheSameForecastAndOneFileKeepsIt(@TempDir Path folder) throws Exception {
    double[] series = TestSeries.sine(70);
    SeriesForecaster first = TestSeries.tinyBuilder().ensemble(3).build();
    SeriesForecaster second = TestSeries.tinyBuilder().ensemble(3).build();
    first.fit(series);
    second.fit(series);
    double[] forecast = first.forecast(series, 4);
    assertThat(second.forecast(series, 4)).containsExactly(forecast);
    SeriesForecaster single = TestSeries.tinyBuilder().build();
    single.fit(series);
    assertThat(single.forecast(series, 4)).isNotEqualTo(forecast);

    Path file = folder.resolve("ensemble.zip");
    first.save(file);
    assertThat(Files.list(folder)).containsExactly(file);
    SeriesForecaster loaded = SeriesForecaster.load(file);
    assertThat(loaded.config().ensemble()).isEqualTo(3);
    assertThat(loaded.forecast(series, 4)).containsExactly(forecast);
  }
}
