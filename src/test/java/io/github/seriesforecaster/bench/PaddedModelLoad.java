package io.github.seriesforecaster.bench;

import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.internal.io.ModelZips;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The case of issue 16: loads the golden model with metadata.json padded by spaces and reports how
 * long the load took, how it ended and the heap in use. Run with a small heap:
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     io.github.seriesforecaster.bench.PaddedModelLoad 300
 * </pre>
 *
 * The argument is the padding in MiB (default 300).
 */
public final class PaddedModelLoad {
  private PaddedModelLoad() {}

  public static void main(String[] args) throws Exception {
    long mebibytes = args.length > 0 ? Long.parseLong(args[0]) : 300;
    Path folder = Files.createTempDirectory("padded");
    Path file = folder.resolve("padded.zip");
    try {
      ModelZips.writePaddedMetadata(file, mebibytes << 20);
      // load once unpadded first, so that the timing excludes starting ND4J
      SeriesForecaster.load(Path.of("src/test/resources/models/forecaster-0.1.0.zip"));
      long start = System.nanoTime();
      String outcome;
      try {
        SeriesForecaster.load(file);
        outcome = "loaded";
      } catch (ModelFormatException e) {
        outcome = "ModelFormatException: " + e.getMessage();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      Runtime runtime = Runtime.getRuntime();
      System.out.printf("padding %d MiB, file %d bytes, max heap %d MiB%n", mebibytes,
          Files.size(file), runtime.maxMemory() >> 20);
      System.out.printf("load ended after %d ms: %s%n", millis, outcome);
      System.out.printf("heap in use after: %d MiB%n",
          (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(folder);
    }
  }
}
