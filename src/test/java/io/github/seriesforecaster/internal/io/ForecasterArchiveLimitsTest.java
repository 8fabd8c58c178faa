package io.github.seriesforecaster.internal.io;

import static io.github.seriesforecaster.internal.io.ModelZips.GOLDEN;
import static io.github.seriesforecaster.internal.io.ModelZips.text;
import static io.github.seriesforecaster.internal.io.ModelZips.with;
import static io.github.seriesforecaster.internal.io.ModelZips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.SeriesForecaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading reads each entry through a size limit and checks declared sizes before allocating. */
class ForecasterArchiveLimitsTest {
  private static final long MIB = 1 << 20;
  @TempDir Path folder;
  private final Map<String, byte[]> golden = ModelZips.entries(GOLDEN);

  /**
   * The case: metadata.json padded with 300 MB of spaces (some 300 KB compressed) used to
   * load after 16 s and 1 GB of heap. It must fail after reading the first MiB of it.
   */
  @Test
  void read_metadataPaddedWith300MegabytesOfSpaces() throws IOException {
    Path file = folder.resolve("padded.zip");
    ModelZips.writePaddedMetadata(file, 300 * MIB);
    assertThat(Files.size(file)).isBetween(100_000L, 2_000_000L);

    long allocatedBefore = allocatedBytes();
    assertThatThrownBy(() -> SeriesForecaster.load(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(file + ": entry metadata.json is larger than the limit for JSON entries "
            + "(1048576 bytes); the file is damaged or not a model file");
    long allocated = allocatedBytes() - allocatedBefore;
    // the first MiB of the entry, buffers and the network entries before it; not 300 MB
    assertThat(allocated).as("bytes allocated by the failed load").isLessThan(64 * MIB);
  }

  @Test
  void read_unknownEntryWithinItsLimitIsSkipped() throws IOException {
    byte[] bytes = zip(with(golden, "notes.txt", "written by a later release"));
    SeriesForecaster loaded = SeriesForecaster.load(new ByteArrayInputStream(bytes));
    assertThat(loaded.config().window()).isEqualTo(6);
  }

  @Test
  void read_unknownEntryOverItsLimit() {
    byte[] bytes = zip(with(golden, "notes.txt", new byte[(int) MIB + 1]));
    assertThatThrownBy(() -> load(bytes))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage("the model stream: entry notes.txt is larger than the limit for entries this "
            + "release does not read (1048576 bytes); the file is damaged or not a model file");
  }

  @Test
  void read_tooManyEntries() {
    Map<String, byte[]> many = new LinkedHashMap<>(golden);
    for (int i = 0; many.size() <= ArchiveEntries.MAXIMUM_ENTRIES; i++) {
      many.put("extra-" + i, new byte[0]);
    }
    assertThatThrownBy(() -> load(zip(many)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage("the model stream holds more than 16 entries; a model file holds at most 16");
  }

  @Test
  void read_duplicateEntryNames() {
    for (String name : golden.keySet()) {
      byte[] bytes = ModelZips.withDuplicate(golden, name);
      assertThatThrownBy(() -> load(bytes)).as(name)
          .isInstanceOf(ModelFormatException.class)
          .hasMessage("the model stream holds the entry " + name
              + " twice; a model file holds each entry once");
    }
  }

  @Test
  void read_coefficientsDeclaringMoreValuesThanFollow() {
    byte[] coefficients = golden.get("coefficients.bin").clone();
    // the values' length follows the shape information and the values' allocation mode
    int at = countOffset(coefficients);
    System.arraycopy(longBytes(1L << 40), 0, coefficients, at, 8);
    assertThatThrownBy(() -> load(zip(with(golden, "coefficients.bin", coefficients))))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith("the model stream: coefficients.bin holds an array with "
            + "1099511627776 values for shape [" + count(golden) + "]");
  }

  @Test
  void read_coefficientsOfAnotherSize() {
    Map<String, byte[]> other = ModelZips.entries(ModelZips.GOLDEN_FEATURES);
    assertThatThrownBy(() -> load(zip(with(golden, "coefficients.bin",
        other.get("coefficients.bin")))))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage("the model stream: coefficients.bin holds " + count(other)
            + " parameters, but configuration.json declares " + count(golden));
  }

  @Test
  void read_coefficientsThatExpandLikeABomb() throws IOException {
    // 4 layers of 4096 units declare some 470 million bytes of parameters (as doubles); the zeros
    // after the header compress a thousand-fold and are stopped at the first MiB or two
    String wide = edit(edit(text(golden, "configuration.json"), "\"nout\" : 5,",
        "\"nout\" : 4096,"), "\"nin\" : 5,", "\"nin\" : 4096,");
    ByteArrayOutputStream coefficients = new ByteArrayOutputStream();
    coefficients.write(golden.get("coefficients.bin"), 0, 64);
    coefficients.write(new byte[8 * (int) MIB]);
    Map<String, byte[]> bomb = with(with(golden, "configuration.json", wide), "coefficients.bin",
        coefficients.toByteArray());
    assertThatThrownBy(() -> load(zip(bomb)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith("the model stream: entry coefficients.bin expands more than "
            + "50-fold");
  }

  @Test
  void read_layerTooWide() {
    assertEditRejected("configuration.json", "\"nout\" : 5,", "\"nout\" : 100000,",
        "the model stream: configuration.json layer 0 has 1 inputs and 100000 outputs; each must"
            + " be 1 to 65536");
  }

  @Test
  void read_metadataDisagreesWithNetwork() {
    assertEditRejected("metadata.json", "\"hidden\" : 5", "\"hidden\" : 6",
        "the model stream: metadata.json describes 2 LSTM layer(s) of 6 units and 1 "
            + "output(s), but configuration.json holds 2 of 5 and 1; the file is inconsistent");
  }

  @Test
  void read_deeplyNestedJson() {
    String nested = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    for (String entry : new String[] {"metadata.json", "configuration.json",
        "forecast-errors.json"}) {
      assertThatThrownBy(() -> load(zip(with(golden, entry, nested)))).as(entry)
          .isInstanceOf(ModelFormatException.class)
          .hasMessage("the model stream: " + entry + " nests deeper than 32 levels, the limit "
              + "for a model file's JSON");
    }
  }

  @Test
  void read_hugeNumberInJson() {
    assertEditRejected("metadata.json", "\"window\" : 6", "\"window\" : " + "9".repeat(500_000),
        "the model stream: metadata.json holds a number of 500000 characters; the limit is 64");
  }

  @Test
  void read_absurdThreadCount() {
    assertEditRejected("metadata.json", "\"threads\" : 1", "\"threads\" : 1000000",
        "the model stream: metadata.json asks for 1000000 threads; a model file may ask for at"
            + " most 1024");
  }

  @Test
  void read_centralDirectoryDisagreesWithEntries() {
    byte[] bytes = zip(golden);
    // the end record's two entry counts sit 8 and 10 bytes into it (22 bytes from the end)
    bytes[bytes.length - 22 + 8] = 4;
    bytes[bytes.length - 22 + 10] = 4;
    assertThatThrownBy(() -> load(bytes))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage("the model stream is not a valid zip file (the central directory lists 4 "
            + "entries, but 5 were found); it may be truncated or not a model file");
  }

  @Test
  void read_entriesInAnotherOrderStillLoad() throws IOException {
    Map<String, byte[]> reversed = new LinkedHashMap<>();
    golden.keySet().stream().sorted(java.util.Comparator.reverseOrder())
        .forEach(name -> reversed.put(name, golden.get(name)));
    Map<String, byte[]> sorted = new LinkedHashMap<>();
    golden.keySet().stream().sorted().forEach(name -> sorted.put(name, golden.get(name)));
    double[] history = io.github.seriesforecaster.TestSeries.sine(80);
    double expected = SeriesForecaster.load(GOLDEN).predict(history);
    assertThat(SeriesForecaster.load(new ByteArrayInputStream(zip(reversed))).predict(history))
        .isEqualTo(expected);
    assertThat(SeriesForecaster.load(new ByteArrayInputStream(zip(sorted))).predict(history))
        .isEqualTo(expected);
  }

  /** Loading the golden model with one text edit in one entry fails with exactly this message. */
  private void assertEditRejected(String entry, String from, String to, String message) {
    String edited = edit(text(golden, entry), from, to);
    assertThatThrownBy(() -> load(zip(with(golden, entry, edited))))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(message);
  }

  private static SeriesForecaster load(byte[] zip) throws IOException {
    return SeriesForecaster.load(new ByteArrayInputStream(zip));
  }

  /** @return the parameter count written in the file's coefficients.bin */
  private static long count(Map<String, byte[]> entries) {
    byte[] coefficients = entries.get("coefficients.bin");
    int at = countOffset(coefficients);
    try {
      return new java.io.DataInputStream(
          new ByteArrayInputStream(coefficients, at, coefficients.length - at)).readLong();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Replaces text that must be there: an edit that matches nothing would test nothing. */
  static String edit(String text, String from, String to) {
    assertThat(text).contains(from);
    return text.replace(from, to);
  }

  /** @return where coefficients.bin stores its values' count */
  private static int countOffset(byte[] coefficients) {
    try {
      java.io.DataInputStream in = new java.io.DataInputStream(
          new ByteArrayInputStream(coefficients));
      in.readUTF();
      long shapeLength = in.readLong();
      in.readUTF();
      in.skipNBytes(8 * shapeLength);
      in.readUTF();
      return coefficients.length - in.available();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] longBytes(long value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(value);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
