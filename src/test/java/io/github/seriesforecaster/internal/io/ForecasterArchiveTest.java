package io.github.seriesforecaster.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TestSeries;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecasterArchiveTest {
  @TempDir Path folder;
  private Path saved;
  private final double[] series = TestSeries.sine(50);

  @BeforeEach
  void saveOne() throws IOException {
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(series);
    saved = folder.resolve("model.zip");
    forecaster.save(saved);
  }

  @Test
  void write_holdsDl4jEntriesAndMetadata() throws IOException {
    try (ZipFile zip = new ZipFile(saved.toFile())) {
      assertThat(zip.getEntry("configuration.json")).isNotNull();
      assertThat(zip.getEntry("coefficients.bin")).isNotNull();
      assertThat(zip.getEntry("normalizer.bin")).isNotNull();
      String json = new String(zip.getInputStream(zip.getEntry("metadata.json")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(json).contains("\"formatVersion\" : 1", "\"window\" : 4", "\"sha256\"",
          "\"transform\" : \"AUTO\"", "\"shrinkage\" : ", "\"dl4jVersion\" : \"1.0.0-M2.1\"");
    }
    // DL4J's own reader accepts the file too
    var pair = ModelSerializer.restoreMultiLayerNetworkAndNormalizer(saved.toFile(), false);
    assertThat(pair.getFirst()).isNotNull();
    assertThat(pair.getSecond()).isNotNull();
  }

  @Test
  void read_missingFile() {
    Path missing = folder.resolve("none.zip");
    assertThatThrownBy(() -> SeriesForecaster.load(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void read_emptyFile() throws IOException {
    Path empty = Files.createFile(folder.resolve("empty.zip"));
    assertThatThrownBy(() -> SeriesForecaster.load(empty))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(empty + " is empty; expected a model zip");
  }

  @Test
  void read_randomBytes() throws IOException {
    byte[] noise = new byte[4096];
    new Random(1).nextBytes(noise);
    Path file = Files.write(folder.resolve("noise.zip"), noise);
    assertThatThrownBy(() -> SeriesForecaster.load(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith(file + " is not a valid zip file");
  }

  @Test
  void read_truncatedFile() throws IOException {
    byte[] bytes = Files.readAllBytes(saved);
    Path file = Files.write(folder.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> SeriesForecaster.load(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void read_foreignDl4jModel() throws IOException {
    MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(saved.toFile(), false);
    Path foreign = folder.resolve("foreign.zip");
    ModelSerializer.writeModel(network, foreign.toFile(), false);
    assertThatThrownBy(() -> SeriesForecaster.load(foreign))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(foreign + " has no metadata.json; it is a DL4J model zip, but not one "
            + "written by series-forecaster");
  }

  @Test
  void read_newerFormatVersion() throws IOException {
    Path newer = rewriteMetadata("newer.zip",
        json -> json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 7"));
    assertThatThrownBy(() -> SeriesForecaster.load(newer))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(newer + " has format version 7; this release reads format versions 1 to 2");
  }

  @Test
  void read_invalidConfigInMetadata() throws IOException {
    Path bad = rewriteMetadata("bad.zip", json -> json.replace("\"window\" : 4", "\"window\" : 0"));
    assertThatThrownBy(() -> SeriesForecaster.load(bad))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(bad + ": metadata.json holds an invalid value: window must be >= 1, was 0");
    Path missing = rewriteMetadata("missing.zip",
        json -> json.replace("\"hidden\" : 4,", ""));
    assertThatThrownBy(() -> SeriesForecaster.load(missing))
        .hasMessage(missing + ": metadata.json has no 'config.hidden'");
  }

  @Test
  void read_withoutNormalizer() throws IOException {
    Path file = folder.resolve("partial.zip");
    copyZip(saved, file, name -> !name.equals("normalizer.bin"), json -> json);
    assertThatThrownBy(() -> SeriesForecaster.load(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(file + " has no normalizer.bin; the file is incomplete");
  }

  @Test
  void write_streamRoundTripPredictsBitIdentically() throws IOException {
    SeriesForecaster original = SeriesForecaster.load(saved);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    ClosingTracker out = new ClosingTracker(bytes);
    original.save(out);
    assertThat(out.closed).as("save(OutputStream) leaves the stream open").isFalse();
    // the same zip as the file: configuration, coefficients, scaler, errors, metadata
    assertThat(entryNames(bytes.toByteArray())).isEqualTo(entryNames(Files.readAllBytes(saved)));

    SeriesForecaster loaded =
        SeriesForecaster.load(new java.io.ByteArrayInputStream(bytes.toByteArray()));
    double[] history = Arrays.copyOf(series, 40);
    assertThat(Double.doubleToRawLongBits(loaded.predict(history)))
        .isEqualTo(Double.doubleToRawLongBits(original.predict(history)));
    double[] expected = original.forecast(series, 5);
    double[] actual = loaded.forecast(series, 5);
    for (int i = 0; i < expected.length; i++) {
      assertThat(Double.doubleToRawLongBits(actual[i])).as("step %d", i + 1)
          .isEqualTo(Double.doubleToRawLongBits(expected[i]));
    }
    assertThat(loaded.config()).isEqualTo(original.config());
  }

  @Test
  void read_streamOfFileBytes() throws IOException {
    SeriesForecaster fromFile = SeriesForecaster.load(saved);
    SeriesForecaster fromStream;
    try (java.io.InputStream in = Files.newInputStream(saved)) {
      fromStream = SeriesForecaster.load(in);
      assertThat(in.read()).as("the stream is read to its end").isEqualTo(-1);
    }
    assertThat(fromStream.predict(series)).isEqualTo(fromFile.predict(series));
  }

  @Test
  void read_streamOfGarbage() {
    byte[] noise = new byte[4096];
    new Random(2).nextBytes(noise);
    assertThatThrownBy(() -> SeriesForecaster.load(new java.io.ByteArrayInputStream(noise)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage("the model stream is not a valid zip file (no entries); it may be truncated "
            + "or not a model file");
    assertThatThrownBy(() -> SeriesForecaster.load(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith("the model stream is not a valid zip file");
  }

  @Test
  void read_streamCutShort() throws IOException {
    byte[] bytes = Files.readAllBytes(saved);
    for (int length : new int[] {bytes.length / 3, bytes.length - 30, bytes.length - 1}) {
      assertThatThrownBy(() -> SeriesForecaster.load(
          new java.io.ByteArrayInputStream(Arrays.copyOf(bytes, length))))
          .as("cut to %d of %d bytes", length, bytes.length)
          .isInstanceOf(ModelFormatException.class)
          .hasMessageStartingWith("the model stream is not a valid zip file");
    }
  }

  private static java.util.List<String> entryNames(byte[] zipBytes) throws IOException {
    java.util.List<String> names = new java.util.ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zipBytes))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }

  /** Records whether the library closed the stream it was given. */
  private static final class ClosingTracker extends java.io.FilterOutputStream {
    boolean closed;

    ClosingTracker(OutputStream out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }

  private Path rewriteMetadata(String name, java.util.function.UnaryOperator<String> edit)
      throws IOException {
    Path file = folder.resolve(name);
    copyZip(saved, file, entry -> true, edit);
    return file;
  }

  private static void copyZip(Path from, Path to, java.util.function.Predicate<String> keep,
      java.util.function.UnaryOperator<String> editMetadata) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
        OutputStream file = Files.newOutputStream(to);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (!keep.test(entry.getName())) {
          continue;
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        byte[] bytes = in.readAllBytes();
        if (entry.getName().equals("metadata.json")) {
          bytes = editMetadata.apply(new String(bytes, StandardCharsets.UTF_8))
              .getBytes(StandardCharsets.UTF_8);
        }
        out.write(bytes);
        out.closeEntry();
      }
    }
  }
}
