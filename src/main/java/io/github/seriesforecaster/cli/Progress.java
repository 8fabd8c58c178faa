package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.EpochListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows training progress on stderr: a bar redrawn in place on a terminal, plain lines at every
 * tenth of the epochs otherwise (logs, CI, pipes), nothing when quiet.
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
    double seconds = elapsedNanos / 1e9;
    double left = seconds / epoch * (epochs - epoch);
    if (terminal) {
      long now = System.nanoTime();
      if (barDrawn && epoch < epochs && now - lastDrawNanos < REDRAW_NANOS) {
        return; // many epochs take a millisecond: redraw at most ten times a second
      }
      lastDrawNanos = now;
      int filled = (int) ((long) BAR_WIDTH * epoch / epochs);
      err.print(String.format(Locale.ROOT,
          "\repoch %" + digits(epochs) + "d/%d [%s%s] %3d%%  loss %.4g  ETA %s ", epoch, epochs,
          "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
          100L * epoch / epochs, loss, duration(left)));
      err.flush();
      barDrawn = true;
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

  /** Ends the bar's line, so what follows starts on a fresh one. */
  void finish() {
    if (barDrawn) {
      err.println();
      err.flush();
      barDrawn = false;
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
