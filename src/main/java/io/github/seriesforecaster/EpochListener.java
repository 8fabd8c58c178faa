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

  /** A listener that does nothing. */
  EpochListener NONE = (epoch, epochs, loss, epochNanos, elapsedNanos) -> {};
}
