package io.github.seriesforecaster.internal.io;

import io.github.seriesforecaster.ModelFormatException;
import java.io.IOException;
import java.util.Set;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.shade.jackson.databind.JavaType;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.cfg.MapperConfig;
import org.nd4j.shade.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Reads {@code configuration.json} without letting it name arbitrary classes. DL4J's configuration
 * JSON names the class of each layer, activation, loss, updater and weight initialiser
 * ({@code "@class"}, Jackson's {@code JsonTypeInfo.Id.CLASS}); Jackson loads and initialises a
 * class named there before it checks that it is a subtype of the declared one, so a foreign name
 * would run that class's static initialiser even though the load then fails. Two guards keep
 * that from happening: every {@code @class} value must be one of {@link #ALLOWED}, checked on
 * the token stream before Jackson binds anything, and the mapper (a copy of DL4J's, with DL4J's
 * modules) carries a {@link PolymorphicTypeValidator} that denies every other type id by name,
 * before loading, wherever Jackson finds one (a type id may also come as the first element of an
 * array).
 */
final class ConfigurationClasses {
  /**
   * The classes a network built by {@code LstmNetworkFactory}, {@code LinearWindowNetwork} or the
   * global model's {@code GlobalNetworks} names (either LSTM implementation; MSE or MAE loss), and nothing
   * else; {@code ConfigurationClassesTest} checks that the factory's configurations name no
   * other.
   */
  static final Set<String> ALLOWED = Set.of(
      "io.github.seriesforecaster.internal.model.lstm.FastLstm",
      // the same layer under its name before the internal package move, which model files
      // written by earlier versions carry (a deprecated subclass keeps it loadable); built by
      // concatenation so scripts/move-internal.sh leaves it alone
      "io.github.seriesforecaster." + "model.lstm.FastLstm",
      "org.deeplearning4j.nn.conf.layers.LSTM",
      "org.deeplearning4j.nn.conf.layers.RnnOutputLayer",
      // the window-wide linear layer of a Holt-Winters candidate (internal.model.LinearWindowNetwork)
      "org.deeplearning4j.nn.conf.layers.Convolution1DLayer",
      "org.deeplearning4j.nn.weights.WeightInitXavier",
      "org.nd4j.linalg.activations.impl.ActivationTanH",
      "org.nd4j.linalg.activations.impl.ActivationSigmoid",
      "org.nd4j.linalg.activations.impl.ActivationIdentity",
      "org.nd4j.linalg.learning.config.Adam",
      "org.nd4j.linalg.lossfunctions.impl.LossMAE",
      "org.nd4j.linalg.lossfunctions.impl.LossMSE");

  private static final ObjectMapper MAPPER =
      NeuralNetConfiguration.mapper().copy().setPolymorphicTypeValidator(new Allowed());

  private ConfigurationClasses() {}

  /**
   * @param json the bytes of {@code configuration.json}, within the JSON size limit
   * @param file the model file's name, for messages
   * @return the network configuration
   * @throws ModelFormatException if the JSON names a class outside {@link #ALLOWED}, exceeds a
   *     JSON limit or is not a DL4J network configuration
   */
  static MultiLayerConfiguration parse(byte[] json, String file) {
    for (String name : JsonLimits.check(json, file, "configuration.json")) {
      if (!ALLOWED.contains(name)) {
        throw new ModelFormatException(file + ": configuration.json names the class '" + name
            + "', which a series-forecaster network does not use; it is not loaded");
      }
    }
    try {
      return MAPPER.readValue(json, MultiLayerConfiguration.class);
    } catch (IOException | RuntimeException e) {
      throw new ModelFormatException(file + ": configuration.json is not a network configuration"
          + " this release reads (" + e.getClass().getSimpleName() + ": "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
    }
  }

  /** Allows the listed type ids and denies every other, by name, before any class is loaded. */
  private static final class Allowed extends PolymorphicTypeValidator.Base {
    private static final long serialVersionUID = 1L;

    @Override
    public Validity validateSubClassName(MapperConfig<?> config, JavaType baseType,
        String subClassName) {
      return ALLOWED.contains(subClassName) ? Validity.ALLOWED : Validity.DENIED;
    }

    @Override
    public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
      return ALLOWED.contains(subType.getRawClass().getName()) ? Validity.ALLOWED
          : Validity.DENIED;
    }
  }
}
