package io.github.seriesforecaster.internal.train;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.TargetTransform;
import io.github.seriesforecaster.internal.data.TransformCodec;
import io.github.seriesforecaster.internal.model.EnsembleNetworks;
import io.github.seriesforecaster.internal.model.FittedModel;
import io.github.seriesforecaster.internal.model.TrainingData;
import io.github.seriesforecaster.internal.train.CandidateChoice.OnFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** The refit of the network {@link CandidateChoice} keeps, on every value of the series. */
final class Refit {
  private Refit() {}

  /**
   * The epochs of the refit: as many parameter updates as the folds' best epochs made, on
   * average. Where every training is one full batch that is the mean best epoch; a long series
   * whose refit has more mini-batches per epoch than its folds gets proportionally fewer epochs.
   */
  static int epochs(ForecasterConfig config, List<OnFold> onFolds, int refitWindows) {
    double updates = 0;
    for (OnFold onFold : onFolds) {
      updates += onFold.training().bestEpoch() * batches(onFold.trainingWindows(), config);
    }
    updates /= onFolds.size();
    return Math.max(1, (int) Math.round(updates / batches(refitWindows, config)));
  }

  private static int batches(int windows, ForecasterConfig config) {
    return Math.max(1, (windows + config.batchSize() - 1) / config.batchSize());
  }

  /**
   * Trains {@code ensemble} networks on every value (seeds {@code seed}, {@code seed + 1}, ...) for
   * {@code epochs} epochs each and merges them into one.
   */
  static Fitting.Trained train(ForecasterConfig config, TargetTransform transform, int epochs,
      double[][] inputs, List<String> names, TrainingData provenance, EpochListener listener,
      String source) {
    int length = inputs[0].length;
    List<Callable<Fitting.Trained>> members = new ArrayList<>();
    for (int m = 0; m < config.ensemble(); m++) {
      ForecasterConfig member =
          config.toBuilder().epochs(epochs).seed(config.seed() + m).config();
      members.add(() -> Fitting.trainOn(member, TransformCodec.of(transform, config.season()),
          inputs, names, length, provenance, listener, source));
    }
    List<Fitting.Trained> trained = ParallelTasks.run(members, config.parallelism());
    Fitting.Trained first = trained.get(0);
    if (trained.size() == 1) {
      return first;
    }
    List<MultiLayerNetwork> networks = new ArrayList<>();
    trained.forEach(t -> networks.add(t.model().network()));
    MultiLayerNetwork merged = EnsembleNetworks.merge(networks, config, inputs.length);
    networks.forEach(MultiLayerNetwork::close);
    FittedModel model = new FittedModel(config, merged, first.model().encoder(), provenance,
        Instant.now());
    return new Fitting.Trained(model, first.training(), first.trainingWindows());
  }
}
