package io.github.seriesforecaster.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.seriesforecaster.UnsupportedBackendException;
import io.github.seriesforecaster.internal.runtime.Backends.GpuDevice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;
import org.slf4j.LoggerFactory;

class BackendsTest {
  /** The middle of the message for unsupported GPUs, whatever GPUs it names. */
  private static final String CUDA_BUILD = "the ND4J 1.0.0-M2.1 CUDA build has kernels only for"
      + " 3.7, 5.0, 5.2, 6.0, 6.1, 7.0, 7.5, 8.0, 8.6 and no PTX, so it runs only on 3.7 and 5.x"
      + " to 8.x; use the CPU backend";

  /** GPUs 0, 1, ... with the given names and compute capabilities (major, minor). */
  private static List<GpuDevice> gpus(Object... nameMajorMinor) {
    List<GpuDevice> devices = new ArrayList<>();
    for (int i = 0; i < nameMajorMinor.length; i += 3) {
      devices.add(new GpuDevice(i / 3, (String) nameMajorMinor[i], (Integer) nameMajorMinor[i + 1],
          (Integer) nameMajorMinor[i + 2]));
    }
    return devices;
  }

  /** Shaped like CudaExecutioner.getEnvironmentInformation() in ND4J 1.0.0-M2.1. */
  private static Properties cudaEnvironment(Object... nameMajorMinor) {
    List<Map<String, Object>> devices = new ArrayList<>();
    for (int i = 0; i < nameMajorMinor.length; i += 3) {
      Map<String, Object> device = new HashMap<>();
      device.put("cuda.deviceName", nameMajorMinor[i]);
      device.put("cuda.freeMemory", 80_000_000_000L);
      device.put("cuda.totalMemory", 85_000_000_000L);
      device.put("cuda.deviceMajor", nameMajorMinor[i + 1]);
      device.put("cuda.deviceMinor", nameMajorMinor[i + 2]);
      devices.add(device);
    }
    Properties environment = new Properties();
    environment.put("backend", "CUDA");
    environment.put("cuda.availableDevices", devices.size());
    environment.put("cuda.devicesInformation", devices);
    environment.put("blas.vendor", "CUBLAS");
    return environment;
  }

  @Test
  void isSupported_capabilitiesInTheBuild() {
    assertSupported(true, new int[][] {
        {3, 7}, {5, 0}, {5, 2}, {6, 0}, {6, 1}, {7, 0}, {7, 5}, {8, 0}, {8, 6}});
  }

  @Test
  void isSupported_laterMinorOfTheSameMajor() {
    // a cubin for X.y runs on X.z with z >= y: Ada 8.9 runs the 8.6 code, Jetson 5.3/6.2/7.2/8.7
    assertSupported(true, new int[][] {{5, 3}, {6, 2}, {7, 2}, {8, 7}, {8, 9}});
  }

  @Test
  void isSupported_capabilitiesWithoutKernels() {
    // Kepler 3.0/3.5 (lower minor than 3.7), Hopper 9.0, Blackwell 10.0/12.0: other major, no PTX
    assertSupported(false, new int[][] {{3, 0}, {3, 5}, {9, 0}, {10, 0}, {12, 0}});
  }

  private static void assertSupported(boolean expected, int[][] capabilities) {
    for (int[] capability : capabilities) {
      assertThat(Backends.isSupported(capability[0], capability[1]))
          .as("%d.%d", capability[0], capability[1])
          .isEqualTo(expected);
    }
  }

  @Test
  void parseDevices_cudaEnvironment() {
    Properties environment =
        cudaEnvironment("NVIDIA A100-SXM4-40GB", 8L, 0L, "NVIDIA GeForce RTX 4090", 8L, 9L);

    assertThat(Backends.parseDevices(environment))
        .containsExactly(
            new GpuDevice(0, "NVIDIA A100-SXM4-40GB", 8, 0),
            new GpuDevice(1, "NVIDIA GeForce RTX 4090", 8, 9));
  }

  @Test
  void parseDevices_capabilityAsText() {
    assertThat(Backends.parseDevices(cudaEnvironment("Tesla T4", "7", " 5 ")))
        .containsExactly(new GpuDevice(0, "Tesla T4", 7, 5));
  }

  @Test
  void parseDevices_cpuEnvironment() {
    Properties environment = new Properties();
    environment.put("backend", "CPU");
    environment.put("blas.vendor", "OPENBLAS");

    assertThat(Backends.parseDevices(environment)).isEmpty();
  }

  /** Whether the tests run with the CPU backend only, as in the default build (not -Pcuda). */
  private static boolean cpuBuild() {
    try {
      Class.forName(Backends.CUDA_BACKEND_CLASS, false, BackendsTest.class.getClassLoader());
      return false;
    } catch (ClassNotFoundException e) {
      return true;
    }
  }

  @Test
  void parseDevices_realCpuEnvironment() {
    assumeTrue(cpuBuild(), "CPU build only");
    Properties environment = Nd4j.getExecutioner().getEnvironmentInformation();

    assertThat(environment.get("backend")).isEqualTo("CPU");
    assertThat(Backends.parseDevices(environment)).isEmpty();
  }

  @Test
  void parseDevices_missingCapability() {
    Properties environment = cudaEnvironment("Tesla T4", null, 5L);

    assertThatThrownBy(() -> Backends.parseDevices(environment))
        .isInstanceOf(UnsupportedBackendException.class)
        .hasMessage(
            "cannot read the compute capability of GPU 0: ND4J reported cuda.deviceMajor=null,"
                + " expected a number");
  }

  @Test
  void unsupportedDevicesMessage_hopper() {
    List<GpuDevice> devices = gpus("NVIDIA H100", 9, 0);

    assertThat(Backends.unsupportedDevicesMessage(devices))
        .hasValue("GPU 0 'NVIDIA H100' has compute capability 9.0; " + CUDA_BUILD
            + " (see docs/backends.md)");
  }

  @Test
  void unsupportedDevicesMessage_supportedNextToUnsupported() {
    List<GpuDevice> devices =
        gpus("NVIDIA GeForce RTX 4090", 8, 9, "Tesla K40m", 3, 5, "NVIDIA H100 PCIe", 9, 0);

    assertThat(Backends.unsupportedDevicesMessage(devices))
        .hasValue("GPU 1 'Tesla K40m' has compute capability 3.5, GPU 2 'NVIDIA H100 PCIe' has"
            + " compute capability 9.0; " + CUDA_BUILD + " or hide the unsupported GPUs with"
            + " CUDA_VISIBLE_DEVICES (see docs/backends.md)");
  }

  @Test
  void unsupportedDevicesMessage_allSupported() {
    List<GpuDevice> devices =
        gpus("Tesla V100-SXM2-16GB", 7, 0, "Tesla T4", 7, 5, "NVIDIA L4", 8, 9);

    assertThat(Backends.unsupportedDevicesMessage(devices)).isEmpty();
    assertThat(Backends.unsupportedDevicesMessage(List.of())).isEmpty();
  }

  @Test
  void unsupportedDevicesMessage_fromParsedEnvironment() {
    List<GpuDevice> devices = Backends.parseDevices(cudaEnvironment("NVIDIA H100", 9L, 0L));

    assertThat(Backends.unsupportedDevicesMessage(devices))
        .get()
        .asString()
        .startsWith("GPU 0 'NVIDIA H100' has compute capability 9.0; ");
  }

  @Test
  void describeDevices_cpu() {
    assertThat(Backends.describeDevices(List.of())).isEmpty();
  }

  @Test
  void describeDevices_cuda() {
    List<GpuDevice> devices = gpus("Tesla T4", 7, 5, "NVIDIA H100", 9, 0);

    assertThat(Backends.describeDevices(devices))
        .isEqualTo(
            ", GPU 0 'Tesla T4' compute capability 7.5,"
                + " GPU 1 'NVIDIA H100' compute capability 9.0 (unsupported)");
  }

  /** The chain ND4J 1.0.0-M2.1 throws on first use of Nd4j when no backend loads (measured). */
  private static Throwable noBackendFailure() {
    return new ExceptionInInitializerError(
        new RuntimeException(
            new Nd4jBackend.NoAvailableBackendException(
                "Please ensure that you have an nd4j backend on your classpath. Please see:"
                    + " https://deeplearning4j.konduit.ai/nd4j/backend")));
  }

  @Test
  void loadFailureMessage_cudaOnly() {
    assertThat(BackendMessages.loadFailureMessage(true, false, noBackendFailure()))
        .isEqualTo(
            "ND4J could not load its CUDA backend (nd4j-cuda-11.6); the likely cause is a missing"
                + " NVIDIA driver (libcuda.so.1) or CUDA 11.x runtime (libcublas.so.11,"
                + " libcusolver.so.11), named in ND4J's warning 'Skipped [JCublasBackend] backend"
                + " (unavailable)'; install both or use the CPU backend (see docs/backends.md)");
  }

  @Test
  void loadFailureMessage_cpuOnly() {
    assertThat(BackendMessages.loadFailureMessage(false, true, noBackendFailure()))
        .isEqualTo(
            "ND4J could not load its CPU backend (nd4j-native); the likely cause is a missing"
                + " native jar: add org.nd4j:nd4j-native with the classifier of this platform,"
                + " such as linux-x86_64 (see docs/backends.md)");
  }

  @Test
  void loadFailureMessage_bothBackends() {
    assertThat(BackendMessages.loadFailureMessage(true, true, noBackendFailure()))
        .isEqualTo(
            "ND4J could load neither its CUDA backend (nd4j-cuda-11.6) nor its CPU backend"
                + " (nd4j-native); the likely cause is a missing native jar (classifier"
                + " linux-x86_64) or, for CUDA, a missing NVIDIA driver (libcuda.so.1) or CUDA"
                + " 11.x runtime (libcublas.so.11); keep one backend on the classpath (see"
                + " docs/backends.md)");
  }

  @Test
  void loadFailureMessage_noBackendJar() {
    assertThat(BackendMessages.loadFailureMessage(false, false, noBackendFailure()))
        .isEqualTo(
            "no ND4J backend is on the classpath; add org.nd4j:nd4j-native, or"
                + " org.nd4j:nd4j-cuda-11.6 for an NVIDIA GPU, each with its linux-x86_64"
                + " classifier jar (see docs/backends.md)");
  }

  @Test
  void loadFailureMessage_noKernelImage() {
    Throwable failure =
        new ExceptionInInitializerError(
            new RuntimeException(
                "cudaMemcpyToSymbol failed: no kernel image is available for execution on the"
                    + " device"));

    assertThat(BackendMessages.loadFailureMessage(true, false, failure))
        .isEqualTo(
            "ND4J could not start its CUDA backend: CUDA reported 'no kernel image is available"
                + " for execution on the device'; the ND4J 1.0.0-M2.1 CUDA build has kernels only"
                + " for 3.7, 5.0, 5.2, 6.0, 6.1, 7.0, 7.5, 8.0, 8.6 and no PTX, so it"
                + " runs only on 3.7 and 5.x to 8.x; use the CPU backend (see docs/backends.md)");
  }

  @Test
  void invalidPriorityMessage_notANumber() {
    assertThat(BackendMessages.invalidPriorityMessage(Map.of("BACKEND_PRIORITY_CPU", "high")))
        .hasValue(
            "environment variable BACKEND_PRIORITY_CPU must be a whole number, was 'high'; ND4J"
                + " reads it to choose between its CPU and CUDA backends (see docs/backends.md)");
    assertThat(BackendMessages.invalidPriorityMessage(Map.of("BACKEND_PRIORITY_GPU", " -1")))
        .hasValue(
            "environment variable BACKEND_PRIORITY_GPU must be a whole number, was ' -1'; ND4J"
                + " reads it to choose between its CPU and CUDA backends (see docs/backends.md)");
  }

  @Test
  void invalidPriorityMessage_validOrUnset() {
    assertThat(BackendMessages.invalidPriorityMessage(Map.of())).isEmpty();
    assertThat(
            BackendMessages.invalidPriorityMessage(
                Map.of("BACKEND_PRIORITY_CPU", "200", "BACKEND_PRIORITY_GPU", "-1")))
        .isEmpty();
    assertThat(BackendMessages.invalidPriorityMessage(Map.of("BACKEND_PRIORITY_CPU", ""))).isEmpty();
  }

  @Test
  void checkOnce_cpuBackend() {
    assumeTrue(cpuBuild(), "CPU build only");

    assertThatCode(Backends::checkOnce).doesNotThrowAnyException();
    assertThat(Nd4j.getBackend().getClass().getSimpleName()).isEqualTo("CpuBackend");
  }

  @Test
  void checkOnce_concurrentCalls() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(
            () -> {
              Backends.checkOnce();
              return null;
            });
      }
      for (Future<Void> call : pool.invokeAll(calls)) {
        assertThatCode(call::get).doesNotThrowAnyException();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void checkOnce_laterCallsLogNothing() {
    Backends.checkOnce();
    // slf4j-simple looks up System.err on every line, so swapping it captures the log
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Backends.checkOnce();
      Backends.checkOnce();
      LoggerFactory.getLogger(BackendsTest.class).info("capture works");
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("capture works")
        .doesNotContain("ND4J backend");
  }
}
