package io.github.seriesforecaster.internal.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Builds model zips, whole or damaged, from the golden model files' entries. */
public final class ModelZips {
  static final Path GOLDEN = Path.of("src/test/resources/models/forecaster-0.1.0.zip");
  static final Path GOLDEN_FEATURES =
      Path.of("src/test/resources/models/forecaster-format2-features.zip");

  private ModelZips() {}

  /** @return the zip's entries in order, name to bytes */
  static Map<String, byte[]> entries(Path zip) {
    try {
      return entries(Files.readAllBytes(zip));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, byte[]> entries(byte[] zip) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** @return a zip of the entries, in the map's order */
  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** @return the entries with one replaced (or added at the end) */
  static Map<String, byte[]> with(Map<String, byte[]> entries, String name, byte[] bytes) {
    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
    copy.put(name, bytes);
    return copy;
  }

  static Map<String, byte[]> with(Map<String, byte[]> entries, String name, String text) {
    return with(entries, name, text.getBytes(StandardCharsets.UTF_8));
  }

  static String text(Map<String, byte[]> entries, String name) {
    return new String(entries.get(name), StandardCharsets.UTF_8);
  }

  /**
   * A zip holding the same entry name twice: ZipOutputStream refuses duplicates, so the second is
   * written under a name of the same length and renamed in the bytes (local and central headers).
   */
  static byte[] withDuplicate(Map<String, byte[]> entries, String name) {
    String stand = name.substring(0, name.length() - 1) + "~";
    byte[] zip = zip(with(entries, stand, entries.get(name)));
    replaceAll(zip, stand.getBytes(StandardCharsets.UTF_8), name.getBytes(StandardCharsets.UTF_8));
    return zip;
  }

  static void replaceAll(byte[] bytes, byte[] from, byte[] to) {
    for (int i = 0; i + from.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, bytes, i, to.length);
      }
    }
  }

  /** An input stream of {@code length} copies of one byte, generated as read. */
  static InputStream repeated(byte value, long length) {
    return new InputStream() {
      private long left = length;

      @Override
      public int read() {
        return left-- > 0 ? value & 0xff : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int count) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(count, left);
        java.util.Arrays.fill(buffer, offset, offset + n, value);
        left -= n;
        return n;
      }
    };
  }

  /**
   * Writes the golden model with {@code spaces} spaces in metadata.json (the case: 300
   * MB), streamed through the compressor, never held in memory.
   */
  public static void writePaddedMetadata(Path file, long spaces) throws IOException {
    Map<String, byte[]> golden = ModelZips.entries(GOLDEN);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : golden.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        if (entry.getKey().equals("metadata.json")) {
          String json = new String(entry.getValue(), StandardCharsets.UTF_8);
          int split = json.indexOf('{') + 1;
          zip.write(json.substring(0, split).getBytes(StandardCharsets.UTF_8));
          try (InputStream padding = ModelZips.repeated((byte) ' ', spaces)) {
            padding.transferTo(zip);
          }
          zip.write(json.substring(split).getBytes(StandardCharsets.UTF_8));
        } else {
          zip.write(entry.getValue());
        }
        zip.closeEntry();
      }
    }
  }
}
