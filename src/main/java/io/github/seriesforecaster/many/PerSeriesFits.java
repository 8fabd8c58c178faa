package io.github.seriesforecaster.many;

import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.internal.train.ParallelTasks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link SeriesForecaster} per series of a {@link SeriesSet}, fitted
 * {@link ForecasterConfig#parallelism()} at a time (by default one per available processor).
 *
 * <pre>{@code
 * PerSeriesFits fits = PerSeriesFits.fit(set, SeriesForecaster.builder().window(12).config(), 6);
 * for (SeriesFit fit : fits.results()) {
 *   if (fit.ok()) {
 *     System.out.println(fit.id() + ": " + Arrays.toString(fit.forecast()));
 *   } else {
 *     System.out.println(fit.error());      // "series 'store-7': series has 5 values but ..."
 *   }
 * }
 * }</pre>
 *
 * <p>Each fit is independent and runs on one thread with the configuration's {@code threads}
 * (one by default), so the results are bit-identical to fitting the series one after another.
 * A series that cannot be fitted is reported as {@link SeriesFit.Status#FAILED} with the error
 * message; the other series are fitted all the same. Instances are immutable.
 */
public final class PerSeriesFits {
  private static final Logger log = LoggerFactory.getLogger(PerSeriesFits.class);

  private final Map<String, SeriesFit> results;

  private PerSeriesFits(Map<String, SeriesFit> results) {
    this.results = results;
  }

  /**
   * Fits every series of the set with the same settings and forecasts {@code steps} values after
   * each.
   *
   * @param set the series
   * @param config the settings of every fit; its {@code parallelism} is how many run at once
   * @param steps values to forecast after each series' end, at least 0
   * @return one result per series, in set order
   * @throws IllegalArgumentException if {@code steps < 0}
   */
  public static PerSeriesFits fit(SeriesSet set, ForecasterConfig config, int steps) {
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(config, "config");
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, was " + steps);
    }
    long start = System.nanoTime();
    List<String> ids = set.ids();
    // series fitted at once share the threads, so a fit's own parallel work (its candidates'
    // fold fits) does not put more threads than processors on the machine
    ForecasterConfig each = config.toBuilder()
        .parallelism(ParallelTasks.perTask(config.parallelism(), ids.size())).config();
    List<Callable<SeriesFit>> tasks = new ArrayList<>(ids.size());
    for (String id : ids) {
      tasks.add(() -> fitOne(id, set.get(id), each, steps));
    }
    Map<String, SeriesFit> results = new LinkedHashMap<>();
    int failed = 0;
    List<ParallelTasks.Outcome<SeriesFit>> outcomes =
        ParallelTasks.runAll(tasks, config.parallelism());
    for (int i = 0; i < ids.size(); i++) {
      ParallelTasks.Outcome<SeriesFit> outcome = outcomes.get(i);
      SeriesFit fit = outcome.failure() == null ? outcome.value()
          : failure(ids.get(i), outcome.failure());
      failed += fit.ok() ? 0 : 1;
      results.put(ids.get(i), fit);
    }
    log.info("fitted {} of {} series ({} at a time) in {} ms; {} failed", ids.size() - failed,
        ids.size(), Math.min(config.parallelism(), ids.size()),
        (System.nanoTime() - start) / 1_000_000, failed);
    return new PerSeriesFits(Collections.unmodifiableMap(results));
  }

  private static SeriesFit fitOne(String id, double[] values, ForecasterConfig config, int steps) {
    try {
      SeriesForecaster forecaster = SeriesForecaster.builder(config).build();
      FitReport report = forecaster.fit(values);
      double[] forecast = steps == 0 ? new double[0] : forecaster.forecast(values, steps);
      return new SeriesFit(id, SeriesFit.Status.OK, forecaster, report, forecast, null);
    } catch (RuntimeException e) {
      return failure(id, e);
    }
  }

  private static SeriesFit failure(String id, RuntimeException e) {
    String message = String.format(Locale.ROOT, "series '%s': %s", id, e.getMessage());
    log.warn("{}", message);
    return new SeriesFit(id, SeriesFit.Status.FAILED, null, null, null, message);
  }

  /** @return every series' result, in set order */
  public List<SeriesFit> results() {
    return List.copyOf(results.values());
  }

  /**
   * @param id a series id of the set
   * @return that series' result
   * @throws IllegalArgumentException if the set had no such series
   */
  public SeriesFit get(String id) {
    SeriesFit fit = results.get(Objects.requireNonNull(id, "id"));
    if (fit == null) {
      throw new IllegalArgumentException("no series '" + id + "' among the " + results.size()
          + " fitted series");
    }
    return fit;
  }

  /** @return the results of the series that could not be fitted, in set order */
  public List<SeriesFit> failed() {
    return results.values().stream().filter(fit -> !fit.ok()).toList();
  }

  /** @return id → forecast of every fitted series, in set order */
  public Map<String, double[]> forecasts() {
    Map<String, double[]> forecasts = new LinkedHashMap<>();
    results.forEach((id, fit) -> {
      if (fit.ok()) {
        forecasts.put(id, fit.forecast());
      }
    });
    return forecasts;
  }

  @Override
  public String toString() {
    return "PerSeriesFits[" + results.size() + " series, " + failed().size() + " failed]";
  }
}
