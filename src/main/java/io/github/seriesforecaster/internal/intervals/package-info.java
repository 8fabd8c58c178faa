/**
 * Prediction intervals that follow the series' recent volatility (locally weighted split-conformal
 * prediction): {@link io.github.seriesforecaster.internal.intervals.VolatilityScale} estimates how much the
 * series has been moving lately, {@link io.github.seriesforecaster.internal.intervals.ScaledErrors} holds the
 * validation forecast errors divided by that estimate at their origins, and a forecast's interval is
 * the estimate on the history it starts from times a conformal quantile of those scores. Plain
 * Java: imports nothing from DL4J/ND4J or the other packages.
 */
package io.github.seriesforecaster.internal.intervals;
