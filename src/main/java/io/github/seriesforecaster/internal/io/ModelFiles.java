package io.github.seriesforecaster.internal.io;

import io.github.seriesforecaster.ModelFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a model file of either kind (single-series or global) for reading. */
public final class ModelFiles {
  private ModelFiles() {}

  /**
   * @param source the model file
   * @return a stream of its bytes, for the caller to close
   * @throws NoSuchFileException if the file does not exist
   * @throws IOException if it is a directory or cannot be opened
   * @throws ModelFormatException if it is empty
   */
  public static InputStream open(Path source) throws IOException {
    String name = source.toString();
    if (!Files.exists(source)) {
      throw new NoSuchFileException(name, null, "no such model file");
    }
    if (Files.isDirectory(source)) {
      throw new IOException(name + " is a directory; expected a model file");
    }
    if (Files.size(source) == 0) {
      throw new ModelFormatException(name + " is empty; expected a model zip");
    }
    return Files.newInputStream(source);
  }

  /**
   * @param where the file, or the file and entry, for the message
   * @param what what cannot be read, e.g. {@code the network or scaler}
   * @param cause what DL4J threw: a bare {@code RuntimeException} or {@code IOException} that does
   *     not name the file
   * @return the exception to throw, naming the file and the cause
   */
  public static ModelFormatException unreadable(String where, String what, Exception cause) {
    return new ModelFormatException(where + ": " + what + " cannot be read ("
        + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", cause);
  }
}
