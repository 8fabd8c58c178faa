package io.github.seriesforecaster.chart;

import io.github.seriesforecaster.io.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
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

    XYSeriesCollection lines = new XYSeriesCollection();
    lines.addSeries(series("actual", history, 0));
    boolean validated = start < history.length;
    if (validated) {
      lines.addSeries(series("model, one step ahead", data.validation(), start));
      lines.addSeries(series("naive (previous value)", data.naive(), start));
    }

    NumberAxis time = new NumberAxis("time step");
    time.setAutoRangeIncludesZero(false);
    NumberAxis value = new NumberAxis("value");
    value.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    style(lineRenderer, 0, HISTORY, new BasicStroke(1.3f));
    if (validated) {
      style(lineRenderer, 1, MODEL, new BasicStroke(1.3f));
      style(lineRenderer, 2, NAIVE, new BasicStroke(1.0f, BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f));
    }
    XYPlot plot = new XYPlot(lines, time, value, lineRenderer);

    ForecastBand future = data.future();
    if (future != null) {
      plot.setDataset(1, band(future, history.length));
      DeviationRenderer bandRenderer = new DeviationRenderer(true, future.steps() <= 12);
      style(bandRenderer, 0, FUTURE, new BasicStroke(1.6f));
      bandRenderer.setSeriesFillPaint(0, BAND);
      bandRenderer.setAlpha(1f);
      plot.setRenderer(1, bandRenderer);
      plot.addDomainMarker(marker(history.length - 0.5, "forecast"));
    }
    if (validated && start > 0) {
      plot.addDomainMarker(marker(start - 0.5, "validation"));
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

  private static XYSeries series(String name, double[] values, int firstIndex) {
    XYSeries series = new XYSeries(name, false, true);
    for (int i = 0; i < values.length; i++) {
      series.add(firstIndex + i, values[i], false);
    }
    return series;
  }

  private static YIntervalSeriesCollection band(ForecastBand future, int firstIndex) {
    double[] point = future.point();
    double[] lower = future.hasInterval() ? future.lower() : point;
    double[] upper = future.hasInterval() ? future.upper() : point;
    YIntervalSeries series = new YIntervalSeries(
        future.hasInterval() ? "forecast with interval" : "forecast", false, true);
    for (int i = 0; i < point.length; i++) {
      series.add(firstIndex + i, point[i], lower[i], upper[i]);
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
