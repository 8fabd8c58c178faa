package io.github.seriesforecaster.io;

import io.github.seriesforecaster.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.MinMaxSerializerStrategy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rebuilds the network and the scaler from the bytes of their zip entries, as DL4J's
 * {@code ModelSerializer} does for the entries a model file holds, but reading nothing else: no
 * updater state, and no {@code preprocessor.bin}, which {@code ModelSerializer} would read with
 * Java serialisation.
 */
final class NetworkEntries {
  private NetworkEntries() {}

  /**
   * @param configuration the bytes of {@code configuration.json}
   * @param coefficients the bytes of {@code coefficients.bin}
   * @return the network, initialised with the saved parameters
   * @throws IOException if the coefficients cannot be read
   */
  static MultiLayerNetwork restore(byte[] configuration, byte[] coefficients) throws IOException {
    MultiLayerConfiguration conf =
        MultiLayerConfiguration.fromJson(new String(configuration, StandardCharsets.UTF_8));
    INDArray parameters;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(coefficients))) {
      parameters = Nd4j.read(in);
    }
    conf.setDataType(parameters.dataType());
    MultiLayerNetwork network = new MultiLayerNetwork(conf);
    network.init(parameters, false);
    return network;
  }

  /**
   * Reads the scaler, accepting only the min-max type this library writes: the generic
   * {@code NormalizerSerializer} would load and instantiate any class named in a custom header.
   *
   * @param bytes the bytes of {@code normalizer.bin}
   * @return the scaler
   * @throws IOException if the bytes are cut short
   */
  static NormalizerMinMaxScaler restoreNormalizer(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    String header = in.readUTF();
    int version = in.readInt();
    String type = in.readUTF();
    if (!header.equals("NORMALIZER") || version != 1 || !type.equals("MIN_MAX")) {
      throw new ModelFormatException("normalizer.bin holds a " + type + " normalizer (header "
          + header + ", version " + version + "); expected a MIN_MAX normalizer of version 1");
    }
    return new MinMaxSerializerStrategy().restore(in);
  }
}
