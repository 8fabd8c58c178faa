package io.github.seriesforecaster.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Model files in a folder of any Hadoop file system (local, HDFS, S3A, ...), written so that no
 * reader ever sees a partial file: each task attempt writes a hidden temporary file and renames it
 * into place (an atomic rename on HDFS and local disks; a server-side copy on object stores, whose
 * objects become visible only when complete). A retried or speculative attempt replaces the file
 * of an earlier attempt with the same model.
 */
final class ModelStore implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int READABLE_ID_CHARACTERS = 60;

  private final String folder;
  /** The driver's Hadoop settings (credentials, endpoints), which executors do not otherwise get. */
  private final Map<String, String> settings;

  ModelStore(String folder, Configuration configuration) {
    this.folder = folder;
    this.settings = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : configuration) {
      settings.put(entry.getKey(), entry.getValue());
    }
  }

  /**
   * @param id a series id
   * @return the model file's path: a readable part of the id and a hash of the whole id, so that
   *     any id maps to one safe file name and different ids never share one
   */
  String pathOf(String id) {
    StringBuilder readable = new StringBuilder();
    for (int i = 0; i < id.length() && readable.length() < READABLE_ID_CHARACTERS; i++) {
      char c = id.charAt(i);
      boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '_' || c == '.' && i > 0;
      readable.append(safe ? c : '_');
    }
    String hash = sha256(id.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    return new Path(new Path(URI.create(folder)), readable + "-" + hash + ".zip").toString();
  }

  /**
   * Writes a model file atomically and returns its path.
   *
   * @param id the series id
   * @param bytes the model file's content
   * @param attempt a number unique to this task attempt, for the temporary file's name
   * @return the path written
   * @throws IOException if writing or renaming fails
   */
  String write(String id, byte[] bytes, long attempt) throws IOException {
    Path target = new Path(pathOf(id));
    Path temporary = new Path(target.getParent(), "." + target.getName() + "." + attempt + ".tmp");
    FileSystem fs = target.getFileSystem(configuration());
    fs.setWriteChecksum(false); // no .crc side files on local disks
    try (OutputStream out = fs.create(temporary, true)) {
      out.write(bytes);
    }
    if (!fs.rename(temporary, target)) {
      // HDFS and others refuse to rename onto an existing file (an earlier attempt's)
      fs.delete(target, false);
      if (!fs.rename(temporary, target)) {
        fs.delete(temporary, false);
        throw new IOException("could not rename " + temporary + " to " + target);
      }
    }
    return target.toString();
  }

  /**
   * @param path a model file's path, as {@link #write} returned it
   * @return its content
   * @throws IOException if it cannot be read
   */
  byte[] read(String path) throws IOException {
    Path file = new Path(path);
    try (InputStream in = file.getFileSystem(configuration()).open(file)) {
      return in.readAllBytes();
    }
  }

  private Configuration configuration() {
    Configuration configuration = new Configuration(false);
    settings.forEach(configuration::set);
    return configuration;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
