package io.github.seriesforecaster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Named numeric columns of equal length in time order: the input of a forecaster that reads
 * feature columns besides its target (see {@link SeriesForecaster.Builder#features(String...)}).
 * Immutable; the arrays given are copied.
 *
 * <pre>{@code
 * SeriesFrame recent = SeriesFrame.ofRows(List.of("Close", "Volume"), new double[][] {
 *     {101.2, 3.1e6},
 *     {102.0, 2.7e6},
 *     {101.7, 2.9e6}});
 * double next = forecaster.predict(recent);   // the frame may hold more columns than the model reads
 * }</pre>
 */
public final class SeriesFrame {
  private final List<String> columns;
  private final double[][] values;

  private SeriesFrame(List<String> columns, double[][] values) {
    this.columns = columns;
    this.values = values;
  }

  /**
   * @param columns names, each once, not blank
   * @param rows one row per time step, each with one value per column
   * @return the frame
   * @throws IllegalArgumentException if the names repeat or a row has another number of values
   */
  public static SeriesFrame ofRows(List<String> columns, double[][] rows) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(rows, "rows");
    List<String> names = checkNames(columns);
    double[][] byColumn = new double[names.size()][rows.length];
    for (int t = 0; t < rows.length; t++) {
      Objects.requireNonNull(rows[t], "rows[" + t + "]");
      if (rows[t].length != names.size()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "row %d has %d values but the frame has %d columns %s", t, rows[t].length,
            names.size(), names));
      }
      for (int c = 0; c < names.size(); c++) {
        byColumn[c][t] = rows[t][c];
      }
    }
    return new SeriesFrame(names, byColumn);
  }

  /**
   * @param columns name to values, all of the same length, in the map's iteration order
   * @return the frame
   * @throws IllegalArgumentException if the columns differ in length or a name is blank
   */
  public static SeriesFrame ofColumns(Map<String, double[]> columns) {
    Objects.requireNonNull(columns, "columns");
    List<String> names = checkNames(new ArrayList<>(columns.keySet()));
    double[][] byColumn = new double[names.size()][];
    int c = 0;
    for (Map.Entry<String, double[]> column : columns.entrySet()) {
      double[] values = Objects.requireNonNull(column.getValue(), "column " + column.getKey());
      if (c > 0 && values.length != byColumn[0].length) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "column '%s' has %d values but column '%s' has %d; columns must be of equal length",
            column.getKey(), values.length, names.get(0), byColumn[0].length));
      }
      byColumn[c++] = values.clone();
    }
    return new SeriesFrame(names, byColumn);
  }

  private static List<String> checkNames(List<String> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a frame needs at least one column");
    }
    List<String> names = new ArrayList<>();
    for (String name : columns) {
      Objects.requireNonNull(name, "column name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("column names must not be blank, were " + columns);
      }
      if (names.contains(name.trim())) {
        throw new IllegalArgumentException(
            "column '" + name.trim() + "' appears twice in " + columns);
      }
      names.add(name.trim());
    }
    return List.copyOf(names);
  }

  /** @return the column names in order */
  public List<String> columns() {
    return columns;
  }

  /** @return time steps (rows) */
  public int length() {
    return values[0].length;
  }

  /**
   * @param name a column name
   * @return a copy of that column's values
   * @throws IllegalArgumentException if there is no such column
   */
  public double[] column(String name) {
    return values[indexOf(name)].clone();
  }

  /**
   * @param name a column name
   * @return true if the frame has a column of that name
   */
  public boolean hasColumn(String name) {
    return columns.contains(name);
  }

  private int indexOf(String name) {
    int index = columns.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          "frame has no column '" + name + "'; its columns are " + columns);
    }
    return index;
  }

  /**
   * @param from first row, inclusive
   * @param to last row, exclusive
   * @return a frame of those rows, all columns
   * @throws IllegalArgumentException unless {@code 0 <= from < to <= length()}
   */
  public SeriesFrame rows(int from, int to) {
    if (from < 0 || to > length() || from >= to) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "rows %d to %d are not within a frame of %d rows, or empty", from, to, length()));
    }
    double[][] slice = new double[values.length][];
    for (int c = 0; c < values.length; c++) {
      slice[c] = Arrays.copyOfRange(values[c], from, to);
    }
    return new SeriesFrame(columns, slice);
  }

  @Override
  public String toString() {
    return "SeriesFrame" + columns + " x " + length() + " rows";
  }
}
