package io.github.seriesforecaster.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that a crash leaves either the old file or the new one: the content goes to a
 * temporary file in the target's folder, is forced to disk, then moved over the target in one step.
 */
public final class AtomicFile {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Content {
    /** @param out the stream to write to; closed by the caller */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * @param target the file to write or replace; missing parent folders are created
   * @param expected what the target should be, for the message when it is a directory, e.g.
   *     {@code a model file path}
   * @param content writes the file's bytes
   * @throws IOException if the target is a directory or cannot be written
   */
  public static void write(Path target, String expected, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new IOException(target + " is a directory; expected " + expected);
    }
    Path folder = absolute.getParent();
    Files.createDirectories(folder);
    // not Files.createTempFile: its owner-only permissions would carry over to the target
    Path temporary = folder.resolve("." + absolute.getFileName() + "."
        + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // same folder, so this only happens on file systems without atomic rename
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
