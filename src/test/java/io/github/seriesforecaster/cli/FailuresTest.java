package io.github.seriesforecaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seriesforecaster.SeriesFormatException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void message_ofDocumentedFailuresIsTheirMessage() {
    assertThat(Failures.message(new SeriesFormatException("a.csv line 3: column 'x' is 'y', "
        + "expected a number"))).isEqualTo("a.csv line 3: column 'x' is 'y', expected a number");
    assertThat(Failures.message(new IllegalArgumentException("window must be >= 1, was 0")))
        .isEqualTo("window must be >= 1, was 0");
    assertThat(Failures.message(new IOException("m.zip is a directory; expected a model file")))
        .isEqualTo("m.zip is a directory; expected a model file");
  }

  @Test
  void message_ofFileSystemExceptionsWithoutAReason() {
    assertThat(Failures.message(new NoSuchFileException("a.csv"))).isEqualTo("a.csv: no such file");
    assertThat(Failures.message(new NoSuchFileException("a.zip", null, "no such model file")))
        .isEqualTo("a.zip: no such model file");
    assertThat(Failures.message(new AccessDeniedException("a.csv")))
        .isEqualTo("a.csv: permission denied");
  }

  @Test
  void message_isOneLine() {
    assertThat(Failures.message(new IllegalStateException("first\n  second\r\nthird\n")))
        .isEqualTo("first second third");
  }

  @Test
  void message_ofUnexpectedFailuresNamesTheTypeAndVerbose() {
    assertThat(Failures.message(new NullPointerException("boom"))).isEqualTo(
        "NullPointerException: boom (unexpected; run again with --verbose for the stack trace)");
    assertThat(Failures.message(new IllegalArgumentException())).isEqualTo(
        "IllegalArgumentException (unexpected; run again with --verbose for the stack trace)");
  }
}
