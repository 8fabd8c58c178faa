package io.github.seriesforecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;

class SeriesForecasterTest {
  @TempDir Path folder;

  @Test
  void fit_reportCountsWindowsAndScoresNaiveOnTheSameWindows() {
    double[] series = TestSeries.sine(60);
    FitReport report = TestSeries.tinyBuilder().build().fit(series);
    // 60 values: three folds score the values from 24 on (blocks 24-36, 36-48, 48-60), then the
    // kept network is refitted on every target after the first 4 + 1 values
    assertThat(report.folds()).isEqualTo(3);
    assertThat(report.validationWindows()).isEqualTo(36);
    assertThat(report.trainingWindows()).isEqualTo(60 - 5);
    assertThat(report.epochsRun()).isEqualTo(3);
    double squared = 0;
    for (int t = 24; t < 60; t++) {
      squared += Math.pow(series[t] - series[t - 1], 2);
    }
    assertThat(report.naive().rmse()).isCloseTo(Math.sqrt(squared / 36), within(1e-9));
    assertThat(report.model().points()).isEqualTo(36);
    assertThat(report.model().rmse()).isFinite().isPositive();
    assertThat(report.trainingLoss()).isFinite();
    assertThat(report.summary()).contains("naive", "model", "36 one-step forecasts");
  }

  @Test
  void fit_withSeasonReportsTheSeasonalNaiveToo() {
    double[] series = TestSeries.sine(80);
    FitReport report = TestSeries.tinyBuilder().season(6).build().fit(series);
    // 80 values: three folds score the values from 32 on
    double squared = 0;
    for (int t = 32; t < 80; t++) {
      squared += Math.pow(series[t] - series[t - 6], 2);
    }
    assertThat(report.seasonalNaive().points()).isEqualTo(48);
    assertThat(report.seasonalNaive().rmse()).isCloseTo(Math.sqrt(squared / 48), within(1e-9));
    assertThat(report.summary()).contains("seasonal naive");
    assertThat(TestSeries.tinyBuilder().build().fit(series).seasonalNaive())
        .isEqualTo(ErrorMetrics.NONE);
  }

  @Test
  void fit_csvReadsTheConfiguredColumn() throws IOException {
    Path csv = TestSeries.writeCsv(folder.resolve("s.csv"), TestSeries.sine(50));
    SeriesForecaster forecaster = TestSeries.tinyBuilder().column("Value").build();
    FitReport report = forecaster.fit(csv.toString());
    // three folds of 10 values each
    assertThat(report.validationWindows()).isEqualTo(30);
    assertThat(forecaster.readSeries(csv)).containsExactly(TestSeries.sine(50));
  }

  @Test
  void fit_savedScalerIsTheRefittedModelsOverEveryValue() throws IOException {
    // the folds' scalers see only their training parts (FeatureScalingTest, CandidateChoiceTest);
    // the kept model is refitted on every value given to fit, and its scaler with it
    double[] series = new double[50];
    for (int i = 0; i < series.length; i++) {
      series[i] = i < 35 ? 5 + 5 * Math.sin(i) : 150 + 50 * Math.sin(i);
    }
    SeriesForecaster forecaster = TestSeries.tinyBuilder()
        .transform(TargetTransform.LEVELS).build();
    forecaster.fit(series);
    Path file = folder.resolve("m.zip");
    forecaster.save(file);
    NormalizerMinMaxScaler scaler = ModelSerializer.restoreNormalizerFromFile(file.toFile());
    double trainingMax = Arrays.stream(series).max().orElseThrow();
    double trainingMin = Arrays.stream(series).min().orElseThrow();
    assertThat(scaler.getMax().getDouble(0)).isEqualTo(trainingMax);
    assertThat(scaler.getMin().getDouble(0)).isEqualTo(trainingMin);
  }

  @Test
  void fit_sameSeedIsBitIdenticalAndAnotherSeedIsNot() {
    double[] series = TestSeries.sine(60);
    SeriesForecaster first = TestSeries.tinyBuilder().build();
    SeriesForecaster second = TestSeries.tinyBuilder().build();
    SeriesForecaster other = TestSeries.tinyBuilder().seed(8).build();
    FitReport a = first.fit(series);
    FitReport b = second.fit(series);
    other.fit(series);
    assertThat(b.trainingLoss()).isEqualTo(a.trainingLoss());
    assertThat(second.forecast(series, 5)).containsExactly(first.forecast(series, 5));
    assertThat(other.predict(series)).isNotEqualTo(first.predict(series));
  }

  @Test
  void saveLoad_predictsBitIdentically() throws IOException {
    double[] series = TestSeries.sine(60);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().column("Value").build();
    forecaster.fit(series);
    Path file = folder.resolve("nested/dir/model.zip");
    forecaster.save(file);
    SeriesForecaster loaded = SeriesForecaster.load(file);
    assertThat(loaded.config()).isEqualTo(forecaster.config());
    assertThat(loaded.predict(series)).isEqualTo(forecaster.predict(series));
    assertThat(loaded.forecast(series, 7)).containsExactly(forecaster.forecast(series, 7));
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void save_replacesAnExistingModel() throws IOException {
    double[] series = TestSeries.sine(60);
    Path file = folder.resolve("model.zip");
    SeriesForecaster first = TestSeries.tinyBuilder().build();
    first.fit(series);
    first.save(file);
    SeriesForecaster second = TestSeries.tinyBuilder().seed(99).build();
    second.fit(series);
    second.save(file);
    assertThat(SeriesForecaster.load(file).predict(series)).isEqualTo(second.predict(series));
  }

  @Test
  void predict_usesTheMostRecentValues() {
    double[] series = TestSeries.sine(60);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(series);
    double[] tail = Arrays.copyOfRange(series, 60 - forecaster.minimumHistory(), 60);
    assertThat(forecaster.predict(tail)).isEqualTo(forecaster.predict(series));
  }

  @Test
  void predict_batchMatchesSinglePredictions() {
    double[] series = TestSeries.sine(60);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(series);
    double[][] histories = {
        Arrays.copyOfRange(series, 0, 20), Arrays.copyOfRange(series, 10, 45), series};
    double[] batch = forecaster.predict(histories);
    for (int i = 0; i < histories.length; i++) {
      assertThat(batch[i]).isCloseTo(forecaster.predict(histories[i]), within(1e-5));
    }
    assertThat(forecaster.predict(new double[0][])).isEmpty();
  }

  @Test
  void predict_batchLargerThanOneForwardPassMatchesSinglePredictions() {
    // window 30, hidden 64, 2 layers: about a thousand windows per network call
    SeriesForecaster forecaster = SeriesForecaster.builder().window(30).hidden(64).layers(2)
        .epochs(1).seed(7).shrink(false).build();
    double[] series = TestSeries.sine(2600);
    forecaster.fit(Arrays.copyOf(series, 200));
    int perPass = io.github.seriesforecaster.internal.model.ForwardPassSize.windows(forecaster.config());
    double[][] many = new double[2 * perPass + 50][];
    for (int i = 0; i < many.length; i++) {
      many[i] = Arrays.copyOfRange(series, i, i + 40);
    }
    double[] batch = forecaster.predict(many);
    for (int i : new int[] {0, perPass - 1, perPass, 2 * perPass - 1, 2 * perPass, many.length - 1}) {
      // values up to 570: float rounding of the network allows about 1e-4
      assertThat(batch[i]).as("history %d", i).isCloseTo(forecaster.predict(many[i]), within(1e-3));
    }
  }

  @Test
  void forecast_firstStepIsThePrediction() {
    double[] series = TestSeries.sine(60);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(series);
    double[] path = forecaster.forecast(series, 3);
    assertThat(path).hasSize(3);
    assertThat(path[0]).isEqualTo(forecaster.predict(series));
    double[] extended = Arrays.copyOf(series, 61);
    extended[60] = path[0];
    assertThat(path[1]).isEqualTo(forecaster.predict(extended));
  }

  @Test
  void fit_constantSeriesGivesFiniteForecasts() {
    double[] series = new double[40];
    Arrays.fill(series, 1e12);
    for (TargetTransform transform : TargetTransform.values()) {
      SeriesForecaster forecaster = TestSeries.tinyBuilder().transform(transform).season(4).build();
      FitReport report = forecaster.fit(series);
      if (report.candidate().startsWith("network")) {
        // a seasonal baseline that wins trains nothing and has no training loss
        assertThat(report.trainingLoss()).as(transform.name()).isFinite();
      }
      assertThat(report.model().rmse()).as(transform.name()).isFinite();
      assertThat(Arrays.stream(forecaster.forecast(series, 3)).allMatch(Double::isFinite))
          .as(transform.name()).isTrue();
    }
  }

  @Test
  void fit_failureLeavesThePreviousModel() throws IOException {
    double[] series = TestSeries.sine(60);
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(series);
    double before = forecaster.predict(series);
    Path bad = Files.writeString(folder.resolve("bad.csv"), "Value\n1\n2\nxyz\n");
    assertThatThrownBy(() -> forecaster.fit(bad)).isInstanceOf(SeriesFormatException.class);
    assertThatThrownBy(() -> forecaster.fit(new double[] {1, 2, 3}))
        .isInstanceOf(SeriesFormatException.class);
    assertThat(forecaster.predict(series)).isEqualTo(before);
  }

  @Test
  void fit_tooShort() {
    assertThatThrownBy(() -> TestSeries.tinyBuilder().build().fit(new double[] {1, 2, 3, 4, 5, 6}))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("array has 6 values, 4 of them for training after holding out 2 for "
            + "validation, but window=4 with transform AUTO needs at least 6 training values; "
            + "use a smaller window or a longer series");
  }

  @Test
  void fit_nonFiniteValue() {
    double[] series = TestSeries.sine(30);
    series[17] = Double.NaN;
    assertThatThrownBy(() -> TestSeries.tinyBuilder().build().fit(series))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series[17] is NaN; values must be finite");
  }

  @Test
  void fit_logReturnsNeedPositiveValues() {
    double[] series = TestSeries.sine(30);
    series[5] = 0;
    assertThatThrownBy(() -> TestSeries.tinyBuilder().transform(TargetTransform.LOG_RETURNS)
        .build().fit(series))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessageStartingWith("array: value[5] is 0.0 but the LOG_RETURNS transform needs "
            + "positive values");
  }

  @Test
  void predict_beforeFit() {
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    assertThatThrownBy(() -> forecaster.predict(new double[10]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("forecaster is not fitted; call fit(...) or SeriesForecaster.load(...) first");
    assertThatThrownBy(() -> forecaster.forecast(new double[10], 2))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> forecaster.save(folder.resolve("m.zip")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(forecaster.isFitted()).isFalse();
  }

  @Test
  void predict_badArguments() {
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(TestSeries.sine(40));
    assertThatThrownBy(() -> forecaster.predict((double[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("series");
    assertThatThrownBy(() -> forecaster.predict(new double[] {1, 2, 3, 4}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series has 4 values but window=4 with transform AUTO needs at least 5; "
            + "pass a longer history");
    assertThatThrownBy(() -> forecaster.predict(new double[] {1, 2, Double.NaN, 4, 5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series[2] is NaN; values must be finite");
    assertThatThrownBy(() -> forecaster.predict(new double[] {1, 2, 3, 4, Double.POSITIVE_INFINITY}))
        .hasMessage("series[4] is Infinity; values must be finite");
    assertThatThrownBy(() -> forecaster.forecast(new double[] {1, 2, 3, 4, 5}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("steps must be >= 1, was 0");
    assertThatThrownBy(() -> forecaster.predict(new double[][] {{1, 2, 3, 4, 5}, {1}}))
        .hasMessage("histories[1] has 1 values but window=4 with transform AUTO needs at least 5; "
            + "pass a longer history");
  }
}
