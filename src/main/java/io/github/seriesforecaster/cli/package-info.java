/**
 * The {@code series-forecaster} command line, built with picocli:
 * {@link io.github.seriesforecaster.cli.ForecastCli} and its {@code fit}, {@code predict},
 * {@code forecast} and {@code backtest} commands (reference: {@code docs/cli.md}).
 *
 * <p>Imports the root package's public API, {@code eval}, {@code chart} and picocli; nothing in the
 * core imports this package. picocli is an optional dependency of the library; the runnable jar
 * built by the {@code cli} Maven profile bundles it.
 */
package io.github.seriesforecaster.cli;
