package io.github.seriesforecaster.spark;

/** How a {@link SeriesTask} tells a failed series (a row) from a failed task (Spark retries it). */
final class TaskFailures {
  private TaskFailures() {}

  /**
   * Lets errors that must not become a row through: an {@link Error} anywhere in the cause chain
   * (thrown itself, with the exception that wrapped it attached as suppressed), and interruption,
   * which is how Spark kills a task.
   */
  static void rethrowIfFatal(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof Error error) {
        error.addSuppressed(e);
        throw error;
      }
      if (cause == cause.getCause()) {
        break;
      }
    }
    if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("task interrupted", e);
    }
  }

  /**
   * @param e an exception
   * @param limit maximum characters
   * @return its message, and its root cause's when that differs, cut to {@code limit} characters
   */
  static String boundedMessage(Throwable e, int limit) {
    String message = String.valueOf(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
      message += " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
    }
    return message.length() <= limit ? message : message.substring(0, limit - 1) + "…";
  }
}
