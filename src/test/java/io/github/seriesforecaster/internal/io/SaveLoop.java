package io.github.seriesforecaster.internal.io;

import io.github.seriesforecaster.SeriesForecaster;
import java.nio.file.Path;

/** Child process of {@link SaveCrashTest}: loads a model, then saves it over itself forever. */
public final class SaveLoop {
  private SaveLoop() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    SeriesForecaster forecaster = SeriesForecaster.load(file);
    for (long saves = 1; ; saves++) {
      forecaster.save(file);
      System.out.println(saves);
      System.out.flush();
    }
  }
}
