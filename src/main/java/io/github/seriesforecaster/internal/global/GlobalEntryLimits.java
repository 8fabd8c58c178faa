package io.github.seriesforecaster.internal.global;

import io.github.seriesforecaster.internal.io.ArchiveEntries;
import io.github.seriesforecaster.internal.io.ForecasterArchive;
import io.github.seriesforecaster.internal.io.NetworkEntryLimits;
import io.github.seriesforecaster.internal.io.NetworkEntries;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Each entry's size limit in a global model file, as in the single-series files: a fixed ceiling
 * for JSON, for the coefficients the size of the parameters {@code configuration.json} declares
 * (DL4J writes it first), for a nested member that plus room for its configuration; all within
 * {@link #MAX_BYTES} together.
 */
final class GlobalEntryLimits extends NetworkEntryLimits {
  /** Bytes a stream or file may unpack to at most, against zip bombs. */
  static final long MAX_BYTES = 1L << 30;

  private final boolean outer;
  private final List<String> seen = new ArrayList<>();

  /**
   * @param name the file (or file and member entry), for messages
   * @param outer true for the model file itself, false for a nested member zip
   */
  GlobalEntryLimits(String name, boolean outer) {
    super(name);
    this.outer = outer;
  }

  @Override
  public ArchiveEntries.Limit of(String entry, ArchiveEntries before) {
    long used = 0;
    for (String previous : seen) {
      byte[] bytes = before.get(previous);
      used += bytes == null ? 0 : bytes.length;
    }
    seen.add(entry);
    ArchiveEntries.Limit limit = limit(entry, before);
    long remaining = MAX_BYTES - used;
    return limit.bytes() <= remaining ? limit : new ArchiveEntries.Limit(remaining,
        "what remains of the " + MAX_BYTES + " bytes a global model file may unpack to",
        limit.keep());
  }

  private ArchiveEntries.Limit limit(String entry, ArchiveEntries before) {
    if (entry.equals(ModelSerializer.CONFIGURATION_JSON)
        || outer && entry.equals(GlobalArchive.METADATA_JSON)) {
      return new ArchiveEntries.Limit(ForecasterArchive.JSON_LIMIT,
          "the limit for JSON entries", true);
    }
    if (entry.equals(ModelSerializer.COEFFICIENTS_BIN)) {
      return coefficients(before);
    }
    if (outer && isMemberEntry(entry)) {
      if (!configured(before)) {
        return new ArchiveEntries.Limit(MAX_BYTES,
            "the limit for a member before configuration.json", true);
      }
      NetworkEntries.Checked checked = network(before);
      // a member holds the same network: its coefficients, a configuration and zip headers
      return new ArchiveEntries.Limit(
          checked.coefficientsLimit() + 2 * ForecasterArchive.JSON_LIMIT,
          "the size of a network of the " + checked.parameters() + " parameters "
              + "configuration.json declares", true);
    }
    return new ArchiveEntries.Limit(ForecasterArchive.JSON_LIMIT,
        "the limit for entries this release does not read", false);
  }

  /** @return whether {@code entry} names a member this release reads, {@code member-<m>.zip} */
  static boolean isMemberEntry(String entry) {
    if (!entry.startsWith("member-") || !entry.endsWith(".zip")) {
      return false;
    }
    String number = entry.substring("member-".length(), entry.length() - ".zip".length());
    if (number.isEmpty() || number.length() > 4 || !number.chars().allMatch(Character::isDigit)
        || number.startsWith("0")) {
      return false;
    }
    return Integer.parseInt(number) < GlobalArchive.MAXIMUM_MEMBERS;
  }
}
