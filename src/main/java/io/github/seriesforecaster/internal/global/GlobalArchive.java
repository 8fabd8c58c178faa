package io.github.seriesforecaster.internal.global;

import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.internal.io.ArchiveEntries;
import io.github.seriesforecaster.internal.io.AtomicFile;
import io.github.seriesforecaster.internal.io.ForecasterArchive;
import io.github.seriesforecaster.internal.io.JsonLimits;
import io.github.seriesforecaster.internal.io.LibraryVersion;
import io.github.seriesforecaster.internal.io.NetworkEntries;
import io.github.seriesforecaster.internal.model.LstmNetworkFactory;
import io.github.seriesforecaster.many.GlobalConfig;
import io.github.seriesforecaster.many.Normalization;
import io.github.seriesforecaster.many.TrainingLoss;
import io.github.seriesforecaster.internal.runtime.Backends;
import io.github.seriesforecaster.internal.runtime.NativeRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
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
  /** Bytes a stream or file may unpack to at most, against zip bombs. */
  private static final long MAX_BYTES = 1L << 30;
  /** Most networks a global model file holds, as {@code metadata.json} allows. */
  static final int MAXIMUM_MEMBERS = 1000;
  /**
   * Most entries a global model file may hold: the first network's two, one per further member,
   * {@code metadata.json}, and a few this release skips.
   */
  static final int MAXIMUM_ENTRIES = MAXIMUM_MEMBERS + ArchiveEntries.MAXIMUM_ENTRIES;

  private static final Logger log = LoggerFactory.getLogger(GlobalArchive.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
      zip.write(metadata(model).getBytes(StandardCharsets.UTF_8));
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
    if (!Files.exists(source)) {
      throw new NoSuchFileException(name, null, "no such model file");
    }
    if (Files.isDirectory(source)) {
      throw new IOException(name + " is a directory; expected a model file");
    }
    if (Files.size(source) == 0) {
      throw new ModelFormatException(name + " is empty; expected a model zip");
    }
    try (InputStream in = Files.newInputStream(source)) {
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
    EntryLimits limits = new EntryLimits(name, true);
    ArchiveEntries entries = ArchiveEntries.read(in, name, limits, MAXIMUM_ENTRIES);
    byte[] metadata = entries.get(METADATA_JSON);
    if (metadata == null) {
      throw new ModelFormatException(name + " has no " + METADATA_JSON
          + "; it is not a series-forecaster model file");
    }
    JsonLimits.check(metadata, name, METADATA_JSON);
    Metadata meta = parse(new String(metadata, StandardCharsets.UTF_8), name);
    NativeRuntime.useThreads(meta.config.threads());
    List<MultiLayerNetwork> networks = new ArrayList<>();
    for (int m = 0; m < meta.members; m++) {
      if (m == 0) {
        for (String required : new String[] {ModelSerializer.CONFIGURATION_JSON,
            ModelSerializer.COEFFICIENTS_BIN}) {
          if (entries.get(required) == null) {
            throw new ModelFormatException(name + " has no " + required
                + "; the file is incomplete");
          }
        }
        networks.add(restore(limits, entries, name, meta.config));
      } else {
        byte[] member = entries.get(memberEntry(m));
        if (member == null) {
          throw new ModelFormatException(name + " has no " + memberEntry(m)
              + " but metadata.json says it holds " + meta.members + " networks");
        }
        String where = name + "/" + memberEntry(m);
        EntryLimits memberLimits = new EntryLimits(where, false);
        ArchiveEntries memberEntries =
            ArchiveEntries.read(new ByteArrayInputStream(member), where, memberLimits);
        for (String required : new String[] {ModelSerializer.CONFIGURATION_JSON,
            ModelSerializer.COEFFICIENTS_BIN}) {
          if (memberEntries.get(required) == null) {
            throw new ModelFormatException(where + " has no " + required
                + "; the file is incomplete");
          }
        }
        networks.add(restore(memberLimits, memberEntries, where, meta.config));
      }
    }
    return new GlobalModel(meta.config, meta.normalization, networks, meta.trainedAt,
        meta.trainingSeries);
  }

  /**
   * Rebuilds one network from its checked {@code configuration.json} and {@code coefficients.bin}.
   *
   * @param where the file, or the file and member entry, for messages
   */
  private static MultiLayerNetwork restore(EntryLimits limits, ArchiveEntries entries,
      String where, GlobalConfig config) {
    MultiLayerNetwork network;
    try {
      NetworkEntries.Checked checked = limits.network(entries);
      MultiLayerConfiguration conf = checked.configuration();
      int layers = conf.getConfs().size() - 1;
      long hidden = ((FeedForwardLayer) conf.getConf(0).getLayer()).getNOut();
      long outputs = ((FeedForwardLayer) conf.getConf(layers).getLayer()).getNOut();
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
      // DL4J reports damaged entries as bare RuntimeExceptions or IOExceptions
      throw new ModelFormatException(where + ": a network cannot be read ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    if (!Backends.isCpu()) {
      // FastLstm runs on the CPU backend only; DL4J's LSTM has the same parameter layout
      network = LstmNetworkFactory.withStandardLayers(network,
          GlobalNetworks.stack(config, config.seed()));
    }
    return network;
  }

  /**
   * Each entry's size limit, as in the single-series files: a fixed ceiling for JSON, for the
   * coefficients the size of the parameters {@code configuration.json} declares (DL4J writes it
   * first), for a nested member that plus room for its configuration; all within
   * {@link #MAX_BYTES} together.
   */
  private static final class EntryLimits implements ArchiveEntries.Limits {
    private final String name;
    private final boolean outer;
    private final List<String> seen = new ArrayList<>();
    private NetworkEntries.Checked network;

    /**
     * @param name the file (or file and member entry), for messages
     * @param outer true for the model file itself, false for a nested member zip
     */
    EntryLimits(String name, boolean outer) {
      this.name = name;
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
      boolean configured = before.get(ModelSerializer.CONFIGURATION_JSON) != null;
      if (entry.equals(ModelSerializer.CONFIGURATION_JSON)
          || outer && entry.equals(METADATA_JSON)) {
        return new ArchiveEntries.Limit(ForecasterArchive.JSON_LIMIT,
            "the limit for JSON entries", true);
      }
      if (entry.equals(ModelSerializer.COEFFICIENTS_BIN)) {
        if (!configured) {
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
      if (outer && isMemberEntry(entry)) {
        if (!configured) {
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

    /** @return the checked configuration, read once */
    NetworkEntries.Checked network(ArchiveEntries entries) {
      if (network == null) {
        network = NetworkEntries.configuration(
            entries.get(ModelSerializer.CONFIGURATION_JSON), name);
      }
      return network;
    }
  }

  private static boolean isMemberEntry(String entry) {
    if (!entry.startsWith("member-") || !entry.endsWith(".zip")) {
      return false;
    }
    String number = entry.substring("member-".length(), entry.length() - ".zip".length());
    if (number.isEmpty() || number.length() > 4 || !number.chars().allMatch(Character::isDigit)
        || number.startsWith("0")) {
      return false;
    }
    return Integer.parseInt(number) < MAXIMUM_MEMBERS;
  }

  private static String memberEntry(int member) {
    return "member-" + member + ".zip";
  }

  private static String metadata(GlobalModel model) throws IOException {
    GlobalConfig config = model.config();
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", CURRENT_FORMAT_VERSION);
    root.put("kind", KIND);
    root.put("libraryVersion", LibraryVersion.library());
    root.put("dl4jVersion", LibraryVersion.dl4j());
    root.put("javaVersion", System.getProperty("java.version"));
    root.put("trainedAt", model.trainedAt().toString());
    root.put("normalization", model.normalization().name());
    root.put("members", model.networks().size());
    root.put("trainingSeries", model.trainingSeries());
    ObjectNode c = root.putObject("config");
    c.put("window", config.window());
    c.put("valuesPerStep", config.valuesPerStep());
    c.put("hidden", config.hidden());
    c.put("layers", config.layers());
    c.put("epochs", config.epochs());
    c.put("learningRate", config.learningRate());
    c.put("batchSize", config.batchSize());
    c.put("windowsPerSeries", config.windowsPerSeries());
    c.put("seed", config.seed());
    c.put("season", config.season());
    c.put("horizon", config.horizon());
    c.put("validation", config.validation());
    c.put("patience", config.patience());
    c.put("loss", config.loss().name());
    c.put("normalization", config.normalization().name());
    c.put("ensemble", config.ensemble());
    c.put("snapshots", config.snapshots());
    c.put("threads", config.threads());
    return JSON.writeValueAsString(root);
  }

  private record Metadata(GlobalConfig config, Normalization normalization, int members,
      int trainingSeries, Instant trainedAt) {}

  private static Metadata parse(String json, String name) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new ModelFormatException(name + ": metadata.json is not valid JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new ModelFormatException(name + ": metadata.json is not a JSON object");
    }
    int version = integer(root, "formatVersion", name);
    JsonNode kind = root.get("kind");
    if (kind == null || !KIND.equals(kind.asText())) {
      throw new ModelFormatException(name + " is not a global model file (metadata.json kind is "
          + (kind == null ? "missing" : "'" + kind.asText() + "'")
          + "); load single-series models with SeriesForecaster.load");
    }
    if (version < 1 || version > CURRENT_FORMAT_VERSION) {
      throw new ModelFormatException(String.format(Locale.ROOT,
          "%s has format version %d; this release reads global model versions 1 to %d",
          name, version, CURRENT_FORMAT_VERSION));
    }
    JsonNode c = root.get("config");
    if (c == null || !c.isObject()) {
      throw new ModelFormatException(name + ": metadata.json has no 'config'");
    }
    try {
      GlobalConfig config = new GlobalConfig(integer(c, "window", name),
          integer(c, "valuesPerStep", name), integer(c, "hidden", name),
          integer(c, "layers", name), integer(c, "epochs", name),
          decimal(c, "learningRate", name), integer(c, "batchSize", name),
          integer(c, "windowsPerSeries", name), c.path("seed").asLong(),
          integer(c, "season", name), integer(c, "horizon", name),
          integer(c, "validation", name), integer(c, "patience", name),
          TrainingLoss.valueOf(text(c, "loss", name)),
          Normalization.valueOf(text(c, "normalization", name)),
          integer(c, "ensemble", name), integer(c, "snapshots", name),
          integer(c, "threads", name));
      Normalization normalization = Normalization.valueOf(text(root, "normalization", name));
      if (normalization == Normalization.AUTO) {
        throw new IllegalArgumentException("normalization must be resolved, was AUTO");
      }
      int members = integer(root, "members", name);
      if (members < 1 || members > MAXIMUM_MEMBERS) {
        throw new IllegalArgumentException("members must be between 1 and " + MAXIMUM_MEMBERS
            + ", was " + members);
      }
      return new Metadata(config, normalization, members, integer(root, "trainingSeries", name),
          Instant.parse(text(root, "trainedAt", name)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ModelFormatException(name + ": metadata.json holds an invalid value: "
          + e.getMessage(), e);
    }
  }

  private static JsonNode field(JsonNode node, String field, String name) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new ModelFormatException(name + ": metadata.json has no '" + field + "'");
    }
    return value;
  }

  private static int integer(JsonNode node, String field, String name) {
    JsonNode value = field(node, field, name);
    if (!value.canConvertToInt()) {
      throw new ModelFormatException(name + ": metadata.json '" + field + "' is not an integer");
    }
    return value.asInt();
  }

  private static double decimal(JsonNode node, String field, String name) {
    JsonNode value = field(node, field, name);
    if (!value.isNumber()) {
      throw new ModelFormatException(name + ": metadata.json '" + field + "' is not a number");
    }
    return value.asDouble();
  }

  private static String text(JsonNode node, String field, String name) {
    return field(node, field, name).asText();
  }
}
