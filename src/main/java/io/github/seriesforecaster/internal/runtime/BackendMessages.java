package io.github.seriesforecaster.internal.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;

/** The messages for an ND4J backend that cannot start, from what is on the classpath and set. */
final class BackendMessages {
  private BackendMessages() {}

  /**
   * The error message for a backend priority variable that ND4J cannot parse: its {@code
   * Nd4jBackend} then fails to initialise with a bare {@code NumberFormatException}.
   *
   * @param environment the process environment, as from {@link System#getenv()}
   * @return empty if {@code BACKEND_PRIORITY_CPU} and {@code BACKEND_PRIORITY_GPU} are unset, empty
   *     or whole numbers
   */
  static Optional<String> invalidPriorityMessage(Map<String, String> environment) {
    for (String name : List.of("BACKEND_PRIORITY_CPU", "BACKEND_PRIORITY_GPU")) {
      String value = environment.get(name);
      if (value == null || value.isEmpty()) {
        continue;
      }
      try {
        Integer.parseInt(value); // as ND4J does: no trimming
      } catch (NumberFormatException e) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "environment variable %s must be a whole number, was '%s'; ND4J reads it to choose"
                    + " between its CPU and CUDA backends (see docs/backends.md)",
                name,
                value));
      }
    }
    return Optional.empty();
  }

  /**
   * The error message when ND4J cannot load any backend.
   *
   * <p>ND4J does not chain the reason a backend was skipped (such as the {@code
   * UnsatisfiedLinkError} for {@code libcuda.so.1}) into its {@code NoAvailableBackendException};
   * it logs it as a warning. So the message names the likely causes from what is on the classpath.
   *
   * @param cudaOnClasspath whether {@code nd4j-cuda-11.6}'s backend class is on the classpath
   * @param cpuOnClasspath whether {@code nd4j-native}'s backend class is on the classpath
   * @param failure what ND4J threw
   */
  static String loadFailureMessage(
      boolean cudaOnClasspath, boolean cpuOnClasspath, Throwable failure) {
    // Not seen here (no GPU): a GPU without kernels in the build may fail while ND4J starts,
    // before its compute capability can be read; CUDA then reports cudaErrorNoKernelImageForDevice.
    if (cudaOnClasspath && mentions(failure, "no kernel image", "NoKernelImageForDevice")) {
      return "ND4J could not start its CUDA backend: CUDA reported 'no kernel image is available for"
          + " execution on the device'; "
          + Backends.kernelsSentence()
          + "; use the CPU backend (see docs/backends.md)";
    }
    if (cudaOnClasspath && !cpuOnClasspath) {
      return "ND4J could not load its CUDA backend (nd4j-cuda-11.6); the likely cause is a missing"
          + " NVIDIA driver (libcuda.so.1) or CUDA 11.x runtime (libcublas.so.11,"
          + " libcusolver.so.11), named in ND4J's warning 'Skipped [JCublasBackend] backend"
          + " (unavailable)'; install both or use the CPU backend (see docs/backends.md)";
    }
    if (cpuOnClasspath && !cudaOnClasspath) {
      return "ND4J could not load its CPU backend (nd4j-native); the likely cause is a missing"
          + " native jar: add org.nd4j:nd4j-native with the classifier of this platform, such as"
          + " linux-x86_64 (see docs/backends.md)";
    }
    if (cudaOnClasspath) {
      return "ND4J could load neither its CUDA backend (nd4j-cuda-11.6) nor its CPU backend"
          + " (nd4j-native); the likely cause is a missing native jar (classifier linux-x86_64) or,"
          + " for CUDA, a missing NVIDIA driver (libcuda.so.1) or CUDA 11.x runtime"
          + " (libcublas.so.11); keep one backend on the classpath (see docs/backends.md)";
    }
    return "no ND4J backend is on the classpath; add org.nd4j:nd4j-native, or org.nd4j:nd4j-cuda-11.6"
        + " for an NVIDIA GPU, each with its linux-x86_64 classifier jar (see docs/backends.md)";
  }


  private static boolean mentions(Throwable failure, String... fragments) {
    // bounded walk: a cause chain may contain a cycle
    Throwable current = failure;
    for (int depth = 0; current != null && depth < 20; depth++, current = current.getCause()) {
      String text = String.valueOf(current.getMessage());
      for (String fragment : fragments) {
        if (text.contains(fragment)) {
          return true;
        }
      }
    }
    return false;
  }
}
