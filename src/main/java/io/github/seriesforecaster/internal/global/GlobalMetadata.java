package io.github.seriesforecaster.internal.global;

import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.internal.io.LibraryVersion;
import io.github.seriesforecaster.internal.io.MetadataFields;
import io.github.seriesforecaster.many.GlobalConfig;
import io.github.seriesforecaster.many.Normalization;
import io.github.seriesforecaster.many.TrainingLoss;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Predicate;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * The {@code metadata.json} of a global model file: {@code "kind": "global"}, the format version,
 * the configuration and provenance, written field by field so that renaming a Java field cannot
 * change the file format.
 *
 * @param config the settings
 * @param normalization the resolved normalization (never {@code AUTO})
 * @param members the networks the file holds
 * @param trainingSeries how many series the model was trained on
 * @param trainedAt when training finished
 */
record GlobalMetadata(GlobalConfig config, Normalization normalization, int members,
    int trainingSeries, Instant trainedAt) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * @param model a model
   * @return its {@code metadata.json}
   * @throws IOException if Jackson cannot write it
   */
  static String toJson(GlobalModel model) throws IOException {
    GlobalConfig config = model.config();
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", GlobalArchive.CURRENT_FORMAT_VERSION);
    root.put("kind", GlobalArchive.KIND);
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

  /**
   * Reads the metadata, checking the kind and then the format version before anything else.
   *
   * @param json the text of {@code metadata.json}
   * @param name the file's name, for messages
   * @return the metadata
   * @throws ModelFormatException if it is malformed, incomplete, invalid, of another kind or of a
   *     newer format
   */
  static GlobalMetadata parse(String json, String name) {
    MetadataFields root = MetadataFields.parse(json, name);
    int version = integer(root, "formatVersion");
    JsonNode kind = root.node().get("kind");
    if (kind == null || !GlobalArchive.KIND.equals(kind.asText())) {
      throw new ModelFormatException(name + " is not a global model file (metadata.json kind is "
          + (kind == null ? "missing" : "'" + kind.asText() + "'")
          + "); load single-series models with SeriesForecaster.load");
    }
    if (version < 1 || version > GlobalArchive.CURRENT_FORMAT_VERSION) {
      throw new ModelFormatException(String.format(Locale.ROOT,
          "%s has format version %d; this release reads global model versions 1 to %d",
          name, version, GlobalArchive.CURRENT_FORMAT_VERSION));
    }
    JsonNode config = root.node().get("config");
    if (config == null || !config.isObject()) {
      throw new ModelFormatException(name + ": metadata.json has no 'config'");
    }
    // fields of config are named without the "config." path in messages, as before
    MetadataFields c = new MetadataFields(config, name, "");
    try {
      return new GlobalMetadata(config(c), normalization(root), members(root),
          integer(root, "trainingSeries"), Instant.parse(text(root, "trainedAt")));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ModelFormatException(name + ": metadata.json holds an invalid value: "
          + e.getMessage(), e);
    }
  }

  private static GlobalConfig config(MetadataFields c) {
    return new GlobalConfig(integer(c, "window"), integer(c, "valuesPerStep"),
        integer(c, "hidden"), integer(c, "layers"), integer(c, "epochs"),
        decimal(c, "learningRate"), integer(c, "batchSize"), integer(c, "windowsPerSeries"),
        c.node().path("seed").asLong(), integer(c, "season"), integer(c, "horizon"),
        integer(c, "validation"), integer(c, "patience"),
        TrainingLoss.valueOf(text(c, "loss")), Normalization.valueOf(text(c, "normalization")),
        integer(c, "ensemble"), integer(c, "snapshots"), integer(c, "threads"));
  }

  private static Normalization normalization(MetadataFields root) {
    Normalization normalization = Normalization.valueOf(text(root, "normalization"));
    if (normalization == Normalization.AUTO) {
      throw new IllegalArgumentException("normalization must be resolved, was AUTO");
    }
    return normalization;
  }

  private static int members(MetadataFields root) {
    int members = integer(root, "members");
    if (members < 1 || members > GlobalArchive.MAXIMUM_MEMBERS) {
      throw new IllegalArgumentException("members must be between 1 and "
          + GlobalArchive.MAXIMUM_MEMBERS + ", was " + members);
    }
    return members;
  }

  private static int integer(MetadataFields fields, String field) {
    // lenient as in the first global release: any number that fits an int is read as one
    return typed(fields, field, JsonNode::canConvertToInt, "an integer").asInt();
  }

  private static double decimal(MetadataFields fields, String field) {
    return typed(fields, field, JsonNode::isNumber, "a number").asDouble();
  }

  private static JsonNode typed(MetadataFields fields, String field, Predicate<JsonNode> accepts,
      String expected) {
    JsonNode value = fields.required(field);
    if (!accepts.test(value)) {
      throw new ModelFormatException(fields.file() + ": metadata.json '" + field + "' is not "
          + expected);
    }
    return value;
  }

  private static String text(MetadataFields fields, String field) {
    return fields.required(field).asText();
  }
}
