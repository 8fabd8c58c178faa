package io.github.seriesforecaster;

import io.github.seriesforecaster.internal.data.ColumnSelection;
import io.github.seriesforecaster.internal.data.SeriesData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a {@link SeriesFrame} a configuration selects, by the rule a CSV file's columns
 * are selected with ({@link ColumnSelection}), reported as {@code IllegalArgumentException}s
 * about the frame; and frames made from read data.
 */
final class FrameColumns {
  private FrameColumns() {}

  /**
   * @return the target and feature columns {@code config} selects from {@code frame}, each
   *     checked to be finite
   * @throws IllegalArgumentException if a selected column is not in the frame or not finite
   */
  static SeriesData data(ForecasterConfig config, SeriesFrame frame) {
    List<String> columns = frame.columns();
    int[] selected = ColumnSelection.of(config).resolve(columns, failures(columns));
    String target = columns.get(selected[0]);
    double[] values = frame.column(target);
    Checks.finite(values, 0, target);
    List<String> features = new ArrayList<>();
    double[][] featureValues = new double[selected.length - 1][];
    for (int f = 0; f < featureValues.length; f++) {
      features.add(columns.get(selected[f + 1]));
      featureValues[f] = frame.column(features.get(f));
      Checks.finite(featureValues[f], 0, features.get(f));
    }
    return new SeriesData("frame", target, values, values.length, 0, null, features,
        featureValues);
  }

  /**
   * @return the name of the frame column that {@code config} makes the target (a configured name
   *     as given, trimmed, without checking that the frame has it)
   * @throws IllegalArgumentException if a configured index is out of range
   */
  static String target(ForecasterConfig config, List<String> columns) {
    return config.columnName() != null ? config.columnName().trim()
        : columns.get(ColumnSelection.of(config).target(columns, failures(columns)));
  }

  /** @return the read columns (target first, then features) as a frame */
  static SeriesFrame frameOf(SeriesData data) {
    Map<String, double[]> columns = new LinkedHashMap<>();
    double[][] inputs = data.inputs();
    List<String> names = data.inputColumns();
    for (int c = 0; c < inputs.length; c++) {
      columns.put(names.get(c), inputs[c]);
    }
    return SeriesFrame.ofColumns(columns);
  }

  private static ColumnSelection.Failures failures(List<String> columns) {
    return new ColumnSelection.Failures() {
      @Override
      public RuntimeException noColumn(String name) {
        return new IllegalArgumentException(
            "frame has no column '" + name.trim() + "'; its columns are " + columns);
      }

      @Override
      public RuntimeException outOfRange(String what, int index) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
            "%s %d is out of range 0-%d for a frame with columns %s", what, index,
            columns.size() - 1, columns));
      }
    };
  }
}
