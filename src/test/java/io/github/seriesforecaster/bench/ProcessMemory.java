package io.github.seriesforecaster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of this process from {@code /proc/self/status} (Linux): the peak ({@code VmHWM},
 * the high-water mark of the resident set since the process started) and the current value
 * ({@code VmRSS}). Both count the Java heap, JIT code and the native buffers ND4J allocates.
 */
final class ProcessMemory {
  private ProcessMemory() {}

  /** @return the peak resident set size in bytes, or -1 where /proc is not available */
  static long peakResidentBytes() {
    return field("VmHWM");
  }

  /** @return the current resident set size in bytes, or -1 where /proc is not available */
  static long residentBytes() {
    return field("VmRSS");
  }

  private static long field(String name) {
    try {
      return parse(Files.readString(Path.of("/proc/self/status")), name);
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * @param status the text of a /proc/PID/status file
   * @param name a field given in kB, such as {@code VmHWM}
   * @return its value in bytes, or -1 if the field is missing
   */
  static long parse(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name + ":")) {
        String value = line.substring(name.length() + 1).trim();
        if (!value.endsWith(" kB")) {
          throw new IllegalArgumentException(name + " is not in kB: '" + value + "'");
        }
        return Long.parseLong(value.substring(0, value.length() - 3).trim()) * 1024;
      }
    }
    return -1;
  }
}
