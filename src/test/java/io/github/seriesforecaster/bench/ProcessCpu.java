package io.github.seriesforecaster.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time used by this process, all threads together (the training thread, and the JVM's garbage
 * collector and JIT compiler threads). On a shared machine a busy neighbour stretches wall-clock
 * times several-fold while CPU time changes less, so the benchmark reports both. On Linux HotSpot
 * this clock advances in steps of up to 10 ms: use it for sums over many operations only.
 */
final class ProcessCpu {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ProcessCpu() {}

  /** @return CPU nanoseconds used by this process so far, or -1 if the JVM cannot tell */
  static long nanos() {
    return OS.getProcessCpuTime();
  }
}
