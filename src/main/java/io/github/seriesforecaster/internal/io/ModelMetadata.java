package io.github.seriesforecaster.internal.io;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.TargetTransform;
import io.github.seriesforecaster.internal.model.TrainingData;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * The {@code metadata.json} of a model file: format version first, then the configuration and where
 * the model came from. Written field by field rather than by reflection, so renaming a Java field
 * cannot silently change the file format.
 *
 * @param formatVersion version of the archive layout
 * @param libraryVersion the series-forecaster version that wrote the file
 * @param dl4jVersion the DL4J version that wrote the network
 * @param javaVersion the Java version that wrote the file
 * @param trainedAt when training finished
 * @param config the settings
 * @param fittedTransform the transform the network was trained with ({@code AUTO} resolved)
 * @param shrinkage the fitted factor applied to predicted changes
 * @param data what the model was trained on
 */
public record ModelMetadata(
    int formatVersion,
    String libraryVersion,
    String dl4jVersion,
    String javaVersion,
    Instant trainedAt,
    ForecasterConfig config,
    TargetTransform fittedTransform,
    double shrinkage,
    TrainingData data) {

  /**
   * The newest format this release writes; it reads every version from 1 up to this one. Version 2
   * adds feature columns; a model without features is still written as version 1, which
   * releases before 2 read.
   */
  public static final int CURRENT_FORMAT_VERSION = 2;

  /** Most {@code threads} a model file may ask for: the setting applies to the whole process. */
  public static final int MAXIMUM_THREADS = 1024;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ModelMetadata {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(fittedTransform, "fittedTransform");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(trainedAt, "trainedAt");
  }

  /** @return metadata for a model trained now by this library */
  public static ModelMetadata current(ForecasterConfig config, TargetTransform fittedTransform,
      double shrinkage, TrainingData data, Instant trainedAt) {
    int version = data.features().isEmpty() ? 1 : CURRENT_FORMAT_VERSION;
    return new ModelMetadata(version, LibraryVersion.library(),
        LibraryVersion.dl4j(), System.getProperty("java.version"), trainedAt, config,
        fittedTransform, shrinkage, data);
  }

  /** @return the JSON text */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", formatVersion);
    root.put("libraryVersion", libraryVersion);
    root.put("dl4jVersion", dl4jVersion);
    root.put("javaVersion", javaVersion);
    root.put("trainedAt", trainedAt.toString());
    ObjectNode c = root.putObject("config");
    c.put("window", config.window());
    c.put("hidden", config.hidden());
    c.put("layers", config.layers());
    c.put("epochs", config.epochs());
    c.put("learningRate", config.learningRate());
    c.put("batchSize", config.batchSize());
    c.put("seed", config.seed());
    c.put("columnName", config.columnName());
    c.put("columnIndex", config.columnIndex());
    c.put("validationFraction", config.validationFraction());
    c.put("transform", config.transform().name());
    c.put("horizon", config.horizon());
    c.put("season", config.season());
    c.put("patience", config.patience());
    c.put("shrink", config.shrink());
    c.put("dateColumn", config.dateColumn());
    c.put("frequency", config.frequency());
    c.put("lstm", config.lstm().name());
    c.put("missingValues", config.missingValues().name());
    c.put("delimiter", String.valueOf(config.delimiter()));
    c.put("threads", config.threads());
    config.featureNames().forEach(c.putArray("featureNames")::add);
    config.featureIndices().forEach(c.putArray("featureIndices")::add);
    c.put("featureTransform", config.featureTransform().name());
    c.put("ensemble", config.ensemble());
    c.put("forecastHorizon", config.forecastHorizon());
    root.put("fittedTransform", fittedTransform.name());
    root.put("shrinkage", shrinkage);
    ObjectNode d = root.putObject("data");
    d.put("source", data.source());
    d.put("column", data.column());
    d.put("rows", data.rows());
    d.put("missing", data.missing());
    d.put("values", data.values());
    d.put("sha256", data.sha256());
    d.put("timeStep", data.timeStep());
    data.features().forEach(d.putArray("features")::add);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write metadata as JSON", e);
    }
  }

  /**
   * Reads metadata, checking the format version before anything else.
   *
   * @param json the text of {@code metadata.json}
   * @param file the model file's name, for messages
   * @return the metadata
   * @throws ModelFormatException if the JSON is malformed, incomplete, invalid or of a newer format
   */
  public static ModelMetadata fromJson(String json, String file) {
    MetadataFields fields = MetadataFields.parse(json, file);
    int version = fields.integer("formatVersion");
    if (version < 1 || version > CURRENT_FORMAT_VERSION) {
      throw new ModelFormatException(String.format(java.util.Locale.ROOT,
          "%s has format version %d; this release reads format versions 1 to %d",
          file, version, CURRENT_FORMAT_VERSION));
    }
    MetadataFields c = fields.object("config");
    MetadataFields d = fields.object("data");
    try {
      ForecasterConfig config = new ForecasterConfig(
          c.integer("window"), c.integer("hidden"), c.integer("layers"), c.integer("epochs"),
          c.decimal("learningRate"), c.integer("batchSize"), c.longInteger("seed"),
          c.textOrNull("columnName"), c.integer("columnIndex"), c.decimal("validationFraction"),
          c.enumValue("transform", TargetTransform.class), c.integerOr("horizon", 1),
          c.integer("season"),
          c.integer("patience"), c.bool("shrink"), c.textOrNull("dateColumn"),
          c.textOrNull("frequency"),
          c.enumValue("lstm", io.github.seriesforecaster.LstmImplementation.class),
          c.enumValue("missingValues", MissingValues.class),
          c.character("delimiter"), c.integer("threads"), c.texts("featureNames"),
          c.integers("featureIndices"), c.enumValueOr("featureTransform", TargetTransform.class,
              TargetTransform.AUTO),
          // a property of the machine that fits, not of the model: not stored, today's default
          ForecasterConfig.defaultParallelism(),
          c.integerOr("ensemble", ForecasterConfig.DEFAULT_ENSEMBLE),
          c.integerOr("forecastHorizon", ForecasterConfig.DEFAULT_FORECAST_HORIZON));
      if (config.threads() > MAXIMUM_THREADS) {
        // threads is applied process-wide on load; a file must not ask for thousands
        throw new ModelFormatException(String.format(java.util.Locale.ROOT,
            "%s: metadata.json asks for %d threads; a model file may ask for at most %d",
            file, config.threads(), MAXIMUM_THREADS));
      }
      TrainingData data = new TrainingData(d.text("source"), d.text("column"), d.integer("rows"),
          d.integer("missing"), d.integer("values"), d.text("sha256"),
          d.textOrNull("timeStep"), d.texts("features"));
      checkAgainstData(config, data, file);
      return new ModelMetadata(version, fields.text("libraryVersion"), fields.text("dl4jVersion"),
          fields.text("javaVersion"), Instant.parse(fields.text("trainedAt")), config,
          fields.enumValue("fittedTransform", TargetTransform.class),
          fields.decimal("shrinkage"), data);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ModelFormatException(file + ": metadata.json holds an invalid value: "
          + e.getMessage(), e);
    }
  }

  /**
   * A model's settings must fit the data it says it was trained on: its column names usable, and
   * its history (window and season) shorter than the series, so that a damaged file cannot ask
   * for histories of billions of values.
   */
  private static void checkAgainstData(ForecasterConfig config, TrainingData data, String file) {
    List<String> columns = data.inputColumns();
    if (columns.stream().anyMatch(String::isBlank)
        || new java.util.HashSet<>(columns).size() != columns.size()) {
      throw new ModelFormatException(file + ": metadata.json names the input columns " + columns
          + "; each must be non-blank and different");
    }
    long history = (long) config.window() + config.season() + 1;
    if (history > Math.max(data.rows(), data.values())) {
      throw new ModelFormatException(String.format(java.util.Locale.ROOT,
          "%s: metadata.json has window=%d and season=%d, but the model was trained on %d "
              + "values; the file is inconsistent",
          file, config.window(), config.season(), Math.max(data.rows(), data.values())));
    }
  }
}
