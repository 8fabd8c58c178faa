package io.github.seriesforecaster.internal.model;

import io.github.seriesforecaster.internal.data.SeriesData;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
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
 * @param features names of the feature columns the network also reads, in input order after the
 *     target column; empty for a model of the target alone
 */
public record TrainingData(String source, String column, int rows, int missing, int values,
    String sha256, String timeStep, List<String> features) {

  public TrainingData {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(sha256, "sha256");
    features = List.copyOf(features);
  }

  /** Training data of the target column alone. */
  public TrainingData(String source, String column, int rows, int missing, int values,
      String sha256, String timeStep) {
    this(source, column, rows, missing, values, sha256, timeStep, List.of());
  }

  /**
   * @param inputColumns the input columns' names, the target's first
   * @param inputs their values, the target first; the hash covers them in this order
   * @return the summary of the training data
   */
  public static TrainingData of(String source, int rows, int missing, String timeStep,
      List<String> inputColumns, double[][] inputs) {
    return new TrainingData(source, inputColumns.get(0), rows, missing, inputs[0].length,
        sha256(inputs), timeStep, inputColumns.subList(1, inputColumns.size()));
  }

  /** @return the target column's name, then the features' */
  public List<String> inputColumns() {
    return SeriesData.inputColumns(column, features);
  }

  static String sha256(double[]... columns) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ByteBuffer bytes = ByteBuffer.allocate(Double.BYTES * 1024);
      for (double[] series : columns) {
        for (int i = 0; i < series.length; i++) {
          if (!bytes.hasRemaining()) {
            digest.update(bytes.flip());
            bytes.clear();
          }
          bytes.putDouble(series[i]);
        }
      }
      digest.update(bytes.flip());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
