package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.ForecasterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line the command line prints after {@code error: }. */
final class Failures {
  private Failures() {}

  /**
   * @param failure what went wrong
   * @return its message on one line; for failures the library does not document, the type too and
   *     a hint to rerun with {@code --verbose}
   */
  static String message(Throwable failure) {
    if (failure instanceof NoSuchFileException missing && missing.getReason() == null) {
      return missing.getFile() + ": no such file";
    }
    if (failure instanceof AccessDeniedException denied && denied.getReason() == null) {
      return denied.getFile() + ": permission denied";
    }
    String message = failure.getMessage() == null ? "" : oneLine(failure.getMessage());
    boolean expected = failure instanceof IOException || failure instanceof UncheckedIOException
        || failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
        || failure instanceof ForecasterException;
    if (expected && !message.isEmpty()) {
      return message;
    }
    return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message)
        + " (unexpected; run again with " + CommonOptions.VERBOSE + " for the stack trace)";
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
