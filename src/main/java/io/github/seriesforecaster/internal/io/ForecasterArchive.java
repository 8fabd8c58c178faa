package io.github.seriesforecaster.internal.io;

import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.internal.data.Scaler;
import io.github.seriesforecaster.internal.data.WindowEncoder;
import io.github.seriesforecaster.internal.runtime.Backends;
import io.github.seriesforecaster.internal.model.FittedModel;
import io.github.seriesforecaster.internal.model.LstmNetworkFactory;
import io.github.seriesforecaster.internal.model.ForecastErrors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model file: a zip holding DL4J's own entries ({@code configuration.json},
 * {@code coefficients.bin}, and the scaler as {@code normalizer.bin}), so DL4J's
 * {@code ModelSerializer.restoreMultiLayerNetworkAndNormalizer} can read it too, plus our
 * {@code metadata.json}.
 *
 * <p>Writing is atomic ({@link AtomicFile}): the zip is written to a temporary file in the
 * target's folder, forced to disk, then moved over the target in one step, so a crash leaves
 * either the old file or the new one.
 *
 * <p>Reading treats the file as untrusted input: one pass over the zip ({@link ArchiveEntries}),
 * each entry through a size limit (JSON entries {@link #JSON_LIMIT}, the coefficients the size of
 * the parameters {@code configuration.json} declares, the scaler the size its column count needs),
 * at most {@link ArchiveEntries#MAXIMUM_ENTRIES} entries, no name twice, no entry expanding more
 * than {@link ArchiveEntries#MAXIMUM_RATIO}-fold; JSON depth and number lengths checked before
 * parsing ({@link JsonLimits}); only the classes a series-forecaster network uses may be named
 * ({@link ConfigurationClasses}); array sizes checked against the bytes present before ND4J
 * allocates ({@link NdArrayFormat}). Every failure is a {@link ModelFormatException} naming the
 * file, the entry and the limit.
 */
public final class ForecasterArchive {
  /** Name of our entry in the zip. */
  public static final String METADATA_JSON = "metadata.json";
  /** Validation forecast errors, for prediction intervals; absent when there was no validation. */
  public static final String ERRORS_JSON = "forecast-errors.json";
  /** Most bytes of a JSON entry; ours hold a few kilobytes. */
  public static final long JSON_LIMIT = 1 << 20;
  /** Most bytes of {@code normalizer.bin}: a scaler of some 65,000 columns. */
  public static final long SCALER_LIMIT = 1 << 20;

  private static final Logger log = LoggerFactory.getLogger(ForecasterArchive.class);

  private ForecasterArchive() {}

  /**
   * @param model the model to save
   * @param target the file to write; parent folders are created
   * @throws IOException if the file cannot be written
   */
  public static void write(FittedModel model, Path target) throws IOException {
    byte[] network = networkEntries(model.network());
    AtomicFile.write(target, "a model file path", file -> writeZip(model, network, file));
    log.info("saved model to {} ({} bytes)", target, Files.size(target));
  }

  /**
   * Writes the same zip as {@link #write(FittedModel, Path)} to a stream.
   *
   * @param model the model to save
   * @param out where the zip goes; flushed, not closed
   * @throws IOException if the stream fails
   */
  public static void write(FittedModel model, OutputStream out) throws IOException {
    writeZip(model, networkEntries(model.network()), new NonClosingOutputStream(out));
    log.info("saved model to a stream");
  }

  private static void writeZip(FittedModel model, byte[] network, OutputStream out)
      throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      copyEntries(network, zip);
      zip.putNextEntry(new ZipEntry(ModelSerializer.NORMALIZER_BIN));
      NormalizerSerializer.getDefault().write(model.encoder().scaler().normalizer(),
          new NonClosingOutputStream(zip));
      zip.closeEntry();
      if (model.errors() != null) {
        zip.putNextEntry(new ZipEntry(ERRORS_JSON));
        zip.write(ErrorsJson.write(model.errors()).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry(METADATA_JSON));
      String json = ModelMetadata.current(model.config(), model.encoder().codec().transform(),
          model.encoder().shrinkage(), model.data(), model.trainedAt()).toJson();
      zip.write(json.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }

  /**
   * @param source a file written by {@link #write}
   * @return the model it holds
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws IOException if it cannot be read
   * @throws ModelFormatException if it is not a complete model file of a supported version
   */
  public static FittedModel read(Path source) throws IOException {
    Backends.checkOnce();
    try (InputStream in = ModelFiles.open(source)) {
      return read(in, source.toString());
    }
  }

  /**
   * Reads a model from a stream holding the bytes of a model file, up to the stream's end.
   *
   * @param in the zip's bytes; read to its end, not closed
   * @param name what to call the source in messages, e.g. {@code the model stream}
   * @return the model it holds
   * @throws IOException if the stream fails
   * @throws ModelFormatException if it is not a complete model file of a supported version
   */
  public static FittedModel read(InputStream in, String name) throws IOException {
    Backends.checkOnce();
    EntryLimits limits = new EntryLimits(name);
    ArchiveEntries entries = ArchiveEntries.read(in, name, limits);
    byte[] metadataBytes = entries.get(METADATA_JSON);
    if (metadataBytes == null) {
      boolean dl4j = entries.get(ModelSerializer.CONFIGURATION_JSON) != null;
      throw new ModelFormatException(name + " has no " + METADATA_JSON + "; "
          + (dl4j ? "it is a DL4J model zip, but not one written by series-forecaster"
              : "it is not a series-forecaster model file"));
    }
    JsonLimits.check(metadataBytes, name, METADATA_JSON);
    ModelMetadata metadata =
        ModelMetadata.fromJson(new String(metadataBytes, StandardCharsets.UTF_8), name);
    ForecastErrors errors = null;
    byte[] errorsBytes = entries.get(ERRORS_JSON);
    if (errorsBytes != null) {
      JsonLimits.check(errorsBytes, name, ERRORS_JSON);
      errors = ErrorsJson.read(new String(errorsBytes, StandardCharsets.UTF_8), name);
    }
    entries.require(name, ModelSerializer.CONFIGURATION_JSON, ModelSerializer.COEFFICIENTS_BIN,
        ModelSerializer.NORMALIZER_BIN);
    MultiLayerNetwork network;
    NormalizerMinMaxScaler normalizer;
    try {
      NetworkEntries.Checked checked = limits.network(entries);
      checkAgainstMetadata(checked, metadata, name);
      network = NetworkEntries.restore(checked, entries.get(ModelSerializer.COEFFICIENTS_BIN),
          name);
      normalizer = NetworkEntries.restoreNormalizer(entries.get(ModelSerializer.NORMALIZER_BIN),
          checked.inputs(), name);
    } catch (ModelFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ModelFiles.unreadable(name, "the network or scaler", e);
    }
    if (!Backends.isCpu()) {
      // FastLstm runs on the CPU backend only; its weights fit DL4J's LSTM unchanged
      network = LstmNetworkFactory.withStandardLayers(network, metadata.config());
    }
    if (normalizer == null) {
      throw new ModelFormatException(name + ": normalizer.bin holds no scaler");
    }
    WindowEncoder encoder;
    try {
      List<Scaler> scalers = Scaler.allOf(normalizer);
      int inputs = metadata.data().inputColumns().size();
      long networkInputs = network.getLayer(0).getParam("W").size(0);
      if (scalers.size() != inputs || networkInputs != inputs) {
        throw new ModelFormatException(String.format(java.util.Locale.ROOT,
            "%s: metadata.json names %d input column(s) %s, but normalizer.bin scales %d and "
                + "the network reads %d; the file is inconsistent",
            name, inputs, metadata.data().inputColumns(), scalers.size(), networkInputs));
      }
      encoder = WindowEncoder.of(metadata.config(), metadata.fittedTransform(), scalers,
          metadata.shrinkage());
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(name + ": " + e.getMessage(), e);
    }
    log.info("loaded model from {} (format {}, written by series-forecaster {})", name,
        metadata.formatVersion(), metadata.libraryVersion());
    return new FittedModel(metadata.config(), network, encoder, metadata.data(),
        metadata.trainedAt(), errors);
  }

  /** The network's shape must be the one the metadata's configuration describes. */
  private static void checkAgainstMetadata(NetworkEntries.Checked checked, ModelMetadata metadata,
      String name) {
    int layers = checked.layers();
    long hidden = checked.hidden();
    long outputs = checked.outputs();
    var config = metadata.config();
    // an ensemble's members are merged side by side into one network ensemble() times as wide
    long units = (long) config.hidden() * config.ensemble();
    if (layers != config.layers() || hidden != units || outputs != config.horizon()) {
      throw new ModelFormatException(String.format(java.util.Locale.ROOT,
          "%s: metadata.json describes %d LSTM layer(s) of %d units and %d output(s), but "
              + "configuration.json holds %d of %d and %d; the file is inconsistent",
          name, config.layers(), units, config.horizon(), layers, hidden, outputs));
    }
  }

  /** Each entry's size limit: a fixed ceiling for JSON, the scaler's from its column count. */
  private static final class EntryLimits extends NetworkEntryLimits {
    EntryLimits(String name) {
      super(name);
    }

    @Override
    public ArchiveEntries.Limit of(String entry, ArchiveEntries before) {
      switch (entry) {
        case METADATA_JSON, ERRORS_JSON, ModelSerializer.CONFIGURATION_JSON:
          return new ArchiveEntries.Limit(JSON_LIMIT, "the limit for JSON entries", true);
        case ModelSerializer.COEFFICIENTS_BIN:
          return coefficients(before);
        case ModelSerializer.NORMALIZER_BIN:
          return !configured(before)
              ? new ArchiveEntries.Limit(SCALER_LIMIT, "the limit for the scaler", true)
              : new ArchiveEntries.Limit(
                  Math.min(SCALER_LIMIT, 4096 + 16L * network(before).inputs()),
                  "the size of a scaler of " + network(before).inputs() + " column(s)", true);
        default:
          return new ArchiveEntries.Limit(JSON_LIMIT,
              "the limit for entries this release does not read", false);
      }
    }
  }

  /**
   * @param network a network
   * @return DL4J's zip of the network alone (configuration and coefficients, no updater state);
   *     also the global model's network entries
   * @throws IOException if DL4J cannot write it
   */
  public static byte[] networkEntries(MultiLayerNetwork network) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(network, bytes, false);
    return bytes.toByteArray();
  }

  /**
   * Copies every entry of a zip, as bytes, into another zip being written.
   *
   * @param zipBytes the zip to copy from
   * @param target the zip to copy into
   * @throws IOException if either zip fails
   */
  public static void copyEntries(byte[] zipBytes, ZipOutputStream target) throws IOException {
    try (ZipInputStream source = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
      for (ZipEntry entry = source.getNextEntry(); entry != null; entry = source.getNextEntry()) {
        target.putNextEntry(new ZipEntry(entry.getName()));
        source.transferTo(target);
        target.closeEntry();
      }
    }
  }

  /** NormalizerSerializer closes the stream it is given; the zip must stay open. */
  private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
