package io.github.seriesforecaster.internal.runtime;

import io.github.seriesforecaster.UnsupportedBackendException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, once per JVM, that the ND4J backend on the classpath can run here, and logs which one it
 * is.
 *
 * <p>Compiled against {@code nd4j-api} only: the CUDA backend is recognised through ND4J's
 * environment information, never through its classes, so this class works with either backend jar.
 * See {@code docs/backends.md}.
 */
public final class Backends {
  private static final Logger log = LoggerFactory.getLogger(Backends.class);

  /**
   * Compute capabilities with machine code (cubin) in libnd4jcuda.so of the ND4J 1.0.0-M2.1 CUDA
   * 11.6 build, read from its fatbin headers. The build has no PTX, so nothing is compiled for a
   * newer GPU at load time.
   */
  static final List<String> KERNEL_COMPUTE_CAPABILITIES =
      List.of("3.7", "5.0", "5.2", "6.0", "6.1", "7.0", "7.5", "8.0", "8.6");

  // What the kernels above run on, by CUDA's rule that a cubin for X.y runs on X.z with z >= y
  private static final String RUNS_ON = "3.7 and 5.x to 8.x";

  // Keys of Nd4j.getExecutioner().getEnvironmentInformation(), as in ND4J 1.0.0-M2.1's
  // Nd4jEnvironment constants and CudaExecutioner. Repeated as literals so that the parser can
  // be tested without ND4J.
  static final String DEVICES_KEY = "cuda.devicesInformation";
  static final String DEVICE_NAME_KEY = "cuda.deviceName";
  static final String DEVICE_MAJOR_KEY = "cuda.deviceMajor";
  static final String DEVICE_MINOR_KEY = "cuda.deviceMinor";

  static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
  static final String CPU_BACKEND_CLASS = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";

  private static final Object lock = new Object();
  // null until the first check has finished; then the outcome that every later call repeats
  private static volatile Outcome outcome;

  private Backends() {}

  /**
   * Checks the ND4J backend on the first call and repeats that result on every later call; safe to
   * call from any thread. The first call logs the backend, the default data type and, on CUDA,
   * each GPU's name and compute capability at INFO.
   *
   * @throws UnsupportedBackendException if ND4J cannot load any backend (for CUDA: no NVIDIA
   *     driver or no CUDA 11.x runtime), or a GPU's compute capability is not one that the ND4J
   *     1.0.0-M2.1 CUDA build supports; thrown again, with the same message, by every later call
   */
  /**
   * @return true when ND4J runs on its CPU backend, where the library's OpenBLAS-based
   *     {@code FastLstm} layer can be used
   */
  public static boolean isCpu() {
    checkOnce();
    return CPU_BACKEND_CLASS.equals(org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getName());
  }

  public static void checkOnce() {
    Outcome result = outcome;
    if (result == null) {
      synchronized (lock) {
        result = outcome;
        if (result == null) {
          result = check();
          outcome = result;
        }
      }
    }
    result.rethrow();
  }

  private static Outcome check() {
    String backend;
    String dataType;
    Map<?, ?> environment;
    try {
      quietInitialisation();
      backend = Nd4j.getBackend().getClass().getSimpleName();
      dataType = String.valueOf(Nd4j.defaultFloatingPointType());
      environment = Nd4j.getExecutioner().getEnvironmentInformation();
    } catch (RuntimeException | LinkageError e) {
      // ExceptionInInitializerError (first touch of Nd4j), NoClassDefFoundError (later touches),
      // UnsatisfiedLinkError, or a RuntimeException wrapping NoAvailableBackendException
      String message =
          BackendMessages.invalidPriorityMessage(System.getenv())
              .orElseGet(
                  () ->
                      BackendMessages.loadFailureMessage(
                          onClasspath(CUDA_BACKEND_CLASS), onClasspath(CPU_BACKEND_CLASS), e));
      return Outcome.failed(new UnsupportedBackendException(message, e));
    }
    try {
      List<GpuDevice> devices = parseDevices(environment);
      log.info("ND4J backend {}, data type {}{}", backend, dataType, describeDevices(devices));
      return unsupportedDevicesMessage(devices)
          .map(message -> Outcome.failed(new UnsupportedBackendException(message)))
          .orElse(Outcome.PASSED);
    } catch (UnsupportedBackendException e) {
      return Outcome.failed(e);
    }
  }

  /**
   * ND4J prints its environment (backend build, BLAS vendor, cores, memory: some fifteen INFO
   * lines) when it starts unless {@code org.nd4j.log.initialization} is false. Unless the user set
   * that property, it is shown only when this class logs at DEBUG; ND4J's other start-up lines
   * ("Loaded [CpuBackend] backend", thread counts) cannot be turned off from here, see
   * docs/getting-started.md for the logging line that hides them.
   */
  private static void quietInitialisation() {
    if (System.getProperty(LOG_INITIALIZATION) == null && !log.isDebugEnabled()) {
      System.setProperty(LOG_INITIALIZATION, "false");
    }
  }

  /** ND4J's {@code ND4JSystemProperties.LOG_INITIALIZATION}. */
  static final String LOG_INITIALIZATION = "org.nd4j.log.initialization";

  private static boolean onClasspath(String className) {
    try {
      Class.forName(className, false, Backends.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Whether a GPU can run the kernels of the ND4J 1.0.0-M2.1 CUDA build: CUDA runs a cubin built
   * for X.y on a GPU of compute capability X.z with z >= y (NVIDIA's Ada compatibility guide: 8.6
   * code runs on 8.9), never across major versions; without PTX nothing else runs.
   *
   * @param major compute capability major version, as reported by CUDA
   * @param minor compute capability minor version
   */
  static boolean isSupported(int major, int minor) {
    for (String kernel : KERNEL_COMPUTE_CAPABILITIES) {
      int dot = kernel.indexOf('.');
      int kernelMajor = Integer.parseInt(kernel.substring(0, dot));
      int kernelMinor = Integer.parseInt(kernel.substring(dot + 1));
      if (kernelMajor == major && kernelMinor <= minor) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the GPUs from {@code Nd4j.getExecutioner().getEnvironmentInformation()}.
   *
   * @return the GPUs in ND4J's device order; empty on the CPU backend (no device list)
   * @throws UnsupportedBackendException if a GPU's compute capability is missing or not a number
   */
  static List<GpuDevice> parseDevices(Map<?, ?> environment) {
    if (!(environment.get(DEVICES_KEY) instanceof List<?> entries)) {
      return List.of();
    }
    List<GpuDevice> devices = new ArrayList<>(entries.size());
    for (int index = 0; index < entries.size(); index++) {
      Map<?, ?> entry = entries.get(index) instanceof Map<?, ?> map ? map : Map.of();
      Object name = entry.get(DEVICE_NAME_KEY);
      devices.add(
          new GpuDevice(
              index,
              name == null ? "unknown" : name.toString().strip(),
              versionNumber(entry, DEVICE_MAJOR_KEY, index),
              versionNumber(entry, DEVICE_MINOR_KEY, index)));
    }
    return List.copyOf(devices);
  }

  private static int versionNumber(Map<?, ?> entry, String key, int index) {
    Object value = entry.get(key);
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return Integer.parseInt(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      throw new UnsupportedBackendException(
          String.format(
              Locale.ROOT,
              "cannot read the compute capability of GPU %d: ND4J reported %s=%s, expected a number",
              index,
              key,
              value));
    }
  }

  /**
   * The error message for the GPUs the ND4J CUDA build cannot run, if any.
   *
   * @return empty if every GPU is supported (or there are none)
   */
  static Optional<String> unsupportedDevicesMessage(List<GpuDevice> devices) {
    List<GpuDevice> unsupported =
        devices.stream().filter(device -> !device.supported()).collect(Collectors.toList());
    if (unsupported.isEmpty()) {
      return Optional.empty();
    }
    String found =
        unsupported.stream()
            .map(
                device ->
                    String.format(
                        Locale.ROOT,
                        "GPU %d '%s' has compute capability %s",
                        device.index(),
                        device.name(),
                        device.computeCapability()))
            .collect(Collectors.joining(", "));
    // With a supported GPU next to an unsupported one, hiding the latter is enough.
    String hint =
        unsupported.size() < devices.size()
            ? "use the CPU backend or hide the unsupported GPUs with CUDA_VISIBLE_DEVICES"
            : "use the CPU backend";
    return Optional.of(
        found
            + "; "
            + kernelsSentence()
            + "; "
            + hint
            + " (see docs/backends.md)");
  }

  static String kernelsSentence() {
    return "the ND4J 1.0.0-M2.1 CUDA build has kernels only for "
        + String.join(", ", KERNEL_COMPUTE_CAPABILITIES)
        + " and no PTX, so it runs only on "
        + RUNS_ON;
  }

  /**
   * The devices part of the INFO line: empty on the CPU backend.
   */
  static String describeDevices(List<GpuDevice> devices) {
    if (devices.isEmpty()) {
      return "";
    }
    return devices.stream()
        .map(
            device ->
                String.format(
                    Locale.ROOT,
                    "GPU %d '%s' compute capability %s%s",
                    device.index(),
                    device.name(),
                    device.computeCapability(),
                    device.supported() ? "" : " (unsupported)"))
        .collect(Collectors.joining(", ", ", ", ""));
  }

  /**
   * One CUDA device as ND4J reports it.
   *
   * @param index ND4J's device number, from 0
   * @param name the name CUDA reports, such as {@code NVIDIA A100-SXM4-40GB}
   * @param major compute capability major version
   * @param minor compute capability minor version
   */
  record GpuDevice(int index, String name, int major, int minor) {
    String computeCapability() {
      return major + "." + minor;
    }

    boolean supported() {
      return isSupported(major, minor);
    }
  }

  private record Outcome(UnsupportedBackendException failure) {
    static final Outcome PASSED = new Outcome(null);

    static Outcome failed(UnsupportedBackendException failure) {
      return new Outcome(failure);
    }

    void rethrow() {
      if (failure != null) {
        // a fresh exception per call, so each caller gets its own stack trace
        throw new UnsupportedBackendException(failure.getMessage(), failure.getCause());
      }
    }
  }
}
