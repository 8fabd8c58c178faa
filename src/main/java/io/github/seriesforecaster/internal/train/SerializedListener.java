package io.github.seriesforecaster.internal.train;

import io.github.seriesforecaster.EpochListener;

/**
 * An {@link EpochListener} for fits that run at once on several threads (folds, candidates):
 * every call, {@code epochEnded} and {@code trainingEnded} alike, reaches the wrapped listener one
 * at a time, so a progress bar is never drawn by two threads together.
 */
public final class SerializedListener {
  private SerializedListener() {}

  /**
   * @param listener the listener to protect
   * @return a listener whose calls reach {@code listener} one at a time; {@code NONE} unchanged
   */
  public static EpochListener of(EpochListener listener) {
    if (listener == EpochListener.NONE) {
      return listener;
    }
    return new EpochListener() {
      @Override
      public synchronized void epochEnded(int epoch, int epochs, double loss, long epochNanos,
          long elapsedNanos) {
        listener.epochEnded(epoch, epochs, loss, epochNanos, elapsedNanos);
      }

      @Override
      public synchronized void trainingEnded(int epochsRun, int bestEpoch, String stopReason) {
        listener.trainingEnded(epochsRun, bestEpoch, stopReason);
      }
    };
  }
}
