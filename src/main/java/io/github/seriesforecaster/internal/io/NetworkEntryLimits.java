package io.github.seriesforecaster.internal.io;

import org.deeplearning4j.util.ModelSerializer;

/**
 * Size limits for the entries of a zip holding a DL4J network, shared by both kinds of model file:
 * the coefficients may be as large as the parameters {@code configuration.json} declares (DL4J
 * writes it first), read and checked once.
 */
public abstract class NetworkEntryLimits implements ArchiveEntries.Limits {
  private final String name;
  private NetworkEntries.Checked network;

  /** @param name the file (or file and member entry), for messages */
  protected NetworkEntryLimits(String name) {
    this.name = name;
  }

  /**
   * @param before the entries read so far
   * @return whether {@code configuration.json} has been read
   */
  protected static boolean configured(ArchiveEntries before) {
    return before.get(ModelSerializer.CONFIGURATION_JSON) != null;
  }

  /**
   * @param before the entries read so far
   * @return the limit of {@code coefficients.bin}
   */
  protected ArchiveEntries.Limit coefficients(ArchiveEntries before) {
    if (!configured(before)) {
      // unusual order (a zip repacked by hand): the expansion ratio check still bounds it
      return new ArchiveEntries.Limit(NetworkEntries.COEFFICIENTS_OVERHEAD
          + NetworkEntries.MAXIMUM_PARAMETERS * Double.BYTES,
          "the limit for coefficients before configuration.json", true);
    }
    NetworkEntries.Checked checked = network(before);
    return new ArchiveEntries.Limit(checked.coefficientsLimit(),
        "the size of the " + checked.parameters() + " parameters configuration.json "
            + "declares", true);
  }

  /**
   * @param entries entries holding {@code configuration.json}
   * @return the checked configuration, read once
   */
  public NetworkEntries.Checked network(ArchiveEntries entries) {
    if (network == null) {
      network = NetworkEntries.configuration(
          entries.get(ModelSerializer.CONFIGURATION_JSON), name);
    }
    return network;
  }
}
