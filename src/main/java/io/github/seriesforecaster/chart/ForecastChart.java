package io.github.seriesforecaster.chart;

import io.github.seriesforecaster.internal.data.TimeStep;
import io.github.seriesforecaster.internal.io.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a PNG line chart of {@link ChartData} with JFreeChart: the history, the one-step
 * validation forecasts, the naive forecast of the same points, and the future forecasts with their
 * interval as a shaded band.
 *
 * <pre>{@code
 * SeriesForecaster f = SeriesForecaster.load(Path.of("model.zip"));
 * double[] series = f.readSeries(Path.of("prices.csv"));
 * ForecastChart.write(Path.of("chart.png"), 1000, 500, ChartData.of("prices", f, series, 30));
 * }</pre>
 *
 * <p>Rendering needs no display, but AWT must be able to run headless: on Linux without
 * {@code DISPLAY} it is by default; elsewhere start the JVM with {@code -Djava.awt.headless=true}.
 * This class leaves that process-wide setting alone. Safe to call from several threads at once.
 */
public final class ForecastChart {
  /** The largest width and height accepted, in pixels. */
  public static final int MAX_PIXELS = 10_000;

  private static final Logger log = LoggerFactory.getLogger(ForecastChart.class);
  private static final Color HISTORY = new Color(0x33, 0x33, 0x33);
  private static final Color MODEL = new Color(0xE6, 0x6C, 0x00);
  private static final Color NAIVE = new Color(0x1F, 0x77, 0xB4);
  private static final Color FUTURE = new Color(0xC6, 0x28, 0x28);
  private static final Color BAND = new Color(0xC6, 0x28, 0x28, 0x40);
  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private ForecastChart() {}

  /**
   * Draws the chart and writes it as a PNG. The image goes to a temporary file in the same folder
   * first and is then moved into place, so readers never see half a file; missing parent folders
   * are created.
   *
   * @param png the file to write or replace
   * @param width image width in pixels, 1 to {@value #MAX_PIXELS}
   * @param height image height in pixels, 1 to {@value #MAX_PIXELS}
   * @param data what to draw
   * @throws IllegalArgumentException if the width or height is out of range
   * @throws IOException if the file cannot be written, or {@code png} is a directory
   */
  public static void write(Path png, int width, int height, ChartData data) throws IOException {
    Objects.requireNonNull(png, "png");
    Objects.requireNonNull(data, "data");
    checkPixels(width, "width");
    checkPixels(height, "height");
    ByteArrayOutputStream image = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(image, chart(data), width, height);
    AtomicFile.write(png, "a PNG file path", image::writeTo);
    log.info("wrote chart {} ({}x{}, {} bytes)", png, width, height, image.size());
  }

  /**
   * @param data what to draw
   * @return the JFreeChart chart that {@link #write} renders, to adjust or render elsewhere
   */
  public static JFreeChart chart(ChartData data) {
    Objects.requireNonNull(data, "data");
    double[] history = data.history();
    int start = data.validationStart();
    ForecastBand future = data.future();
    double[] x = xValues(data, history.length + (future == null ? 0 : future.steps()));

    XYSeriesCollection lines = new XYSeriesCollection();
    lines.addSeries(series("actual", history, 0, x));
    boolean validated = start < history.length;
    if (validated) {
      // XYPlot draws series in reverse order, so the naive line (last) goes beneath the model's;
      // it is wider, so it still shows where they coincide (a model that fell back to the naive
      // forecast), and the legend then says so
      double[] model = data.validation();
      double[] naive = data.naive();
      String naiveName = "naive (previous value)";
      String modelName = "model, one step ahead";
      if (coincide(model, naive)) {
        modelName += " = naive: the model repeats the previous value";
      }
      lines.addSeries(series(modelName, model, start, x));
      lines.addSeries(series(naiveName, naive, start, x));
    }

    ValueAxis time;
    if (data.times().isEmpty()) {
      NumberAxis index = new NumberAxis(data.timeLabel());
      index.setAutoRangeIncludesZero(false);
      time = index;
    } else {
      time = new DateAxis(data.timeLabel(), UTC, Locale.ROOT);
    }
    NumberAxis value = new NumberAxis(data.valueLabel());
    value.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    style(lineRenderer, 0, HISTORY, new BasicStroke(1.3f));
    if (validated) {
      style(lineRenderer, 1, MODEL, new BasicStroke(1.3f));
      // wider than the model's line: a naive line under an identical model line stays visible
      style(lineRenderer, 2, NAIVE, new BasicStroke(3.0f));
    }
    XYPlot plot = new XYPlot(lines, time, value, lineRenderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE); // the default, relied on above

    if (future != null) {
      plot.setDataset(1, band(future, history.length, x));
      DeviationRenderer bandRenderer = new DeviationRenderer(true, future.steps() <= 12);
      style(bandRenderer, 0, FUTURE, new BasicStroke(1.6f));
      bandRenderer.setSeriesFillPaint(0, BAND);
      bandRenderer.setAlpha(1f);
      plot.setRenderer(1, bandRenderer);
      plot.addDomainMarker(marker(between(x, history.length), "forecast"));
    }
    if (validated && start > 0) {
      plot.addDomainMarker(marker(between(x, start), data.heldOutLabel()));
    }
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

    JFreeChart chart = new JFreeChart(data.title().isEmpty() ? null : data.title(),
        new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setFrame(BlockBorder.NONE);
    return chart;
  }

  private static void checkPixels(int pixels, String name) {
    if (pixels < 1 || pixels > MAX_PIXELS) {
      throw new IllegalArgumentException(
          name + " must be between 1 and " + MAX_PIXELS + " pixels, was " + pixels);
    }
  }

  /**
   * @return the x value of every history index and future step: the index itself, or the
   *     timestamp in milliseconds (UTC), continuing the history's spacing where the data gives no
   *     future timestamps
   */
  private static double[] xValues(ChartData data, int count) {
    double[] x = new double[count];
    List<LocalDateTime> times = data.times();
    if (times.isEmpty()) {
      for (int i = 0; i < count; i++) {
        x[i] = i;
      }
      return x;
    }
    TimeStep step = times.size() >= 2 && times.size() < count
        ? TimeStep.infer(times.toArray(LocalDateTime[]::new)) : null;
    LocalDateTime last = times.get(times.size() - 1);
    for (int i = 0; i < count; i++) {
      LocalDateTime t = i < times.size() ? times.get(i)
          : step != null ? step.after(last, i - times.size() + 1) : last;
      x[i] = t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    return x;
  }

  /** @return the x value half-way between index {@code i - 1} and index {@code i} */
  private static double between(double[] x, int i) {
    return i == 0 ? x[0] : i >= x.length ? x[x.length - 1] : (x[i - 1] + x[i]) / 2;
  }

  /** @return true if the two lines would be drawn as one: equal to within 1e-9 of their range */
  static boolean coincide(double[] a, double[] b) {
    double scale = 0;
    for (double v : b) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > 1e-9 * Math.max(scale, 1e-300)) {
        return false;
      }
    }
    return a.length > 0;
  }

  private static XYSeries series(String name, double[] values, int firstIndex, double[] x) {
    XYSeries series = new XYSeries(name, false, true);
    for (int i = 0; i < values.length; i++) {
      series.add(x[firstIndex + i], values[i], false);
    }
    return series;
  }

  private static YIntervalSeriesCollection band(ForecastBand future, int firstIndex,
      double[] x) {
    double[] point = future.point();
    double[] lower = future.hasInterval() ? future.lower() : point;
    double[] upper = future.hasInterval() ? future.upper() : point;
    YIntervalSeries series = new YIntervalSeries(
        future.hasInterval() ? "forecast with interval" : "forecast", false, true);
    for (int i = 0; i < point.length; i++) {
      series.add(x[firstIndex + i], point[i], lower[i], upper[i]);
    }
    YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
    collection.addSeries(series);
    return collection;
  }

  private static void style(XYLineAndShapeRenderer renderer, int series, Paint paint,
      BasicStroke stroke) {
    renderer.setSeriesPaint(series, paint);
    renderer.setSeriesStroke(series, stroke);
  }

  private static ValueMarker marker(double at, String label) {
    ValueMarker marker = new ValueMarker(at, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 2f}, 0f));
    marker.setLabel(label);
    marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    marker.setLabelPaint(Color.DARK_GRAY);
    marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    return marker;
  }
}
