package io.github.seriesforecaster.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
  /** The option that turns on stack traces, also read by the error handler. */
  static final String VERBOSE = "--verbose";

  @Option(names = VERBOSE, description = "Print the library's INFO log and, on failure, the stack "
      + "trace.")
  boolean verbose;
}
