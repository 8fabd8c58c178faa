package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.EpochListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows training progress on stderr: a bar redrawn in place on a terminal, plain lines at every
 * tenth of the epochs otherwise (logs, CI, pipes), nothing when quiet. When training ends the bar
 * shows how (stopped early or completed, and the epoch kept) and its line is ended, before the fit
 * logs anything.
 */
final class Progress implements EpochListener {
  private static final int BAR_WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final boolean quiet;
  private long lastDrawNanos;
  private int lastTenth;
  private boolean barDrawn;
  private int lastEpochs;
  private int lastLineLength;

  /**
   * @param err where progress goes
   * @param terminal whether a person watches: redraw one line with carriage returns
   * @param quiet show nothing
   */
  Progress(PrintWriter err, boolean terminal, boolean quiet) {
    this.err = err;
    this.terminal = terminal;
    this.quiet = quiet;
  }

  @Override
  public void epochEnded(int epoch, int epochs, double loss, long epochNanos, long elapsedNanos) {
    if (quiet) {
      return;
    }
    lastEpochs = epochs;
    double seconds = elapsedNanos / 1e9;
    double left = seconds / epoch * (epochs - epoch);
    if (terminal) {
      long now = System.nanoTime();
      if (barDrawn && epoch < epochs && now - lastDrawNanos < REDRAW_NANOS) {
        return; // many epochs take a millisecond: redraw at most ten times a second
      }
      lastDrawNanos = now;
      draw(String.format(Locale.ROOT, "%s %3d%%  loss %.4g  ETA %s ", bar(epoch, epochs),
          100L * epoch / epochs, loss, duration(left)));
    } else {
      int tenth = (int) (10L * epoch / epochs);
      if (tenth > lastTenth || epoch == 1) {
        lastTenth = tenth;
        err.println(String.format(Locale.ROOT,
            "epoch %d/%d (%d%%): loss %.4g, %s elapsed, at most %s left",
            epoch, epochs, 100L * epoch / epochs, loss, duration(seconds), duration(left)));
        err.flush();
      }
    }
  }

  /**
   * Shows how training really ended, e.g. {@code stopped early at epoch 32, best epoch 2}, and
   * ends the line: whatever is printed next (a warning, the results) starts on a fresh one.
   */
  @Override
  public void trainingEnded(int epochsRun, int bestEpoch, String stopReason) {
    if (quiet) {
      return;
    }
    String end = endState(epochsRun, lastEpochs, bestEpoch, stopReason);
    if (terminal) {
      draw(bar(epochsRun, Math.max(epochsRun, lastEpochs)) + " " + end);
      finish();
    } else {
      err.println(end);
      err.flush();
    }
  }

  /**
   * @return {@code stopped early at epoch 32, best epoch 2 (no validation improvement for 30
   *     epochs)} or {@code completed 300 epochs, best epoch 300}
   */
  static String endState(int epochsRun, int epochs, int bestEpoch, String stopReason) {
    if (epochsRun < epochs) {
      int colon = stopReason.indexOf(':');
      String why = colon < 0 ? stopReason : stopReason.substring(colon + 1).strip();
      return String.format(Locale.ROOT, "stopped early at epoch %d, best epoch %d (%s)",
          epochsRun, bestEpoch, why);
    }
    return String.format(Locale.ROOT, "completed %d epochs, best epoch %d", epochsRun, bestEpoch);
  }

  private String bar(int epoch, int epochs) {
    int filled = (int) ((long) BAR_WIDTH * epoch / epochs);
    return String.format(Locale.ROOT, "epoch %" + digits(epochs) + "d/%d [%s%s]", epoch, epochs,
        "#".repeat(filled), ".".repeat(BAR_WIDTH - filled));
  }

  /** Redraws the line; blanks what a longer previous line left behind. */
  private void draw(String line) {
    int blank = Math.max(0, lastLineLength - line.length());
    err.print("\r" + line + " ".repeat(blank));
    err.flush();
    lastLineLength = line.length();
    barDrawn = true;
  }

  /** Ends the bar's line, so what follows starts on a fresh one. */
  void finish() {
    if (barDrawn) {
      err.println();
      err.flush();
      barDrawn = false;
      lastLineLength = 0;
    }
  }

  /** @return e.g. {@code 0:07}, {@code 12:30}, {@code 1:02:03} */
  static String duration(double seconds) {
    long total = Math.round(seconds);
    long hours = total / 3600;
    long minutes = total / 60 % 60;
    long rest = total % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
        : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
  }

  private static int digits(int value) {
    return Integer.toString(value).length();
  }
}
