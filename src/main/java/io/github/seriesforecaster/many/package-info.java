/**
 * Many series at once: {@link io.github.seriesforecaster.many.SeriesSet}, a named collection of
 * series, and the forecasters that work over such a set: {@link
 * io.github.seriesforecaster.many.PerSeriesFits} fits one forecaster per series on all cores.
 * Part of the public API; it sits on the root package (and the internal
 * {@code train.ParallelTasks} for running fits at once) and never reaches into the internal
 * packages of the Spark integration.
 */
package io.github.seriesforecaster.many;
