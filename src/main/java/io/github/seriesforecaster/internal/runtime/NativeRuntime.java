package io.github.seriesforecaster.internal.runtime;

import org.nd4j.linalg.factory.Nd4j;

/** Process-wide ND4J settings. */
public final class NativeRuntime {
  private NativeRuntime() {}

  /**
   * Sets ND4J's OpenMP and BLAS thread counts. For small recurrent networks one thread is fastest:
   * each op is too small to split, and waking a second thread costs more than it saves.
   *
   * @param threads at least 1
   */
  public static void useThreads(int threads) {
    Backends.checkOnce();
    Nd4j.getEnvironment().setMaxThreads(threads);
    Nd4j.getEnvironment().setMaxMasterThreads(threads);
    Nd4j.factory().blas().setMaxThreads(threads);
    if (!Boolean.getBoolean("seriesforecaster.periodicGc")) {
      // ND4J otherwise calls System.gc() every 100 ms to release off-heap buffers; each fit frees
      // its own large arrays explicitly instead (see Fitting), so the full collections only cost time
      Nd4j.getMemoryManager().togglePeriodicGc(false);
    }
  }
}
