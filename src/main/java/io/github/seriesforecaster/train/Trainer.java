package io.github.seriesforecaster.train;

import io.github.seriesforecaster.EpochListener;
import io.github.seriesforecaster.ForecasterConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a network on windows for the configured number of epochs.
 *
 * <p>The mini-batches are cut once (after one seeded shuffle of the windows) and only their order is
 * shuffled per epoch: rebuilding batches every epoch costs more than the training step itself on
 * small networks. Progress goes to SLF4J: INFO about ten times per fit, DEBUG every epoch.
 */
public final class Trainer {
  private static final Logger log = LoggerFactory.getLogger(Trainer.class);
  private static final int PROGRESS_LINES = 10;

  private Trainer() {}

  /**
   * @param network an initialised network, trained in place
   * @param windows all training windows
   * @param config epochs, batch size and seed
   * @param listener told about each epoch
   * @return what the training did
   */
  public static TrainingSummary train(MultiLayerNetwork network, DataSet windows,
      ForecasterConfig config, EpochListener listener) {
    long start = System.nanoTime();
    Random random = new Random(config.seed());
    List<DataSet> batches = batches(windows, config.batchSize(), random);
    int epochs = config.epochs();
    int progressEvery = Math.max(1, epochs / PROGRESS_LINES);
    long epochStart = start;
    for (int epoch = 1; epoch <= epochs; epoch++) {
      if (batches.size() > 1) {
        Collections.shuffle(batches, random);
      }
      for (DataSet batch : batches) {
        network.fit(batch);
      }
      long now = System.nanoTime();
      double loss = network.score();
      listener.epochEnded(epoch, epochs, loss, now - epochStart, now - start);
      epochStart = now;
      if (log.isDebugEnabled() || epoch % progressEvery == 0) {
        long elapsed = (now - start) / 1_000_000;
        if (epoch % progressEvery == 0) {
          log.info("epoch {}/{}: loss {} after {} ms", epoch, epochs, loss, elapsed);
        } else {
          log.debug("epoch {}/{}: loss {} after {} ms", epoch, epochs, loss, elapsed);
        }
      }
    }
    double loss = network.score(windows);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new TrainingSummary(epochs, epochs, "completed " + epochs + " epochs", loss, millis);
  }

  private static List<DataSet> batches(DataSet windows, int batchSize, Random random) {
    if (windows.numExamples() <= batchSize) {
      return new ArrayList<>(List.of(windows));
    }
    DataSet shuffled = windows.copy();
    shuffled.shuffle(random.nextLong());
    return new ArrayList<>(shuffled.batchBy(batchSize));
  }
}
