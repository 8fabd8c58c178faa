package io.github.seriesforecaster.many;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An immutable, ordered collection of named series: stores, meters, products. Each series is a
 * {@code double[]} of values in time order; series may have different lengths. Iteration order
 * is the order the series were given in.
 *
 * <pre>{@code
 * SeriesSet set = SeriesSet.of(Map.of("store-1", new double[] {3, 4, 5}));
 * for (String id : set.ids()) {
 *   double[] values = set.get(id);
 * }
 * }</pre>
 *
 * <p>Values are copied in and out, so neither the caller's arrays nor the returned ones can change
 * the set. Instances are safe to share between threads.
 */
public final class SeriesSet {

  private final Map<String, double[]> series;

  private SeriesSet(Map<String, double[]> series) {
    this.series = series;
  }

  /**
   * Makes a set from id → values, keeping the map's iteration order (use a {@link LinkedHashMap}
   * to choose it).
   *
   * @param series the series by id; ids must not be blank, values must be finite
   * @return the set
   * @throws IllegalArgumentException if the map is empty, an id is blank or a value is not finite
   */
  public static SeriesSet of(Map<String, double[]> series) {
    Objects.requireNonNull(series, "series");
    if (series.isEmpty()) {
      throw new IllegalArgumentException("a series set needs at least one series, was empty");
    }
    var copy = new LinkedHashMap<String, double[]>();
    series.forEach((id, values) -> {
      Objects.requireNonNull(id, "series id");
      Objects.requireNonNull(values, "values of series '" + id + "'");
      if (id.isBlank()) {
        throw new IllegalArgumentException("series ids must not be blank, was '" + id + "'");
      }
      for (int i = 0; i < values.length; i++) {
        if (!Double.isFinite(values[i])) {
          throw new IllegalArgumentException("series '" + id + "' has a non-finite value "
              + values[i] + " at index " + i);
        }
      }
      copy.put(id, values.clone());
    });
    return new SeriesSet(Collections.unmodifiableMap(copy));
  }

  /** @return the ids in set order; an unmodifiable list */
  public List<String> ids() {
    return List.copyOf(series.keySet());
  }

  /** @return copies of the series' values in set order, for the forecasters of this package */
  List<double[]> values() {
    return series.values().stream().map(double[]::clone).toList();
  }

  /** @return the number of series, at least 1 */
  public int size() {
    return series.size();
  }

  /**
   * @param id a series id
   * @return true when the set holds a series with this id
   */
  public boolean contains(String id) {
    return series.containsKey(Objects.requireNonNull(id, "id"));
  }

  /**
   * @param id a series id of this set
   * @return a copy of that series' values
   * @throws IllegalArgumentException if the set holds no series with this id
   */
  public double[] get(String id) {
    double[] values = series.get(Objects.requireNonNull(id, "id"));
    if (values == null) {
      throw new IllegalArgumentException("no series '" + id + "' in this set of " + size()
          + " series");
    }
    return values.clone();
  }

  /** @return the length of the shortest series */
  public int minimumLength() {
    return series.values().stream().mapToInt(v -> v.length).min().orElse(0);
  }

  /** @return the total number of values over all series */
  public long totalValues() {
    return series.values().stream().mapToLong(v -> v.length).sum();
  }

  /** @return a copy of the whole set as id → values, in set order */
  public Map<String, double[]> toMap() {
    var copy = new LinkedHashMap<String, double[]>();
    series.forEach((id, values) -> copy.put(id, values.clone()));
    return copy;
  }

  /**
   * Makes a set of the same ids with every series changed by {@code change}, such as cutting
   * off a test part: {@code set.map(v -> Arrays.copyOf(v, v.length - 48))}.
   *
   * @param change gets a copy of each series, returns the new values
   * @return the new set
   * @throws IllegalArgumentException if a changed series has a non-finite value
   */
  public SeriesSet map(UnaryOperator<double[]> change) {
    Objects.requireNonNull(change, "change");
    var changed = new LinkedHashMap<String, double[]>();
    series.forEach((id, values) -> changed.put(id, change.apply(values.clone())));
    return of(changed);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SeriesSet that) || !series.keySet().equals(that.series.keySet())) {
      return false;
    }
    return series.entrySet().stream()
        .allMatch(e -> Arrays.equals(e.getValue(), that.series.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (var e : series.entrySet()) {
      hash = 31 * hash + e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
    }
    return hash;
  }

  @Override
  public String toString() {
    return "SeriesSet[" + size() + " series, " + totalValues() + " values]";
  }
}
