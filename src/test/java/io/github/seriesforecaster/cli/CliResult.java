package io.github.seriesforecaster.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one run of the command line printed and returned, for the command-line tests.
 *
 * @param exitCode 0 success, 1 failure, 2 bad usage
 * @param out what went to standard output
 * @param err what went to standard error
 */
record CliResult(int exitCode, String out, String err) {

  /** Runs {@link ForecastCli#run} with the text as standard input, capturing both outputs. */
  static CliResult run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    int code = ForecastCli.run(print(out), print(err), in, args);
    return of(code, out, err);
  }

  /**
   * Runs the command line as {@link ForecastCli#run} builds it, but says whether it is on a
   * terminal (the progress bar shows only there); no standard input.
   */
  static CliResult runOnTerminal(boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ForecastCli.commandLine(print(out), print(err), InputStream.nullInputStream(),
        terminal).execute(args);
    return of(code, out, err);
  }

  List<String> outLines() {
    return out.lines().collect(Collectors.toList());
  }

  List<String> errLines() {
    return err.lines().collect(Collectors.toList());
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static CliResult of(int code, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    return new CliResult(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
