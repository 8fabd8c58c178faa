package io.github.seriesforecaster.internal.io;

import io.github.seriesforecaster.ModelFormatException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The entries of a model zip read from a stream in one pass, each into memory through a size
 * limit. The same reader serves files and streams, so both see the same entries: the ones in the
 * zip's local headers, confirmed by the central directory's entry count at the end. Nothing is
 * allocated beyond what the limits allow, whatever the zip declares: declared sizes are only used
 * to fail early, and bytes are counted as they are inflated. Public so the global model's archive
 * reads through the same limits.
 */
public final class ArchiveEntries {
  /** Most entries a model zip may hold; ours hold five. */
  public static final int MAXIMUM_ENTRIES = 16;
  /**
   * Most an entry larger than {@link #RATIO_FLOOR} may expand when inflated: trained weights
   * barely compress, so more is a zip bomb, not a model.
   */
  static final int MAXIMUM_RATIO = 50;
  /** Size from which the expansion ratio is checked. */
  static final int RATIO_FLOOR = 1 << 20;

  /**
   * How much an entry may hold.
   *
   * @param bytes the most bytes, once inflated
   * @param what what the limit is, for messages: {@code the limit for JSON entries}
   * @param keep false to skip an entry this release does not read (still within the limit)
   */
  public record Limit(long bytes, String what, boolean keep) {}

  /** Decides each entry's limit when the entry is reached, from the entries read before it. */
  @FunctionalInterface
  public interface Limits {
    /**
     * @param entry the entry's name
     * @param before the entries read so far
     * @return the entry's limit
     * @throws ModelFormatException if the entry may not appear here at all
     */
    Limit of(String entry, ArchiveEntries before);
  }
  /** Most bytes after the last entry: the central directory of a valid model zip is far smaller. */
  static final int MAXIMUM_TRAILER_BYTES = 1 << 20;

  private final Map<String, byte[]> entries;

  private ArchiveEntries(Map<String, byte[]> entries) {
    this.entries = entries;
  }

  /** @return the bytes of the entry, or {@code null} if the zip has none of that name */
  public byte[] get(String entry) {
    return entries.get(entry);
  }

  /**
   * @param name the source's name for messages
   * @param required entries a complete file holds
   * @throws ModelFormatException naming the first entry that is missing
   */
  public void require(String name, String... required) {
    for (String entry : required) {
      if (get(entry) == null) {
        throw new ModelFormatException(name + " has no " + entry + "; the file is incomplete");
      }
    }
  }

  /**
   * @param in the zip's bytes; read to its end, not closed
   * @param name the source's name for messages
   * @param limits each entry's limit
   * @return the entries
   * @throws IOException if the stream fails
   * @throws ModelFormatException if the bytes are not a valid zip
   */
  public static ArchiveEntries read(InputStream in, String name, Limits limits)
      throws IOException {
    return read(in, name, limits, MAXIMUM_ENTRIES);
  }

  /**
   * As {@link #read(InputStream, String, Limits)}, with another entry count limit: for archives
   * that hold one entry per ensemble member.
   *
   * @param in the zip's bytes; read to its end, not closed
   * @param name the source's name for messages
   * @param limits each entry's limit
   * @param maximumEntries the most entries the zip may hold
   * @return the entries
   * @throws IOException if the stream fails
   * @throws ModelFormatException if the bytes are not a valid zip
   */
  public static ArchiveEntries read(InputStream in, String name, Limits limits,
      int maximumEntries) throws IOException {
    TailRecorder recorder = new TailRecorder(in);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try {
      ZipInputStream zip = new ZipInputStream(recorder);
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String entryName = entry.getName();
        if (entries.containsKey(entryName)) {
          throw new ModelFormatException(name + " holds the entry " + entryName
              + " twice; a model file holds each entry once");
        }
        if (entries.size() == maximumEntries) {
          throw new ModelFormatException(name + " holds more than " + maximumEntries
              + " entries; a model file holds at most " + maximumEntries);
        }
        Limit limit = limits.of(entryName, new ArchiveEntries(entries));
        if (entry.getSize() > limit.bytes()) {
          throw tooLarge(name, entryName, "declares " + entry.getSize() + " bytes, more than", limit);
        }
        byte[] bytes = readEntry(zip, recorder, name, entryName, limit);
        entries.put(entryName, limit.keep() ? bytes : null);
      }
      // ZipInputStream stops at the central directory; read the rest to find the zip's end
      long trailer = recorder.skipRest(MAXIMUM_TRAILER_BYTES);
      if (trailer > MAXIMUM_TRAILER_BYTES) {
        throw new ModelFormatException(name + " holds more than " + MAXIMUM_TRAILER_BYTES
            + " bytes after its last entry; a model file holds far less");
      }
    } catch (ZipException | EOFException e) {
      throw notZip(name, e.getMessage());
    } catch (IllegalArgumentException e) {
      // ZipInputStream reports an entry name that is not valid UTF-8 this way
      throw notZip(name, "an entry name is not valid UTF-8: " + e.getMessage());
    }
    if (entries.isEmpty()) {
      throw notZip(name, "no entries");
    }
    int declared = recorder.centralDirectoryEntries();
    if (declared < 0) {
      throw notZip(name, "no end of central directory");
    }
    if (declared != entries.size()) {
      throw notZip(name, "the central directory lists " + declared + " entries, but "
          + entries.size() + " were found");
    }
    return new ArchiveEntries(entries);
  }

  private static byte[] readEntry(ZipInputStream zip, TailRecorder recorder, String name,
      String entry, Limit limit) throws IOException {
    long start = recorder.total;
    byte[] buffer = new byte[(int) Math.min(limit.bytes() + 1, 64 * 1024)];
    java.io.ByteArrayOutputStream kept = limit.keep()
        ? new java.io.ByteArrayOutputStream(buffer.length) : null;
    long total = 0;
    for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
      total += n;
      if (total > limit.bytes()) {
        throw tooLarge(name, entry, "is larger than", limit);
      }
      long compressed = recorder.total - start;
      if (total > RATIO_FLOOR && total > MAXIMUM_RATIO * compressed) {
        throw new ModelFormatException(String.format(java.util.Locale.ROOT,
            "%s: entry %s expands more than %d-fold (%d bytes from %d so far), the limit for "
                + "entries over %d bytes; the file is damaged or a zip bomb",
            name, entry, MAXIMUM_RATIO, total, compressed, RATIO_FLOOR));
      }
      if (kept != null) {
        kept.write(buffer, 0, n);
      }
    }
    return kept == null ? null : kept.toByteArray();
  }

  private static ModelFormatException tooLarge(String name, String entry, String how,
      Limit limit) {
    return new ModelFormatException(name + ": entry " + entry + " " + how + " " + limit.what()
        + " (" + limit.bytes() + " bytes); the file is damaged or not a model file");
  }

  private static ModelFormatException notZip(String name, String detail) {
    return new ModelFormatException(name + " is not a valid zip file (" + detail
        + "); it may be truncated or not a model file");
  }

  /** Passes bytes through, keeping the last ones, where the end of central directory record is. */
  private static final class TailRecorder extends FilterInputStream {
    /** The end record: 22 bytes plus a comment of up to 65,535. */
    private static final int TAIL = 22 + 65_535;
    private final byte[] tail = new byte[TAIL];
    private long total;

    TailRecorder(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        tail[(int) (total++ % TAIL)] = (byte) b;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      // keep only the last TAIL bytes of what was read, in the ring
      int skipped = Math.max(0, n - TAIL);
      total += skipped;
      for (int done = skipped; done < n; ) {
        int at = (int) (total % TAIL);
        int chunk = Math.min(n - done, TAIL - at);
        System.arraycopy(buffer, offset + done, tail, at, chunk);
        done += chunk;
        total += chunk;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // through read, so that skipped bytes are recorded too
      byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
      int read = read(buffer, 0, buffer.length);
      return Math.max(0, read);
    }

    @Override
    public void close() {
      // the caller owns the stream
    }

    /** @return bytes read to the end, or {@code limit + 1} if there are more than {@code limit} */
    long skipRest(long limit) throws IOException {
      byte[] buffer = new byte[8192];
      long count = 0;
      for (int n = read(buffer, 0, buffer.length); n >= 0; n = read(buffer, 0, buffer.length)) {
        count += n;
        if (count > limit) {
          return limit + 1;
        }
      }
      return count;
    }

    /** @return the total entry count of the last end of central directory record, or -1 */
    int centralDirectoryEntries() {
      int length = (int) Math.min(total, TAIL);
      byte[] last = new byte[length];
      for (int i = 0; i < length; i++) {
        last[i] = tail[(int) ((total - length + i) % TAIL)];
      }
      for (int at = length - 22; at >= 0; at--) {
        if (last[at] == 'P' && last[at + 1] == 'K' && last[at + 2] == 5 && last[at + 3] == 6
            && at + 22 + unsignedShort(last, at + 20) == length) {
          return unsignedShort(last, at + 10);
        }
      }
      return -1;
    }

    private static int unsignedShort(byte[] bytes, int at) {
      return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
    }
  }
}
