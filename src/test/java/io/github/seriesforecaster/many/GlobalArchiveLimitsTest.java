package io.github.seriesforecaster.many;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A global model file is read through the same limits as a single-series one. */
class GlobalArchiveLimitsTest {
  private static Map<String, byte[]> golden;

  @BeforeAll
  static void save() throws IOException {
    // MAE loss and two members: the nested member zip and LossMAE take the checked path too
    GlobalForecaster model = GlobalForecasterTest.smallModel().hidden(4).epochs(1)
        .loss(TrainingLoss.MAE).ensemble(2).build();
    model.fit(GlobalForecasterTest.seasonalSet(4, 3, 120));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.save(bytes);
    golden = entries(bytes.toByteArray());
    // the unchanged file loads
    GlobalForecaster.load(new ByteArrayInputStream(bytes.toByteArray()));
  }

  @Test
  void load_paddedMetadataFailsFast() throws IOException {
    String json = new String(golden.get("metadata.json"), StandardCharsets.UTF_8);
    String padded = json.substring(0, json.lastIndexOf('}')) + " ".repeat(8 << 20) + "}";
    Map<String, byte[]> entries = new LinkedHashMap<>(golden);
    entries.put("metadata.json", padded.getBytes(StandardCharsets.UTF_8));
    byte[] zip = zip(entries);
    long start = System.nanoTime();
    assertThatThrownBy(() -> GlobalForecaster.load(new ByteArrayInputStream(zip)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith("model stream")
        .hasMessageContaining("metadata.json");
    assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
  }

  @Test
  void load_foreignClassInMemberRejected() throws IOException {
    Map<String, byte[]> member = entries(golden.get("member-1.zip"));
    String configuration = new String(member.get("configuration.json"), StandardCharsets.UTF_8);
    assertThat(configuration).contains("org.nd4j.linalg.lossfunctions.impl.LossMAE");
    member.put("configuration.json", configuration.replace(
        "org.nd4j.linalg.lossfunctions.impl.LossMAE", "java.lang.Thread")
        .getBytes(StandardCharsets.UTF_8));
    Map<String, byte[]> entries = new LinkedHashMap<>(golden);
    entries.put("member-1.zip", zip(member));
    byte[] zip = zip(entries);
    assertThatThrownBy(() -> GlobalForecaster.load(new ByteArrayInputStream(zip)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith("model stream/member-1.zip: ")
        .hasMessageContaining("configuration.json names the class 'java.lang.Thread'");
  }

  @Test
  void load_foreignClassInFirstNetworkRejected() throws IOException {
    String configuration = new String(golden.get("configuration.json"), StandardCharsets.UTF_8);
    Map<String, byte[]> entries = new LinkedHashMap<>(golden);
    entries.put("configuration.json", configuration.replace(
        "org.nd4j.linalg.activations.impl.ActivationIdentity", "java.lang.Thread")
        .getBytes(StandardCharsets.UTF_8));
    byte[] zip = zip(entries);
    assertThatThrownBy(() -> GlobalForecaster.load(new ByteArrayInputStream(zip)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith("model stream: configuration.json names the class "
            + "'java.lang.Thread'");
  }

  private static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
