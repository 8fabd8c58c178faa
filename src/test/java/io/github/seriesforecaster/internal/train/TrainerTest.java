package io.github.seriesforecaster.internal.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.LstmImplementation;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.internal.model.LstmNetworkFactory;
import io.github.seriesforecaster.internal.model.lstm.FastLstmTrainingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class TrainerTest {

  private static ForecasterConfig config(int patience, LstmImplementation lstm) {
    return SeriesForecaster.builder().window(4).hidden(5).layers(2).epochs(6).batchSize(32)
        .learningRate(0.01).seed(3).patience(patience).lstm(lstm).config();
  }

  /** Many-to-one windows like data.Windows makes: target and mask on the last step only. */
  private static DataSet windows(int count, int window, long seed) {
    Random random = new Random(seed);
    float[] features = new float[count * window];
    float[] labels = new float[count * window];
    float[] mask = new float[count * window];
    for (int i = 0; i < count; i++) {
      for (int t = 0; t < window; t++) {
        features[i * window + t] = (float) random.nextGaussian();
      }
      labels[i * window + window - 1] = (float) random.nextGaussian();
      mask[i * window + window - 1] = 1;
    }
    return new DataSet(Nd4j.create(features, new long[] {count, 1, window}, 'c'),
        Nd4j.create(labels, new long[] {count, 1, window}, 'c'), null,
        Nd4j.create(mask, new long[] {count, window}, 'c'));
  }

  private static float[] params(MultiLayerNetwork network) {
    return network.params().dup().reshape(network.params().length()).toFloatVector();
  }

  /**
   * Both paths of Trainer (fixed epochs, early stopping) with our training step give what they
   * give with MultiLayerNetwork.fit. A network with a DL4J listener does not qualify for the
   * step, which gives the reference.
   */
  @ParameterizedTest(name = "patience {0}")
  @ValueSource(ints = {0, 2})
  void train_trainingStepMatchesNetworkFit(int patience) {
    ForecasterConfig config = config(patience, LstmImplementation.FAST);
    MultiLayerNetwork fast = LstmNetworkFactory.create(config);
    MultiLayerNetwork reference = fast.clone();
    reference.setListeners(new BaseTrainingListener() {});
    assertThat(FastLstmTrainingStep.of(fast)).as("the network qualifies").isPresent();
    assertThat(FastLstmTrainingStep.of(reference)).as("the reference does not").isEmpty();
    DataSet training = windows(100, 4, 1);
    DataSet validation = windows(30, 4, 2);
    List<Double> fastLosses = new ArrayList<>();
    List<Double> referenceLosses = new ArrayList<>();

    Trainer.Trained a = Trainer.train(fast, training, validation, config, losses(fastLosses));
    Trainer.Trained b = Trainer.train(reference, training, validation, config, losses(referenceLosses));

    assertThat(a.summary().epochsRun()).isEqualTo(b.summary().epochsRun());
    assertThat(a.summary().bestEpoch()).isEqualTo(b.summary().bestEpoch());
    assertThat(fastLosses).hasSize(referenceLosses.size());
    for (int i = 0; i < fastLosses.size(); i++) {
      assertThat(fastLosses.get(i)).isCloseTo(referenceLosses.get(i),
          org.assertj.core.data.Percentage.withPercentage(1e-2));
    }
    float[] x = params(a.network());
    float[] y = params(b.network());
    for (int i = 0; i < x.length; i++) {
      assertThat((double) x[i]).isCloseTo(y[i], org.assertj.core.data.Offset.offset(1e-4));
    }
    assertThat(a.network().getIterationCount()).isEqualTo(b.network().getIterationCount());
  }

  private static EpochListener losses(List<Double> into) {
    return (epoch, epochs, loss, epochNanos, elapsedNanos) -> into.add(loss);
  }

  /**
   * A network that does not qualify for the step trains with network.fit, bit for bit. One batch
   * holding all windows is never shuffled, so the reference is a plain loop of fit calls.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"STANDARD", "FAST_WITH_LISTENER"})
  void train_networkFitWhenTheNetworkDoesNotQualify(String kind) {
    LstmImplementation lstm = kind.equals("STANDARD")
        ? LstmImplementation.STANDARD : LstmImplementation.FAST;
    ForecasterConfig config = config(0, lstm).toBuilder().epochs(3).batchSize(64).config();
    MultiLayerNetwork network = LstmNetworkFactory.create(config);
    if (!kind.equals("STANDARD")) {
      network.setListeners(new BaseTrainingListener() {});
    }
    MultiLayerNetwork reference = network.clone();
    DataSet windows = windows(40, 4, 5);

    Trainer.train(network, windows, null, config, EpochListener.NONE);
    for (int i = 0; i < 3; i++) {
      reference.fit(windows);
    }

    assertThat(params(network)).isEqualTo(params(reference));
    assertThat(network.score()).isEqualTo(reference.score());
  }

  /** Losses over more windows than one forward pass takes equal the loss of one pass. */
  @ParameterizedTest(name = "patience {0}")
  @ValueSource(ints = {0, 2})
  void train_scoresLongSetsInSlicesWithTheSameLoss(int patience) {
    ForecasterConfig config = SeriesForecaster.builder().window(30).hidden(64).layers(2)
        .epochs(1).batchSize(512).seed(3).patience(patience).config();
    int perPass = io.github.seriesforecaster.internal.model.ForwardPassSize.windows(config);
    DataSet windows = windows(2 * perPass + 300, 30, 11);
    DataSet validation = windows(perPass + 5, 30, 12);
    assertThat(Trainer.slices(windows, config)).hasSize(3);
    assertThat(Trainer.slices(validation, config)).hasSize(2);
    Trainer.Trained trained = Trainer.train(LstmNetworkFactory.create(config), windows,
        validation, config, EpochListener.NONE);
    double whole = trained.network().score(windows);
    assertThat(trained.summary().trainingLoss())
        .isCloseTo(whole, org.assertj.core.api.Assertions.within(1e-5 * whole));
  }
}
