package io.github.seriesforecaster.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastChartTest {
  @TempDir Path folder;

  private static ChartData data(ForecastBand future) {
    double[] history = new double[40];
    for (int i = 0; i < history.length; i++) {
      history[i] = 100 + 5 * Math.sin(i / 4.0) + 0.3 * i;
    }
    double[] validation = new double[10];
    double[] naive = new double[10];
    for (int i = 0; i < 10; i++) {
      validation[i] = history[30 + i] + 0.5;
      naive[i] = history[29 + i];
    }
    return new ChartData("test series", history, 30, validation, naive, future);
  }

  private static BufferedImage read(Path png) throws IOException {
    assertThat(png).isRegularFile();
    assertThat(Files.size(png)).isPositive();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("decodes as an image").isNotNull();
    return image;
  }

  @Test
  void chart_datesOnTheTimeAxisColumnNameOnTheValueAxisAndTitle() {
    List<LocalDateTime> days = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      days.add(LocalDate.of(2020, 1, 1).plusDays(i).atStartOfDay());
    }
    ChartData dated = data(ForecastBand.of(new double[] {112, 113}))
        .withTimes(days, "Date").withValueLabel("Close");
    JFreeChart chart = ForecastChart.chart(dated);
    XYPlot plot = chart.getXYPlot();
    assertThat(chart.getTitle().getText()).isEqualTo("test series");
    assertThat(plot.getDomainAxis()).isInstanceOf(DateAxis.class);
    assertThat(plot.getDomainAxis().getLabel()).isEqualTo("Date");
    assertThat(plot.getRangeAxis().getLabel()).isEqualTo("Close");
    // the first forecast continues the daily spacing: 2020-02-10
    double firstForecast = plot.getDataset(1).getXValue(0, 0);
    assertThat(firstForecast).isEqualTo(
        LocalDate.of(2020, 2, 10).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
  }

  @Test
  void chart_withoutTimesAnIndexAxisAndDefaultLabels() {
    XYPlot plot = ForecastChart.chart(data(null)).getXYPlot();
    assertThat(plot.getDomainAxis()).isInstanceOf(NumberAxis.class);
    assertThat(plot.getDomainAxis().getLabel()).isEqualTo("time step");
    assertThat(plot.getRangeAxis().getLabel()).isEqualTo("value");
    assertThat(markerLabels(plot)).containsExactly("validation");
  }

  @Test
  void chart_heldOutPartNamedAsGiven() {
    XYPlot plot = ForecastChart.chart(data(null).withHeldOutLabel("test")).getXYPlot();
    assertThat(markerLabels(plot)).containsExactly("test");
  }

  @Test
  void chart_naiveDrawnBeneathTheModelAndNamedWhenTheyCoincide() {
    ChartData same = data(null);
    double[] naive = same.naive();
    same = new ChartData("s", same.history(), 30, naive, naive, null);
    XYSeriesCollection lines = (XYSeriesCollection) ForecastChart.chart(same).getXYPlot()
        .getDataset(0);
    // drawn in reverse order: the naive line (last) beneath the model's
    assertThat(ForecastChart.chart(same).getXYPlot().getSeriesRenderingOrder())
        .isEqualTo(SeriesRenderingOrder.REVERSE);
    assertThat(lines.getSeriesKey(2)).isEqualTo("naive (previous value)");
    assertThat(lines.getSeriesKey(1).toString())
        .isEqualTo("model, one step ahead = naive: the model repeats the previous value");
    XYSeriesCollection differ = (XYSeriesCollection) ForecastChart.chart(data(null)).getXYPlot()
        .getDataset(0);
    assertThat(differ.getSeriesKey(1)).isEqualTo("model, one step ahead");
  }

  @Test
  void chartData_timesMustCoverTheHistory() {
    assertThatThrownBy(() -> data(null).withTimes(
        List.of(LocalDateTime.of(2020, 1, 1, 0, 0)), "Date"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("times has 1 timestamps but history has 40 values; give one per value, or "
            + "none");
  }

  private static List<String> markerLabels(XYPlot plot) {
    List<String> labels = new ArrayList<>();
    for (Object marker : plot.getDomainMarkers(Layer.FOREGROUND)) {
      labels.add(((ValueMarker) marker).getLabel());
    }
    return labels;
  }

  @Test
  void write_pngOfTheRequestedSize() throws IOException {
    Path png = folder.resolve("chart.png");
    ForecastChart.write(png, 640, 320, data(ForecastBand.of(new double[] {112, 113, 114})));
    BufferedImage image = read(png);
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(320);
  }

  @Test
  void write_intervalBandAndNoTitle() throws IOException {
    Path png = folder.resolve("band.png");
    ForecastBand band = new ForecastBand(new double[] {112, 113, 114},
        new double[] {110, 110, 109}, new double[] {114, 116, 119});
    ForecastChart.write(png, 300, 200, data(band).withFuture(band));
    BufferedImage image = read(png);
    assertThat(image.getWidth()).isEqualTo(300);
    assertThat(image.getHeight()).isEqualTo(200);
  }

  @Test
  void write_historyOnly() throws IOException {
    Path png = folder.resolve("history.png");
    ForecastChart.write(png, 200, 100,
        new ChartData("", new double[] {1, 2, 3}, 3, new double[0], new double[0], null));
    assertThat(read(png).getWidth()).isEqualTo(200);
  }

  @Test
  void write_createsFoldersReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
    Path png = folder.resolve("a/b/chart.png");
    ForecastChart.write(png, 200, 100, data(null));
    ForecastChart.write(png, 210, 110, data(null));
    assertThat(read(png).getWidth()).isEqualTo(210);
    try (Stream<Path> files = Files.list(png.getParent())) {
      assertThat(files).containsExactly(png);
    }
  }

  @Test
  void write_othersMayReadTheFileAsUsual() throws IOException {
    Path png = folder.resolve("chart.png");
    ForecastChart.write(png, 200, 100, data(null));
    Path plain = Files.writeString(folder.resolve("plain.txt"), "x");
    assertThat(Files.getPosixFilePermissions(png))
        .isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void write_widthZero() {
    assertThatThrownBy(() -> ForecastChart.write(folder.resolve("c.png"), 0, 100, data(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("width must be between 1 and 10000 pixels, was 0");
  }

  @Test
  void write_heightNegative() {
    assertThatThrownBy(() -> ForecastChart.write(folder.resolve("c.png"), 100, -5, data(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("height must be between 1 and 10000 pixels, was -5");
  }

  @Test
  void write_widthTooLarge() {
    assertThatThrownBy(() -> ForecastChart.write(folder.resolve("c.png"), 10_001, 100, data(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("width must be between 1 and 10000 pixels, was 10001");
  }

  @Test
  void write_toADirectory() {
    assertThatThrownBy(() -> ForecastChart.write(folder, 100, 100, data(null)))
        .isInstanceOf(IOException.class)
        .hasMessage(folder + " is a directory; expected a PNG file path");
  }
}
