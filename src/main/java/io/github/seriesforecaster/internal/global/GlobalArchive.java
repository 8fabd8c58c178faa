package io.github.seriesforecaster.internal.global;

import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.internal.io.ArchiveEntries;
import io.github.seriesforecaster.internal.io.AtomicFile;
import io.github.seriesforecaster.internal.io.ForecasterArchive;
import io.github.seriesforecaster.internal.io.JsonLimits;
import io.github.seriesforecaster.internal.io.ModelFiles;
import io.github.seriesforecaster.internal.io.NetworkEntries;
import io.github.seriesforecaster.internal.model.LstmNetworkFactory;
import io.github.seriesforecaster.many.GlobalConfig;
import io.github.seriesforecaster.internal.runtime.Backends;
import io.github.seriesforecaster.internal.runtime.NativeRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global model's file: one zip, in the family of the single-series model files. The first
 * network's DL4J entries ({@code configuration.json}, {@code coefficients.bin}) sit at the top, so
 * DL4J's {@code ModelSerializer} reads it; further ensemble members are nested DL4J zips
 * {@code member-1.zip}, {@code member-2.zip}, …; {@code metadata.json} holds
 * {@code "kind": "global"}, the format version, the configuration and provenance. Files are
 * written atomically through {@link AtomicFile}.
 *
 * <p>Reading treats the file as untrusted, as the single-series files: every entry, and every
 * entry of a nested member, is read through a size limit ({@link ArchiveEntries}; no name twice,
 * a bounded entry count), JSON is checked before parsing ({@link JsonLimits}), and networks are
 * rebuilt from entry bytes by {@link NetworkEntries} (only allowed class names, array headers
 * checked before allocation), never by DL4J's {@code ModelSerializer}. Every failure is a
 * {@link ModelFormatException} naming the file and the entry.
 */
public final class GlobalArchive {
  /** The newest format version this release writes and reads. */
  public static final int CURRENT_FORMAT_VERSION = 1;
  /** Our metadata entry, as in the single-series files. */
  public static final String METADATA_JSON = "metadata.json";
  /** The {@code kind} of a global model in {@code metadata.json}. */
  public static final String KIND = "global";
  /** Most networks a global model file holds, as {@code metadata.json} allows. */
  static final int MAXIMUM_MEMBERS = 1000;
  /**
   * Most entries a global model file may hold: the first network's two, one per further member,
   * {@code metadata.json}, and a few this release skips.
   */
  static final int MAXIMUM_ENTRIES = MAXIMUM_MEMBERS + ArchiveEntries.MAXIMUM_ENTRIES;

  private static final Logger log = LoggerFactory.getLogger(GlobalArchive.class);

  private GlobalArchive() {}

  /**
   * @param model the model to save
   * @param target the file; parent folders are created
   * @throws IOException if it cannot be written
   */
  public static void write(GlobalModel model, Path target) throws IOException {
    byte[] bytes = toBytes(model);
    AtomicFile.write(target, "a model file path", out -> out.write(bytes));
    log.info("saved global model to {} ({} bytes)", target, bytes.length);
  }

  /**
   * @param model the model to save
   * @param out receives the zip; not closed
   * @throws IOException if the stream fails
   */
  public static void write(GlobalModel model, OutputStream out) throws IOException {
    out.write(toBytes(model));
    out.flush();
  }

  private static byte[] toBytes(GlobalModel model) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      List<MultiLayerNetwork> networks = model.networks();
      for (int m = 0; m < networks.size(); m++) {
        byte[] network = ForecasterArchive.networkEntries(networks.get(m));
        if (m == 0) {
          ForecasterArchive.copyEntries(network, zip);
        } else {
          zip.putNextEntry(new ZipEntry(memberEntry(m)));
          zip.write(network);
          zip.closeEntry();
        }
      }
      zip.putNextEntry(new ZipEntry(METADATA_JSON));
      zip.write(GlobalMetadata.toJson(model).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  /**
   * @param source a file written by {@link #write(GlobalModel, Path)}
   * @return the model
   * @throws IOException if it cannot be read
   * @throws ModelFormatException if it is not a complete global model of a supported version
   */
  public static GlobalModel read(Path source) throws IOException {
    String name = source.toString();
    try (InputStream in = ModelFiles.open(source)) {
      GlobalModel model = read(in, name);
      log.info("loaded global model from {}", name);
      return model;
    }
  }

  /**
   * @param in a zip as written by {@link #write(GlobalModel, OutputStream)}; read to its end
   * @param name what to call the source in messages
   * @return the model
   * @throws IOException if the stream fails
   * @throws ModelFormatException if it is not a complete global model of a supported version
   */
  public static GlobalModel read(InputStream in, String name) throws IOException {
    Backends.checkOnce();
    GlobalEntryLimits limits = new GlobalEntryLimits(name, true);
    ArchiveEntries entries = ArchiveEntries.read(in, name, limits, MAXIMUM_ENTRIES);
    byte[] metadata = entries.get(METADATA_JSON);
    if (metadata == null) {
      throw new ModelFormatException(name + " has no " + METADATA_JSON
          + "; it is not a series-forecaster model file");
    }
    JsonLimits.check(metadata, name, METADATA_JSON);
    GlobalMetadata meta =
        GlobalMetadata.parse(new String(metadata, StandardCharsets.UTF_8), name);
    NativeRuntime.useThreads(meta.config().threads());
    List<MultiLayerNetwork> networks = new ArrayList<>();
    networks.add(restore(limits, entries, name, meta.config()));
    for (int m = 1; m < meta.members(); m++) {
      byte[] member = entries.get(memberEntry(m));
      if (member == null) {
        throw new ModelFormatException(name + " has no " + memberEntry(m)
            + " but metadata.json says it holds " + meta.members() + " networks");
      }
      String where = name + "/" + memberEntry(m);
      GlobalEntryLimits memberLimits = new GlobalEntryLimits(where, false);
      ArchiveEntries memberEntries =
          ArchiveEntries.read(new ByteArrayInputStream(member), where, memberLimits);
      networks.add(restore(memberLimits, memberEntries, where, meta.config()));
    }
    return new GlobalModel(meta.config(), meta.normalization(), networks, meta.trainedAt(),
        meta.trainingSeries());
  }

  /**
   * Rebuilds one network from its checked {@code configuration.json} and {@code coefficients.bin}.
   *
   * @param where the file, or the file and member entry, for messages
   */
  private static MultiLayerNetwork restore(GlobalEntryLimits limits, ArchiveEntries entries,
      String where, GlobalConfig config) {
    entries.require(where, ModelSerializer.CONFIGURATION_JSON, ModelSerializer.COEFFICIENTS_BIN);
    MultiLayerNetwork network;
    try {
      NetworkEntries.Checked checked = limits.network(entries);
      int layers = checked.layers();
      long hidden = checked.hidden();
      long outputs = checked.outputs();
      if (checked.inputs() != config.valuesPerStep() || layers != config.layers()
          || hidden != config.hidden() || outputs != config.horizon()) {
        throw new ModelFormatException(String.format(Locale.ROOT,
            "%s: configuration.json describes %d LSTM layer(s) of %d units reading %d values per "
                + "step and outputting %d, but metadata.json says %d, %d, %d and %d; the file is "
                + "inconsistent",
            where, layers, hidden, checked.inputs(), outputs, config.layers(), config.hidden(),
            config.valuesPerStep(), config.horizon()));
      }
      network = NetworkEntries.restore(checked,
          entries.get(ModelSerializer.COEFFICIENTS_BIN), where);
    } catch (ModelFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ModelFiles.unreadable(where, "a network", e);
    }
    if (!Backends.isCpu()) {
      // FastLstm runs on the CPU backend only; DL4J's LSTM has the same parameter layout
      network = LstmNetworkFactory.withStandardLayers(network,
          GlobalNetworks.stack(config, config.seed()));
    }
    return network;
  }

  private static String memberEntry(int member) {
    return "member-" + member + ".zip";
  }
}
