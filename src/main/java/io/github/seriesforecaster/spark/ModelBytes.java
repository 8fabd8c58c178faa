package io.github.seriesforecaster.spark;

import io.github.seriesforecaster.SeriesForecaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fitted forecaster as the bytes of its model file (the zip {@code SeriesForecaster.load} reads). */
final class ModelBytes {
  private ModelBytes() {}

  /**
   * @param forecaster a fitted forecaster
   * @return the bytes {@link SeriesForecaster#save(Path)} writes
   * @throws IOException if the temporary file cannot be written or read
   */
  static byte[] of(SeriesForecaster forecaster) throws IOException {
    Path folder = Files.createTempDirectory("series-forecaster-spark");
    Path file = folder.resolve("model.zip");
    try {
      forecaster.save(file);
      return Files.readAllBytes(file);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(folder);
    }
  }

  /**
   * @param bytes the content of a model file
   * @return the forecaster {@link SeriesForecaster#load(Path)} reads from it
   * @throws IOException if the temporary file cannot be written or read
   * @throws io.github.seriesforecaster.ModelFormatException if the bytes are not a model file
   */
  static SeriesForecaster load(byte[] bytes) throws IOException {
    Path file = Files.createTempFile("series-forecaster-spark", ".zip");
    try {
      Files.write(file, bytes);
      return SeriesForecaster.load(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
