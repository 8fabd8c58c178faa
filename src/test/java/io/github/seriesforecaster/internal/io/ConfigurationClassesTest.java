package io.github.seriesforecaster.internal.io;

import static io.github.seriesforecaster.internal.io.ForecasterArchiveLimitsTest.edit;
import static io.github.seriesforecaster.internal.io.ModelZips.GOLDEN;
import static io.github.seriesforecaster.internal.io.ModelZips.text;
import static io.github.seriesforecaster.internal.io.ModelZips.with;
import static io.github.seriesforecaster.internal.io.ModelZips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.LstmImplementation;
import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.internal.model.LstmNetworkFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;

/**
 * A model file cannot make the loader load, initialise or instantiate a class it names: every
 * attempt is rejected with {@link ModelFormatException} and the canary classes of
 * {@link Canaries}, whose static initialisers and constructors record that they ran, stay
 * untouched. The control tests show that DL4J's own readers do run them, so the canaries can fail.
 */
class ConfigurationClassesTest {
  private static final String PLAIN = Canaries.Plain.class.getName();
  private static final String ACTIVATION = Canaries.Activation.class.getName();
  private final Map<String, byte[]> golden = ModelZips.entries(GOLDEN);

  @Test
  void allowed_coversEveryClassTheFactoryNames() {
    for (LstmImplementation lstm : LstmImplementation.values()) {
      for (int layers = 1; layers <= 3; layers++) {
        ForecasterConfig config = SeriesForecaster.builder().lstm(lstm).layers(layers)
            .horizon(layers).config();
        MultiLayerConfiguration conf = LstmNetworkFactory.configuration(config, layers);
        byte[] json = conf.toJson().getBytes(StandardCharsets.UTF_8);
        assertThat(JsonLimits.check(json, "factory", "configuration.json"))
            .as("%s, %d layer(s)", lstm, layers).isNotEmpty()
            .allMatch(ConfigurationClasses.ALLOWED::contains);
      }
    }
  }

  @Test
  void read_foreignLayerClass() {
    String json = edit(text(golden, "configuration.json"),
        "\"org.deeplearning4j.nn.conf.layers.RnnOutputLayer\"", "\"" + PLAIN + "\"");
    assertRejected("configuration.json", json)
        .hasMessage("the model stream: configuration.json names the class '" + PLAIN
            + "', which a series-forecaster network does not use; it is not loaded");
    assertNotRun("Plain");
  }

  @Test
  void read_foreignClassThatIsAValidSubtype() {
    // a genuine activation function on the classpath, where the configuration names one
    String json = text(golden, "configuration.json").replace(
        "org.nd4j.linalg.activations.impl.ActivationIdentity", ACTIVATION);
    assertRejected("configuration.json", json)
        .hasMessageContaining("names the class '" + ACTIVATION + "'");
    assertNotRun("Activation");
  }

  @Test
  void read_foreignClassAsGenericParameter() {
    String json = edit(text(golden, "configuration.json"),
        "\"org.nd4j.linalg.learning.config.Adam\"",
        "\"org.nd4j.linalg.learning.config.Adam<" + PLAIN + ">\"");
    assertRejected("configuration.json", json)
        .hasMessageContaining("names the class 'org.nd4j.linalg.learning.config.Adam<" + PLAIN);
    assertNotRun("Plain");
  }

  @Test
  void read_foreignClassAsArrayTypeId() {
    // Jackson also reads a type id from [ "class name", { ... } ], where no @class appears
    String json = text(golden, "configuration.json").replaceFirst(
        "\"activationFn\" : \\{\\s*\"@class\" : \"[^\"]*\"\\s*\\}",
        "\"activationFn\" : [ \"" + PLAIN.replace("$", "\\$") + "\", { } ]");
    assertThat(json).contains("[ \"" + PLAIN);
    assertRejected("configuration.json", json)
        .hasMessageStartingWith("the model stream: configuration.json is not a network "
            + "configuration this release reads");
    assertNotRun("Plain");
  }

  @Test
  void read_customNormalizerNamingAClass() throws IOException {
    byte[] normalizer = customNormalizer(PLAIN);
    assertRejected("normalizer.bin", normalizer)
        .hasMessage("the model stream: normalizer.bin holds a CUSTOM normalizer (header "
            + "NORMALIZER, version 1); expected a MIN_MAX normalizer of version 1");
    assertNotRun("Plain");
  }

  @Test
  void control_dl4jReadersRunTheClassesAFileNames() throws IOException {
    String json = text(golden, "configuration.json").replace(
        "org.deeplearning4j.nn.conf.layers.RnnOutputLayer", Canaries.class.getName() + "$Control");
    assertThatThrownBy(() -> MultiLayerConfiguration.fromJson(json));
    assertThat(Canaries.RAN).as("Jackson initialises a class before checking its type")
        .contains("Control");
    String arrayForm = text(golden, "configuration.json").replaceFirst(
        "\"activationFn\" : \\{\\s*\"@class\" : \"[^\"]*\"\\s*\\}",
        "\"activationFn\" : [ \"" + Canaries.class.getName() + "\\$ArrayControl\", { } ]");
    assertThatThrownBy(() -> MultiLayerConfiguration.fromJson(arrayForm));
    assertThat(Canaries.RAN).as("a type id in an array, without any @class, is enough")
        .contains("ArrayControl");

    byte[] normalizer = customNormalizer(Canaries.class.getName() + "$NormalizerControl");
    assertThatThrownBy(() -> NormalizerSerializer.getDefault()
        .restore(new ByteArrayInputStream(normalizer)));
    assertThat(Canaries.RAN).as("NormalizerSerializer instantiates the class a header names")
        .contains("NormalizerControl", "NormalizerControl()");
  }

  /** Loading the golden model with this entry replaced fails as a damaged model file. */
  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String entry,
      String json) {
    return assertRejected(entry, json.getBytes(StandardCharsets.UTF_8));
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String entry,
      byte[] bytes) {
    return assertThatThrownBy(() -> load(zip(with(golden, entry, bytes))))
        .isInstanceOf(ModelFormatException.class);
  }

  /** Neither the static initialiser nor the constructor of this canary class ran. */
  private static void assertNotRun(String canary) {
    assertThat(Canaries.RAN).doesNotContain(canary, canary + "()");
  }

  private static byte[] customNormalizer(String className) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF("NORMALIZER");
      out.writeInt(1);
      out.writeUTF("CUSTOM");
      out.writeUTF(className);
    }
    return bytes.toByteArray();
  }

  private static SeriesForecaster load(byte[] zip) throws IOException {
    return SeriesForecaster.load(new ByteArrayInputStream(zip));
  }
}
