package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.internal.io.LibraryVersion;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code series-forecaster} command line: {@code fit}, {@code predict}, {@code forecast} and
 * {@code backtest}. See {@code docs/cli.md}.
 *
 * <p>Exit codes: 0 success, 1 failure (one line {@code error: <message>} on stderr, the stack
 * trace only with {@code --verbose}), 2 bad usage.
 */
@Command(name = "series-forecaster",
    mixinStandardHelpOptions = true,
    versionProvider = ForecastCli.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Fits LSTM forecasters to time series in CSV files, forecasts with them, and "
        + "compares them with the naive forecast.",
    subcommands = {FitCommand.class, PredictCommand.class, ForecastCommand.class,
        BacktestCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 success, 1 failure, 2 bad usage. Documentation: docs/cli.md"})
public final class ForecastCli implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Standard input, for {@code predict} and {@code forecast} without a file. */
  final InputStream in;
  /** Whether a person watches the output: progress is then a bar redrawn in place. */
  final boolean terminal;

  private ForecastCli(InputStream in, boolean terminal) {
    this.in = in;
    this.terminal = terminal;
  }

  /**
   * Runs the command line and exits with its exit code. Runs headless and, unless system
   * properties say otherwise, logs only warnings to stderr (from INFO on with {@code --verbose}).
   *
   * @param args the command and its options
   */
  public static void main(String... args) {
    defaultProperty("java.awt.headless", "true"); // charts need no display
    // slf4j-simple reads these when the first logger is created, which is after this point
    boolean verbose = Arrays.asList(args).contains(CommonOptions.VERBOSE);
    defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    defaultProperty("org.slf4j.simpleLogger.showThreadName", "false");
    defaultProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    // the fit's "worse than naive" warning says what the verdict line on stdout says: show it once
    defaultProperty("org.slf4j.simpleLogger.log.io.github.seriesforecaster.internal.train.Fitting",
        verbose ? "info" : "error");
    System.exit(run(System.out, System.err, System.in, args));
  }

  private static void defaultProperty(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }

  /**
   * Runs the command line in this process, for tests and embedding.
   *
   * @param out where results go (tables, forecasts as CSV)
   * @param err where progress and errors go
   * @param in standard input, read by {@code predict} and {@code forecast} without a file
   * @param args the command and its options
   * @return the exit code: 0 success, 1 failure, 2 bad usage
   */
  public static int run(PrintStream out, PrintStream err, InputStream in, String... args) {
    boolean terminal = out == System.out && System.console() != null;
    CommandLine commandLine = commandLine(out, err, in, terminal);
    try {
      return commandLine.execute(args);
    } finally {
      commandLine.getOut().flush();
      commandLine.getErr().flush();
    }
  }

  /** @return the configured command line, not yet run */
  static CommandLine commandLine(PrintStream out, PrintStream err, InputStream in,
      boolean terminal) {
    return new CommandLine(new ForecastCli(in, terminal))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(ForecastCli::usageError)
        .setExecutionExceptionHandler(ForecastCli::failure);
  }

  /** Without a command: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "missing command: choose fit, predict, forecast or backtest");
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more "
        + "information.");
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static int failure(Exception e, CommandLine commandLine, ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    err.println("error: " + Failures.message(e));
    if (verbose(parsed)) {
      e.printStackTrace(err);
    }
    return commandLine.getCommandSpec().exitCodeOnExecutionException();
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(CommonOptions.VERBOSE)) {
        return true;
      }
    }
    return false;
  }

  /** {@code --version}: this library's version and the DL4J version it was built with. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"series-forecaster " + LibraryVersion.library() + " (DL4J "
          + LibraryVersion.dl4j() + ", Java " + System.getProperty("java.version") + ")"};
    }
  }
}
