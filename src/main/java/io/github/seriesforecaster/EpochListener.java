package io.github.seriesforecaster;

/**
 * Told about each finished training epoch, e.g. to draw a progress bar. Called on the thread that
 * runs {@code fit}; keep it quick, training waits for it.
 */
@FunctionalInterface
public interface EpochListener {

  /**
   * @param epoch the epoch just finished, from 1
   * @param epochs the most epochs this fit will run
   * @param loss the training loss of the epoch's last mini-batch, in scaled units
   * @param epochNanos how long the epoch took
   * @param elapsedNanos time since training started
   */
  void epochEnded(int epoch, int epochs, double loss, long epochNanos, long elapsedNanos);

  /**
   * Called once after the last epoch of each training run, before the fit scores the model or
   * logs anything: a progress bar ends its line here. A fit that tries several transforms trains,
   * and calls this, once per transform.
   *
   * @param epochsRun epochs trained
   * @param bestEpoch the epoch whose network is kept, from 1
   * @param stopReason why training ended, e.g. {@code stopped early: no validation improvement
   *     for 30 epochs} or {@code completed 300 epochs}
   */
  default void trainingEnded(int epochsRun, int bestEpoch, String stopReason) {}

  /** A listener that does nothing. */
  EpochListener NONE = (epoch, epochs, loss, epochNanos, elapsedNanos) -> {};
}
