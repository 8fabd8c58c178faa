package io.github.seriesforecaster.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TestSeries;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a child JVM that keeps saving a model over the same file, at a random save, and
 * checks that the file left behind always loads and predicts as before. Slow: run with
 * {@code mvn -B test -Dgroups=slow -Dtest.excludedGroups=}.
 */
@Tag("slow")
class SaveCrashTest {
  @TempDir Path folder;

  @Test
  void save_killedMidWayLeavesALoadableModel() throws Exception {
    double[] series = TestSeries.sine(60);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(series);
    Path file = folder.resolve("model.zip");
    forecaster.save(file);
    double expected = forecaster.predict(series);
    Random random = new Random(5);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int round = 0; round < 5; round++) {
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          SaveLoop.class.getName(), file.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      int killAfter = 1 + random.nextInt(30);
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (int saves = 0; saves < killAfter; saves++) {
          assertThat(lines.readLine()).as("child is saving").isNotNull();
        }
        child.destroyForcibly(); // SIGKILL while it writes the next save
      }
      child.waitFor();
      assertThat(SeriesForecaster.load(file).predict(series)).isEqualTo(expected);
    }
    try (var files = Files.list(folder)) {
      // a killed save may leave its temporary file, never a damaged model
      assertThat(files.filter(p -> !p.getFileName().toString().endsWith(".tmp")))
          .containsExactly(file);
    }
  }
}
