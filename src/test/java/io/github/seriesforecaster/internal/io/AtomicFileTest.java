package io.github.seriesforecaster.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TestSeries;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saving under faults: a full file system, a read-only folder, a target that is a directory and a
 * parent that is a file each give an {@link IOException} naming the file and the reason, leave no
 * temporary file, and leave an existing model file intact and loadable. The file-system faults use
 * a small tmpfs mounted for the test, which needs root; elsewhere they are skipped with a message.
 */
class AtomicFileTest {
  private static final Logger log = LoggerFactory.getLogger(AtomicFileTest.class);
  @TempDir Path folder;
  private SeriesForecaster forecaster;
  private final double[] series = TestSeries.sine(80);
  private double expected;

  @BeforeEach
  void loadGolden() throws IOException {
    forecaster = SeriesForecaster.load(ModelZips.GOLDEN);
    expected = forecaster.predict(series);
  }

  @Test
  void save_fullFileSystem() throws Exception {
    Path mount = mountTmpfs("size=64k");
    try {
      Path model = mount.resolve("model.zip");
      forecaster.save(model);
      fill(mount.resolve("filler"));

      assertThatThrownBy(() -> forecaster.save(model))
          .isInstanceOf(IOException.class)
          .hasMessage("cannot write " + model + " (No space left on device); the existing file "
              + "is unchanged");
      Path other = mount.resolve("other.zip");
      assertThatThrownBy(() -> forecaster.save(other))
          .isInstanceOf(IOException.class)
          .hasMessage("cannot write " + other + " (No space left on device); no file was written");
      assertThat(names(mount)).containsExactlyInAnyOrder("model.zip", "filler");
      assertThat(SeriesForecaster.load(model).predict(series)).isEqualTo(expected);
    } finally {
      unmount(mount);
    }
  }

  @Test
  void save_readOnlyFolder() throws Exception {
    Path mount = mountTmpfs("size=1m");
    try {
      Path model = mount.resolve("model.zip");
      forecaster.save(model);
      run("mount", "-o", "remount,ro", mount.toString());

      assertThatThrownBy(() -> forecaster.save(model))
          .isInstanceOf(IOException.class)
          .hasMessage("cannot write " + model + " (Read-only file system); the existing file is "
              + "unchanged");
      Path nested = mount.resolve("sub").resolve("model.zip");
      assertThatThrownBy(() -> forecaster.save(nested))
          .isInstanceOf(IOException.class)
          .hasMessage("cannot write " + nested + " (Read-only file system); no file was written");
      assertThat(names(mount)).containsExactly("model.zip");
      assertThat(SeriesForecaster.load(model).predict(series)).isEqualTo(expected);
    } finally {
      unmount(mount);
    }
  }

  @Test
  void save_targetIsADirectory() throws IOException {
    Path directory = Files.createDirectory(folder.resolve("model.zip"));
    Files.writeString(directory.resolve("inside.txt"), "kept");
    assertThatThrownBy(() -> forecaster.save(directory))
        .isInstanceOf(IOException.class)
        .hasMessage(directory + " is a directory; expected a model file path");
    assertThat(names(folder)).containsExactly("model.zip");
    assertThat(names(directory)).containsExactly("inside.txt");
  }

  @Test
  void save_parentIsAFile() throws IOException {
    Path model = folder.resolve("model.zip");
    forecaster.save(model);
    Path inside = model.resolve("copy.zip");
    assertThatThrownBy(() -> forecaster.save(inside))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot write " + inside + ": " + model + " is a file, not a folder");
    Path deeper = model.resolve("sub").resolve("copy.zip");
    assertThatThrownBy(() -> forecaster.save(deeper))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot write " + deeper + ": " + model + " is a file, not a folder");
    assertThat(names(folder)).containsExactly("model.zip");
    assertThat(SeriesForecaster.load(model).predict(series)).isEqualTo(expected);
  }

  @Test
  void save_failingContentLeavesNoTemporaryFile() throws IOException {
    Path target = folder.resolve("data.bin");
    Files.writeString(target, "old");
    assertThatThrownBy(() -> AtomicFile.write(target, "a file path", out -> {
      out.write(new byte[1000]);
      throw new IOException("disk on fire");
    })).isInstanceOf(IOException.class)
        .hasMessage("cannot write " + target + " (disk on fire); the existing file is unchanged");
    assertThatThrownBy(() -> AtomicFile.write(target, "a file path", out -> {
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(names(folder)).containsExactly("data.bin");
    assertThat(Files.readString(target)).isEqualTo("old");
  }

  /** Mounts a tmpfs in the test's folder, or skips the test (with the reason) where it cannot. */
  private Path mountTmpfs(String options) throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    assumeTrue(root, "skipped: mounting a tmpfs for this test needs root");
    Path mount = Files.createDirectory(folder.resolve("mnt"));
    int status = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", mount.toString());
    if (status != 0) {
      log.warn("skipped: mount -t tmpfs failed with status {} in this environment", status);
    }
    assumeTrue(status == 0, "skipped: mount -t tmpfs is not permitted here");
    return mount;
  }

  private static void unmount(Path mount) throws Exception {
    if (run("umount", mount.toString()) != 0 && run("umount", "-l", mount.toString()) != 0) {
      log.warn("could not unmount the test's tmpfs at {}", mount);
    }
  }

  private static int run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  /** Writes zeros until the file system is full. */
  private static void fill(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] block = new byte[4096];
      for (int i = 0; i < 1024; i++) {
        out.write(block);
        out.flush();
      }
      throw new AssertionError("the tmpfs did not fill up");
    } catch (IOException full) {
      assertThat(full).hasMessageContaining("No space left on device");
    }
  }

  private static List<String> names(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
