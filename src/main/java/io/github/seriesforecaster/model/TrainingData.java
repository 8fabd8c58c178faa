package io.github.seriesforecaster.model;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a model was trained on, recorded in its file so a model can be traced to its data.
 *
 * @param source file name, or {@code array} for a series passed in memory
 * @param column the column's header name, or {@code value}
 * @param rows data rows read
 * @param missing rows without a value
 * @param values values used
 * @param sha256 SHA-256 of the values as big-endian IEEE-754 doubles, hex
 * @param timeStep ISO-8601 spacing of the timestamps (configured or inferred), or {@code null}
 *     without a date column
 */
public record TrainingData(String source, String column, int rows, int missing, int values,
    String sha256, String timeStep) {

  public TrainingData {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** @return the summary of {@code series} */
  public static TrainingData of(String source, String column, int rows, int missing,
      double[] series, String timeStep) {
    return new TrainingData(
        source, column, rows, missing, series.length, sha256(series), timeStep);
  }

  static String sha256(double[] series) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ByteBuffer bytes = ByteBuffer.allocate(Double.BYTES * 1024);
      for (int i = 0; i < series.length; i++) {
        if (!bytes.hasRemaining()) {
          digest.update(bytes.flip());
          bytes.clear();
        }
        bytes.putDouble(series[i]);
      }
      digest.update(bytes.flip());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
