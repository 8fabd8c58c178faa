package io.github.seriesforecaster.spark;

import io.github.seriesforecaster.SeriesForecaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** A fitted forecaster as the bytes of its model file (the zip {@code SeriesForecaster.load} reads). */
final class ModelBytes {
  private ModelBytes() {}

  /**
   * @param forecaster a fitted forecaster
   * @return the bytes {@link SeriesForecaster#save(java.io.OutputStream)} writes
   * @throws IOException if writing fails
   */
  static byte[] of(SeriesForecaster forecaster) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    forecaster.save(bytes);
    return bytes.toByteArray();
  }

  /**
   * @param bytes the content of a model file
   * @return the forecaster {@link SeriesForecaster#load(java.io.InputStream)} reads from it
   * @throws IOException if reading fails
   * @throws io.github.seriesforecaster.ModelFormatException if the bytes are not a model file
   */
  static SeriesForecaster load(byte[] bytes) throws IOException {
    return SeriesForecaster.load(new ByteArrayInputStream(bytes));
  }
}
