package io.github.seriesforecaster.internal.io;

import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.internal.model.lstm.FastLstm;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Locale;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.MinMaxSerializerStrategy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rebuilds the network and the scaler from the bytes of their zip entries, as DL4J's
 * {@code ModelSerializer} does for the entries a model file holds, but reading nothing else (no
 * updater state, and no {@code preprocessor.bin}, which {@code ModelSerializer} would read with
 * Java serialisation) and checking every declared size before anything is allocated. Public so
 * the global model's archive rebuilds its networks the same way.
 */
public final class NetworkEntries {
  /** Most units (inputs or outputs) of one layer. */
  public static final long MAXIMUM_UNITS = 1 << 16;
  /** Most parameters of a network: 1 GiB of floats. */
  public static final long MAXIMUM_PARAMETERS = 1L << 28;
  /** Bytes of {@code coefficients.bin} besides the values: two array headers, shape information. */
  public static final long COEFFICIENTS_OVERHEAD = 1024;

  private NetworkEntries() {}

  /**
   * A checked network configuration.
   *
   * @param configuration the DL4J configuration
   * @param parameters how many parameters the network has
   * @param inputs input columns per time step
   */
  public record Checked(MultiLayerConfiguration configuration, long parameters, int inputs) {
    /** @return the most bytes {@code coefficients.bin} may hold: the values as doubles at most */
    public long coefficientsLimit() {
      return COEFFICIENTS_OVERHEAD + parameters * Double.BYTES;
    }

    /** @return the LSTM layers (every layer but the output layer) */
    public int layers() {
      return configuration.getConfs().size() - 1;
    }

    /** @return the units of the first LSTM layer */
    public long hidden() {
      return ((FeedForwardLayer) configuration.getConf(0).getLayer()).getNOut();
    }

    /** @return the outputs of the output layer */
    public long outputs() {
      return ((FeedForwardLayer) configuration.getConf(layers()).getLayer()).getNOut();
    }
  }

  /**
   * Reads and checks {@code configuration.json}: only allowed classes, LSTM layers then an RNN
   * output layer, layer sizes within limits and linked to each other.
   *
   * @param json the entry's bytes
   * @param file the model file's name, for messages
   * @return the configuration and its parameter count
   * @throws ModelFormatException if it is not such a configuration
   */
  public static Checked configuration(byte[] json, String file) {
    MultiLayerConfiguration conf = ConfigurationClasses.parse(json, file);
    int count = conf.getConfs().size();
    if (count < 2) {
      throw inconsistent(file, "holds " + count + " layer(s); a series-forecaster network has "
          + "LSTM layers and an output layer");
    }
    long parameters = 0;
    long previousOut = -1;
    for (int i = 0; i < count; i++) {
      NeuralNetConfiguration layerConf = conf.getConf(i);
      Layer layer = layerConf == null ? null : layerConf.getLayer();
      boolean last = i == count - 1;
      // a Holt-Winters candidate's single convolution (LinearWindowNetwork) or LSTM layers
      boolean expected = last ? layer instanceof RnnOutputLayer
          : layer instanceof FastLstm || layer instanceof LSTM
              || count == 2 && layer instanceof Convolution1DLayer;
      if (!expected) {
        throw inconsistent(file, "layer " + i + " is "
            + (layer == null ? "missing" : layer.getClass().getSimpleName()) + "; expected "
            + (last ? "RnnOutputLayer" : "LSTM or FastLstm"));
      }
      // DL4J accepts these as null and fails only when the network runs
      if (((org.deeplearning4j.nn.conf.layers.BaseLayer) layer).getActivationFn() == null
          || layer instanceof RnnOutputLayer output && output.getLossFn() == null
          || layer instanceof LSTM lstm && lstm.getGateActivationFn() == null) {
        throw inconsistent(file, "layer " + i + " has no activation or loss function");
      }
      FeedForwardLayer sized = (FeedForwardLayer) layer;
      long in = sized.getNIn();
      long out = sized.getNOut();
      if (in < 1 || in > MAXIMUM_UNITS || out < 1 || out > MAXIMUM_UNITS) {
        throw inconsistent(file, String.format(Locale.ROOT,
            "layer %d has %d inputs and %d outputs; each must be 1 to %d", i, in, out,
            MAXIMUM_UNITS));
      }
      if (previousOut >= 0 && in != previousOut) {
        throw inconsistent(file, "layer " + i + " reads " + in + " inputs, but layer " + (i - 1)
            + " gives " + previousOut);
      }
      previousOut = out;
      // sizes are at most 2^16, so this cannot overflow
      parameters += layer.initializer().numParams(layerConf);
      if (parameters > MAXIMUM_PARAMETERS) {
        throw inconsistent(file, "declares more than " + MAXIMUM_PARAMETERS
            + " parameters, the limit of this release");
      }
    }
    return new Checked(conf, parameters, (int) ((FeedForwardLayer) conf.getConf(0).getLayer())
        .getNIn());
  }

  /**
   * @param checked the configuration, from {@link #configuration}
   * @param coefficients the bytes of {@code coefficients.bin}
   * @param file the model file's name, for messages
   * @return the network, initialised with the saved parameters
   * @throws IOException if the coefficients end early
   * @throws ModelFormatException if they do not fit the configuration
   */
  public static MultiLayerNetwork restore(Checked checked, byte[] coefficients, String file)
      throws IOException {
    DataInputStream check = new DataInputStream(new ByteArrayInputStream(coefficients));
    NdArrayFormat.Header header = NdArrayFormat.skip(check, file, "coefficients.bin");
    if (header.length() != checked.parameters() || check.available() != 0) {
      throw new ModelFormatException(String.format(Locale.ROOT,
          "%s: coefficients.bin holds %d parameters%s, but configuration.json declares %d",
          file, header.length(), check.available() == 0 ? "" : " and more bytes",
          checked.parameters()));
    }
    INDArray parameters;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(coefficients))) {
      parameters = Nd4j.read(in);
    }
    if (!allFinite(parameters)) {
      throw new ModelFormatException(file + ": coefficients.bin holds parameters that are NaN or "
          + "infinite; the entry is damaged");
    }
    MultiLayerConfiguration conf = checked.configuration();
    conf.setDataType(parameters.dataType());
    MultiLayerNetwork network = new MultiLayerNetwork(conf);
    network.init(parameters, false);
    return network;
  }

  /**
   * Reads the scaler, accepting only the min-max type this library writes: DL4J's generic
   * {@code NormalizerSerializer} would load and instantiate any class named in a custom header.
   *
   * @param bytes the bytes of {@code normalizer.bin}
   * @param inputs the columns it must scale
   * @param file the model file's name, for messages
   * @return the scaler
   * @throws IOException if the bytes end early
   * @throws ModelFormatException if it is not a min-max scaler of {@code inputs} columns
   */
  static NormalizerMinMaxScaler restoreNormalizer(byte[] bytes, int inputs, String file)
      throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    String header = in.readUTF();
    int version = in.readInt();
    String type = in.readUTF();
    if (!header.equals("NORMALIZER") || version != 1 || !type.equals("MIN_MAX")) {
      throw new ModelFormatException(file + ": normalizer.bin holds a " + type + " normalizer "
          + "(header " + header + ", version " + version + "); expected a MIN_MAX normalizer "
          + "of version 1");
    }
    // what MinMaxSerializerStrategy reads: fitLabel, the target range, then min and max arrays
    DataInputStream check = new DataInputStream(new ByteArrayInputStream(bytes));
    check.skipNBytes(bytes.length - in.available());
    if (check.readBoolean()) {
      throw new ModelFormatException(file + ": normalizer.bin scales labels too; this library "
          + "writes scalers of features only");
    }
    check.readDouble();
    check.readDouble();
    for (String array : new String[] {"minimum", "maximum"}) {
      NdArrayFormat.Header stats = NdArrayFormat.skip(check, file, "normalizer.bin");
      if (stats.length() != inputs) {
        throw new ModelFormatException(String.format(Locale.ROOT,
            "%s: normalizer.bin holds a %s for %d column(s), but the network reads %d",
            file, array, stats.length(), inputs));
      }
    }
    if (check.available() != 0) {
      throw new ModelFormatException(file + ": normalizer.bin holds " + check.available()
          + " bytes after the scaler");
    }
    NormalizerMinMaxScaler scaler = new MinMaxSerializerStrategy().restore(in);
    if (scaler.getTargetMin() != -1.0 || scaler.getTargetMax() != 1.0) {
      // the scaler maps to [-1, 1], the range of the LSTM's tanh; nothing else is written
      throw new ModelFormatException(String.format(Locale.ROOT,
          "%s: normalizer.bin scales to [%s, %s]; this library's scalers scale to [-1, 1]",
          file, scaler.getTargetMin(), scaler.getTargetMax()));
    }
    if (!allFinite(scaler.getMin()) || !allFinite(scaler.getMax())) {
      throw new ModelFormatException(file + ": normalizer.bin holds a minimum or maximum that is "
          + "NaN or infinite; the entry is damaged");
    }
    return scaler;
  }

  private static boolean allFinite(INDArray values) {
    return values.length() == 0 || Double.isFinite(values.sumNumber().doubleValue())
        && Double.isFinite(values.amaxNumber().doubleValue());
  }

  private static ModelFormatException inconsistent(String file, String what) {
    return new ModelFormatException(file + ": configuration.json " + what);
  }
}
