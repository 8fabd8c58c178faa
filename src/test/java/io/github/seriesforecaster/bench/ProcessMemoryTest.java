package io.github.seriesforecaster.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
  private static final String STATUS = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  123456 kB\n"
      + "VmRSS:\t  100000 kB\nThreads:\t25\n";

  @Test
  void parse_peakInBytes() {
    assertThat(ProcessMemory.parse(STATUS, "VmHWM")).isEqualTo(123_456L * 1024);
    assertThat(ProcessMemory.parse(STATUS, "VmRSS")).isEqualTo(100_000L * 1024);
  }

  @Test
  void parse_missingField() {
    assertThat(ProcessMemory.parse(STATUS, "VmSwap")).isEqualTo(-1);
  }

  @Test
  void peakResidentBytes_thisProcess() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");
    assertThat(ProcessMemory.peakResidentBytes()).isGreaterThan(1024 * 1024);
  }
}
