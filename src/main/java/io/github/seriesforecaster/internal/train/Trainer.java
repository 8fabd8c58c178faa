package io.github.seriesforecaster.internal.train;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.internal.runtime.Backends;
import io.github.seriesforecaster.internal.model.ForwardPassSize;
import io.github.seriesforecaster.internal.model.NetworkMemory;
import io.github.seriesforecaster.internal.model.lstm.FastLstmTrainingStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.EpochTerminationCondition;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.termination.ScoreImprovementEpochTerminationCondition;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a network on windows: with early stopping on the validation windows when there are some
 * and {@code patience > 0} (the best epoch's network is kept; DL4J's termination conditions, loss
 * calculator and model saver, driven as DL4J's {@code EarlyStoppingTrainer} drives them but without
 * its INFO line per epoch), otherwise for exactly {@code epochs} epochs.
 *
 * <p>The mini-batches are cut once (after one seeded shuffle of the windows) and only their order is
 * shuffled per epoch: rebuilding batches every epoch costs more than the training step itself on
 * small networks. Progress goes to SLF4J at DEBUG, every epoch; the fit's one INFO line is
 * {@code Fitting}'s.
 */
public final class Trainer {
  private static final Logger log = LoggerFactory.getLogger(Trainer.class);

  private Trainer() {}

  /**
   * @param network the trained network: the best epoch's when training stopped early
   * @param summary what the training did
   */
  public record Trained(MultiLayerNetwork network, TrainingSummary summary) {}

  /**
   * @param network an initialised network
   * @param windows all training windows
   * @param validation validation windows, or {@code null}
   * @param config epochs, patience, batch size and seed
   * @param listener told about each epoch
   * @return the network to keep and what the training did
   */
  public static Trained train(MultiLayerNetwork network, DataSet windows, DataSet validation,
      ForecasterConfig config, EpochListener listener) {
    Optional<FastLstmTrainingStep> fast = fastStep(network);
    try {
      return train(network, fast.<Consumer<DataSet>>map(step -> step::fit).orElse(network::fit),
          windows, validation, config, listener);
    } finally {
      // its batch copies and activations are off-heap: free them now rather than at a later GC
      fast.ifPresent(FastLstmTrainingStep::close);
    }
  }

  /**
   * Our own training step where it computes what {@code network.fit} does (FastLstm networks on
   * the CPU) without DL4J's fixed cost per call; empty where {@code network.fit} must do it.
   */
  private static Optional<FastLstmTrainingStep> fastStep(MultiLayerNetwork network) {
    Optional<FastLstmTrainingStep> fast =
        Backends.isCpu() ? FastLstmTrainingStep.of(network) : Optional.empty();
    if (fast.isEmpty()) {
      log.debug("training with MultiLayerNetwork.fit: the network does not qualify for "
          + "FastLstmTrainingStep");
    }
    return fast;
  }

  /** @param step trains the network on one mini-batch */
  private static Trained train(MultiLayerNetwork network, Consumer<DataSet> step,
      DataSet windows, DataSet validation, ForecasterConfig config, EpochListener listener) {
    long start = System.nanoTime();
    Random random = new Random(config.seed());
    List<DataSet> batches = batches(windows, config.batchSize(), random);
    Progress progress = new Progress(config.epochs(), listener, start);
    if (validation == null || config.patience() == 0) {
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        if (batches.size() > 1) {
          Collections.shuffle(batches, random);
        }
        for (DataSet batch : batches) {
          step.accept(batch);
        }
        progress.epochEnded(epoch, network.score());
      }
      int epochs = config.epochs();
      listener.trainingEnded(epochs, epochs, "completed " + epochs + " epochs");
      return new Trained(network, new TrainingSummary(epochs, epochs,
          "completed " + epochs + " epochs", score(network, windows, config), millisSince(start)));
    }
    // DL4J's EarlyStoppingTrainer runs this same loop but logs two INFO lines per epoch that no
    // SLF4J call can turn off; its parts (termination conditions, score calculator, model saver)
    // are used here as it uses them, so the kept network and the epochs run are the same
    List<EpochTerminationCondition> conditions = List.of(
        new MaxEpochsTerminationCondition(config.epochs()),
        new ScoreImprovementEpochTerminationCondition(config.patience()));
    conditions.forEach(EpochTerminationCondition::initialize);
    DataSetLossCalculator validationLoss = new DataSetLossCalculator(
        new ExistingDataSetIterator(slices(validation, config)), true);
    InMemoryModelSaver<MultiLayerNetwork> saver = new InMemoryModelSaver<>();
    DataSetIterator epochBatches = new ExistingDataSetIterator(new Shuffled(batches, random));
    double bestScore = Double.MAX_VALUE;
    int bestIndex = -1; // 0-based, as DL4J counts
    int epochIndex = 0;
    EpochTerminationCondition hit = null;
    while (hit == null) {
      epochBatches.reset();
      network.setEpochCount(epochIndex);
      while (epochBatches.hasNext()) {
        step.accept(epochBatches.next());
      }
      double score = validationLoss.calculateScore(network);
      if (score < bestScore || (bestIndex == -1 && !Double.isFinite(score))) {
        bestScore = score;
        bestIndex = epochIndex;
        saveBest(saver, network, score);
      }
      progress.epochEnded(epochIndex + 1, network.score());
      for (EpochTerminationCondition condition : conditions) {
        if (condition.terminate(epochIndex, score, true)) {
          hit = condition;
          break;
        }
      }
      epochIndex++;
    }
    int epochsRun = epochIndex;
    MultiLayerNetwork best = bestOf(saver);
    if (best != network) {
      // the kept network is a copy; free the trained one's native memory now rather than at a GC
      NetworkMemory.release(network);
    }
    int bestEpoch = bestIndex + 1;
    String reason = epochsRun < config.epochs()
        ? "stopped early: no validation improvement for " + config.patience() + " epochs"
        : "completed " + epochsRun + " epochs";
    log.debug("early stopping: {}, best epoch {} with validation loss {}", hit, bestEpoch,
        bestScore);
    listener.trainingEnded(epochsRun, bestEpoch, reason);
    return new Trained(best, new TrainingSummary(epochsRun, bestEpoch, reason,
        score(best, windows, config), millisSince(start)));
  }

  // InMemoryModelSaver keeps a copy in memory; its IOException never happens
  private static void saveBest(InMemoryModelSaver<MultiLayerNetwork> saver,
      MultiLayerNetwork network, double score) {
    try {
      saver.saveBestModel(network, score);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MultiLayerNetwork bestOf(InMemoryModelSaver<MultiLayerNetwork> saver) {
    try {
      return saver.getBestModel();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mean loss over all windows, in forward passes of {@link ForwardPassSize} windows. */
  private static double score(MultiLayerNetwork network, DataSet windows,
      ForecasterConfig config) {
    double sum = 0;
    for (DataSet slice : slices(windows, config)) {
      sum += network.score(slice) * slice.numExamples();
    }
    return sum / windows.numExamples();
  }

  /** Consecutive views of at most {@link ForwardPassSize} windows each (nothing is copied). */
  static List<DataSet> slices(DataSet windows, ForecasterConfig config) {
    int count = windows.numExamples();
    int size = ForwardPassSize.windows(config);
    if (count <= size) {
      return List.of(windows);
    }
    List<DataSet> slices = new ArrayList<>();
    for (int from = 0; from < count; from += size) {
      INDArrayIndex rows = NDArrayIndex.interval(from, Math.min(count, from + size));
      slices.add(new DataSet(
          windows.getFeatures().get(rows, NDArrayIndex.all(), NDArrayIndex.all()),
          windows.getLabels().get(rows, NDArrayIndex.all(), NDArrayIndex.all()),
          null,
          windows.getLabelsMaskArray().get(rows, NDArrayIndex.all())));
    }
    return slices;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static List<DataSet> batches(DataSet windows, int batchSize, Random random) {
    if (windows.numExamples() <= batchSize) {
      return new ArrayList<>(List.of(windows));
    }
    DataSet shuffled = windows.copy();
    shuffled.shuffle(random.nextLong());
    return new ArrayList<>(shuffled.batchBy(batchSize));
  }

  /** The batches in a new seeded order each time an epoch starts iterating. */
  private record Shuffled(List<DataSet> batches, Random random) implements Iterable<DataSet> {
    @Override
    public Iterator<DataSet> iterator() {
      if (batches.size() > 1) {
        Collections.shuffle(batches, random);
      }
      return batches.iterator();
    }
  }

  /** Reports each epoch to the listener and to the log. */
  private static final class Progress {
    private final int epochs;
    private final EpochListener listener;
    private final long start;
    private long epochStart;

    Progress(int epochs, EpochListener listener, long start) {
      this.epochs = epochs;
      this.listener = listener;
      this.start = start;
      this.epochStart = start;
    }

    void epochEnded(int epoch, double loss) {
      long now = System.nanoTime();
      listener.epochEnded(epoch, epochs, loss, now - epochStart, now - start);
      epochStart = now;
      if (log.isDebugEnabled()) {
        log.debug("epoch {}/{}: loss {} after {} ms", epoch, epochs, loss,
            (now - start) / 1_000_000);
      }
    }
  }
}
