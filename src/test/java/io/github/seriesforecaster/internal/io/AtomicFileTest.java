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
    onTmpfsWithModel("size=64k", (mount, model) -> {
      fill(mount.resolve("filler"));

      assertSaveFails(model, "cannot write " + model + " (No space left on device); the existing "
          + "file is unchanged");
      Path other = mount.resolve("other.zip");
      assertSaveFails(other, "cannot write " + other + " (No space left on device); no file was "
          + "written");
      assertThat(names(mount)).containsExactlyInAnyOrder("model.zip", "filler");
      assertLoadsAsBefore(model);
    });
  }

  @Test
  void save_readOnlyFolder() throws Exception {
    onTmpfsWithModel("size=1m", (mount, model) -> {
      run("mount", "-o", "remount,ro", mount.toString());

      assertSaveFails(model, "cannot write " + model + " (Read-only file system); the existing "
          + "file is unchanged");
      Path nested = mount.resolve("sub").resolve("model.zip");
      assertSaveFails(nested, "cannot write " + nested + " (Read-only file system); no file was "
          + "written");
      assertThat(names(mount)).containsExactly("model.zip");
      assertLoadsAsBefore(model);
    });
  }

  @Test
  void save_targetIsADirectory() throws IOException {
    Path directory = Files.createDirectory(folder.resolve("model.zip"));
    Files.writeString(directory.resolve("inside.txt"), "kept");
    assertSaveFails(directory, directory + " is a directory; expected a model file path");
    assertThat(names(folder)).containsExactly("model.zip");
    assertThat(names(directory)).containsExactly("inside.txt");
  }

  @Test
  void save_parentIsAFile() throws IOException {
    Path model = folder.resolve("model.zip");
    forecaster.save(model);
    Path inside = model.resolve("copy.zip");
    assertSaveFails(inside, "cannot write " + inside + ": " + model + " is a file, not a folder");
    Path deeper = model.resolve("sub").resolve("copy.zip");
    assertSaveFails(deeper, "cannot write " + deeper + ": " + model + " is a file, not a folder");
    assertThat(names(folder)).containsExactly("model.zip");
    assertLoadsAsBefore(model);
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

  private void assertSaveFails(Path target, String message) {
    assertThatThrownBy(() -> forecaster.save(target))
        .isInstanceOf(IOException.class)
        .hasMessage(message);
  }

  private void assertLoadsAsBefore(Path model) throws IOException {
    assertThat(SeriesForecaster.load(model).predict(series)).isEqualTo(expected);
  }

  /** A check on a tmpfs that holds the golden model as model.zip. */
  private interface MountedCheck {
    void check(Path mount, Path model) throws Exception;
  }

  /** Mounts a tmpfs (or skips), saves the model to model.zip in it, runs the check, unmounts. */
  private void onTmpfsWithModel(String options, MountedCheck check) throws Exception {
    Path mount = mountTmpfs(options);
    try {
      Path model = mount.resolve("model.zip");
      forecaster.save(model);
      check.check(mount, model);
    } finally {
      unmount(mount);
    }
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
