package io.github.seriesforecaster.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that a crash leaves either the old file or the new one: the content goes to a
 * temporary file in the target's folder, is forced to disk, then moved over the target in one step.
 * A failure (a full disk, a read-only folder, a parent that is a file) throws an
 * {@link IOException} that names the target and the reason, deletes the temporary file and leaves
 * an existing target unchanged.
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
   * @throws IOException if the target is a directory or cannot be written; the message names the
   *     target and the reason
   */
  public static void write(Path target, String expected, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new IOException(target + " is a directory; expected " + expected);
    }
    Path folder = absolute.getParent();
    for (Path ancestor = folder; ancestor != null; ancestor = ancestor.getParent()) {
      if (Files.exists(ancestor)) {
        if (!Files.isDirectory(ancestor)) {
          throw new IOException("cannot write " + target + ": " + ancestor
              + " is a file, not a folder");
        }
        break;
      }
    }
    boolean existed = Files.exists(absolute);
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      // not Files.createTempFile: its owner-only permissions would carry over to the target
      temporary = folder.resolve("." + absolute.getFileName() + "."
          + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
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
      temporary = null;
    } catch (IOException e) {
      IOException failure = new IOException("cannot write " + target + " (" + reason(e) + "); "
          + (existed ? "the existing file is unchanged" : "no file was written"), e);
      deleteQuietly(temporary, failure);
      throw failure;
    } catch (RuntimeException | Error e) {
      deleteQuietly(temporary, e);
      throw e;
    }
  }

  /** @return why the file system refused, without the temporary file's name */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException system && system.getReason() != null) {
      return system.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void deleteQuietly(Path temporary, Throwable failure) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
