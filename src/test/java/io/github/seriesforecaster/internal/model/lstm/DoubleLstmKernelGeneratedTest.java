package io.github.seriesforecaster.internal.model.lstm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * DoubleLstmKernel is generated from FloatLstmKernel; this fails when someone edits one without
 * regenerating the other.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the generator is a POSIX shell script")
class DoubleLstmKernelGeneratedTest {
  private static final Path SCRIPT = Path.of("scripts", "generate-double-kernel.sh");
  private static final Path COMMITTED =
      Path.of("src/main/java/io/github/seriesforecaster/internal/model/lstm/DoubleLstmKernel.java");

  @Test
  void committedFile_equalsTheRegeneratedOne(@TempDir Path folder) throws Exception {
    Path generated = folder.resolve("DoubleLstmKernel.java");
    Process process = new ProcessBuilder("sh", SCRIPT.toString(), generated.toString())
        .redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the generator finishes").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("generator output: %s", output).isZero();
    assertThat(read(COMMITTED))
        .as("%s differs from what %s generates from FloatLstmKernel.java; edit FloatLstmKernel "
            + "only and run %s", COMMITTED, SCRIPT, SCRIPT)
        .isEqualTo(read(generated));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
