package io.github.seriesforecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.seriesforecaster.internal.io.ModelMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multivariate inputs: feature columns beside the target, read, scaled, predicted and saved. */
class FeaturesTest {
  @TempDir Path folder;

  /**
   * A random walk whose next change is twice the previous value of a noise column: the target's
   * own past says nothing about its next change, the feature says almost everything.
   */
  private static SeriesFrame drivenWalk(int length, long seed) {
    Random random = new Random(seed);
    double[] driver = new double[length];
    double[] walk = new double[length];
    walk[0] = 100;
    for (int t = 0; t < length; t++) {
      driver[t] = random.nextGaussian();
      if (t > 0) {
        walk[t] = walk[t - 1] + 2 * driver[t - 1] + 0.1 * random.nextGaussian();
      }
    }
    Map<String, double[]> columns = new LinkedHashMap<>();
    columns.put("driver", driver);
    columns.put("walk", walk);
    return SeriesFrame.ofColumns(columns);
  }

  private static SeriesForecaster.Builder drivenBuilder() {
    return SeriesForecaster.builder().window(3).hidden(8).epochs(150).patience(0)
        .learningRate(0.02).seed(3).column("walk");
  }

  @Test
  void fit_usesTheFeatureToBeatNaiveWhereTheTargetAloneCannot() {
    SeriesFrame frame = drivenWalk(500, 1);
    FitReport withFeature = drivenBuilder().features("driver")
        .featureTransform(TargetTransform.LEVELS).build().fit(frame);
    FitReport alone = drivenBuilder().build().fit(frame);
    assertThat(withFeature.model().rmse()).isLessThan(0.2 * withFeature.naive().rmse());
    assertThat(alone.model().rmse()).isGreaterThan(0.9 * alone.naive().rmse());
  }

  @Test
  void predict_takesAFrameByColumnName_andSavedModelsPredictTheSame() throws IOException {
    SeriesFrame frame = drivenWalk(200, 2);
    // without shrinkage, so the barely trained network's output is not replaced by naive
    SeriesForecaster forecaster = drivenBuilder().epochs(5).features("driver", "walk")
        .featureTransform(TargetTransform.LEVELS).shrink(false).build();
    forecaster.fit(frame);
    assertThat(forecaster.inputColumns()).containsExactly("walk", "driver");
    // columns in another order, plus one the model does not read
    double[] walk = frame.column("walk");
    double[] driver = frame.column("driver");
    Map<String, double[]> shuffled = new LinkedHashMap<>();
    shuffled.put("other", new double[walk.length]);
    shuffled.put("walk", walk);
    shuffled.put("driver", driver);
    double prediction = forecaster.predict(frame);
    assertThat(forecaster.predict(SeriesFrame.ofColumns(shuffled))).isEqualTo(prediction);
    // only the last minimumHistory rows matter
    int needed = forecaster.minimumHistory();
    SeriesFrame recent = SeriesFrame.ofColumns(Map.of(
        "walk", Arrays.copyOfRange(walk, walk.length - needed, walk.length),
        "driver", Arrays.copyOfRange(driver, driver.length - needed, driver.length)));
    assertThat(forecaster.predict(recent)).isEqualTo(prediction);
    // the feature matters: another last driver value changes the prediction
    double[] changed = driver.clone();
    changed[changed.length - 1] += 3;
    assertThat(forecaster.predict(SeriesFrame.ofColumns(Map.of("walk", walk, "driver", changed))))
        .isNotEqualTo(prediction);

    Path file = folder.resolve("features.zip");
    forecaster.save(file);
    SeriesForecaster loaded = SeriesForecaster.load(file);
    assertThat(loaded.predict(frame)).isEqualTo(prediction);
    assertThat(loaded.inputColumns()).containsExactly("walk", "driver");
    assertThat(loaded.config().featureNames()).containsExactly("driver", "walk");
    assertThat(loaded.config().featureTransform()).isEqualTo(TargetTransform.LEVELS);
    assertThat(formatVersion(file)).isEqualTo(2);
  }

  @Test
  void save_keepsFormatVersion1WithoutFeatures() throws IOException {
    SeriesForecaster forecaster = TestSeries.tinyBuilder().build();
    forecaster.fit(TestSeries.sine(60));
    Path file = folder.resolve("plain.zip");
    forecaster.save(file);
    assertThat(formatVersion(file)).isEqualTo(1);
    // a frame with one column serves a model of one series, whatever the column's name
    double[] series = TestSeries.sine(60);
    assertThat(forecaster.predict(SeriesFrame.ofColumns(Map.of("anything", series))))
        .isEqualTo(forecaster.predict(series));
  }

  private static int formatVersion(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String json = new String(zip.getInputStream(zip.getEntry("metadata.json")).readAllBytes(),
          StandardCharsets.UTF_8);
      return ModelMetadata.fromJson(json, file.toString()).formatVersion();
    }
  }

  @Test
  void wrongInputs_getMessagesThatNameTheColumns() {
    SeriesFrame frame = drivenWalk(120, 3);
    SeriesForecaster forecaster = drivenBuilder().epochs(2).features("driver").build();
    forecaster.fit(frame);
    assertThatThrownBy(() -> forecaster.predict(frame.column("walk")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("this model reads 2 input columns [walk, driver] per time step, not one "
            + "series; pass a SeriesFrame with those columns (e.g. from readFrame(csv))");
    assertThatThrownBy(() -> forecaster.forecast(frame.column("walk"), 2))
        .hasMessageStartingWith("this model reads 2 input columns");
    assertThatThrownBy(() -> forecaster.predict(
        SeriesFrame.ofColumns(Map.of("walk", frame.column("walk")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frame has no column [driver]; this model reads 2 input columns "
            + "[walk, driver] per time step and the frame has [walk]");
    double[] driver = frame.column("driver");
    driver[driver.length - 1] = Double.NaN;
    assertThatThrownBy(() -> forecaster.predict(SeriesFrame.ofColumns(
        Map.of("walk", frame.column("walk"), "driver", driver))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column 'driver'");
    SeriesFrame shortFrame = SeriesFrame.ofColumns(Map.of(
        "walk", new double[] {1, 2, 3}, "driver", new double[] {1, 2, 3}));
    assertThatThrownBy(() -> forecaster.predict(shortFrame))
        .hasMessageStartingWith("column 'walk' has 3 values but window=3 with transform AUTO "
            + "needs at least 4");
    assertThatThrownBy(() -> forecaster.forecast(frame, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("steps must be <= 1 for this model, was 2: it reads feature "
            + "columns [driver] whose future values it does not know");
    assertThatThrownBy(() -> SeriesFrame.ofRows(List.of("a", "b"), new double[][] {{1, 2}, {3}}))
        .hasMessage("row 1 has 1 values but the frame has 2 columns [a, b]");
    assertThatThrownBy(() -> drivenBuilder().features("nope").build().fit(frame))
        .hasMessage("frame has no column 'nope'; its columns are [driver, walk]");
  }

  @Test
  void forecast_withFeaturesIsDirectUpToTheHorizon_withIntervals() {
    SeriesFrame frame = drivenWalk(150, 4);
    SeriesForecaster forecaster = drivenBuilder().epochs(5).horizon(3).features("driver").build();
    forecaster.fit(frame);
    double[] path = forecaster.forecast(frame, 3);
    assertThat(path).hasSize(3);
    assertThat(path[0]).isCloseTo(forecaster.predict(frame), within(1e-9));
    assertThat(forecaster.forecast(frame, 2)).containsExactly(Arrays.copyOf(path, 2));
    ForecastIntervals intervals = forecaster.forecastWithIntervals(frame, 3, 0.8);
    assertThat(intervals.point()).containsExactly(path);
    for (int h = 0; h < 3; h++) {
      assertThat(intervals.lower(0.8)[h]).isLessThanOrEqualTo(path[h]);
      assertThat(intervals.upper(0.8)[h]).isGreaterThanOrEqualTo(path[h]);
    }
  }

  @Test
  void fitCsv_readsFeaturesByNameOrIndex_andReadFrameMatches() throws IOException {
    SeriesFrame frame = drivenWalk(120, 5);
    double[] walk = frame.column("walk");
    double[] driver = frame.column("driver");
    StringBuilder text = new StringBuilder("Date,Walk,Driver,Ignored\n");
    for (int t = 0; t < walk.length; t++) {
      text.append(String.format(Locale.ROOT, "2020-01-%03d,%s,%s,x%n", t + 1, walk[t], driver[t]));
    }
    Path csv = Files.writeString(folder.resolve("walk.csv"), text);
    SeriesForecaster byName = drivenBuilder().epochs(3).column("Walk").features("Driver").build();
    byName.fit(csv);
    SeriesForecaster byIndex = drivenBuilder().epochs(3).column(1).features(2, 1).build();
    byIndex.fit(csv);
    assertThat(byIndex.inputColumns()).containsExactly("Walk", "Driver");
    // same data, same seed: the same model whichever way the columns were chosen
    assertThat(byIndex.predict(byIndex.readFrame(csv))).isEqualTo(byName.predict(byName.readFrame(csv)));
    SeriesFrame read = byName.readFrame(csv);
    assertThat(read.columns()).containsExactly("Walk", "Driver");
    assertThat(read.column("Driver")).containsExactly(driver);
    assertThat(byName.predict(read)).isEqualTo(byName.predict(SeriesFrame.ofColumns(
        Map.of("Walk", walk, "Driver", driver))));
    assertThatThrownBy(() -> drivenBuilder().column("Walk").features("Ignored").build().fit(csv))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessage("walk.csv line 2: column 'Ignored' is 'x', expected a number");
    assertThatThrownBy(() -> drivenBuilder().column("Walk").features(9).build().fit(csv))
        .hasMessage("walk.csv has 4 columns ([Date, Walk, Driver, Ignored]), so feature index 9 "
            + "is out of range 0-3");
  }

  @Test
  void missingFeatureCells_followThePolicyForTheWholeRow() throws IOException {
    Path csv = Files.writeString(folder.resolve("gaps.csv"),
        "y,x\n1,10\n2,\n3,30\nNA,40\n5,50\n");
    var reader = new io.github.seriesforecaster.internal.data.CsvSeriesReader(',', MissingValues.DROP);
    var dropped = reader.read(csv, "y", -1, null, List.of("x"), List.of());
    assertThat(dropped.values()).containsExactly(1, 3, 5);
    assertThat(dropped.featureValues()[0]).containsExactly(10, 30, 50);
    assertThat(dropped.missing()).isEqualTo(2);
    var filled = new io.github.seriesforecaster.internal.data.CsvSeriesReader(',', MissingValues.INTERPOLATE)
        .read(csv, "y", -1, null, List.of("x"), List.of());
    assertThat(filled.values()).containsExactly(1, 2, 3, 4, 5);
    assertThat(filled.featureValues()[0]).containsExactly(10, 20, 30, 40, 50);
    assertThatThrownBy(() -> new io.github.seriesforecaster.internal.data.CsvSeriesReader(
        ',', MissingValues.FAIL).read(csv, "y", -1, null, List.of("x"), List.of()))
        .hasMessage("gaps.csv line 3: column 'x' is empty or NA, and missing values are set to "
            + "FAIL");
  }

  @Test
  void logReturnFeatures_mustBePositive() {
    SeriesFrame frame = drivenWalk(80, 6);
    assertThatThrownBy(() -> drivenBuilder().features("driver")
        .featureTransform(TargetTransform.LOG_RETURNS).build().fit(frame))
        .isInstanceOf(SeriesFormatException.class)
        .hasMessageStartingWith("frame column 'driver': ");
  }

  @Test
  void backtest_overAFrameFitsEachFoldOnTheRowsBeforeItsOrigin() {
    SeriesFrame frame = drivenWalk(120, 7);
    ForecasterConfig config = drivenBuilder().epochs(3).features("driver").config();
    BacktestResult result = Backtest.over(frame, "walk").start(90).stride(10).refitEvery(2)
        .run(config);
    assertThat(result.origins()).extracting(BacktestResult.Origin::index)
        .containsExactly(90, 100, 110);
    assertThat(result.fits()).isEqualTo(2);
    // the fold at origin 90 forecasts what a model fitted on rows 0..89 forecasts
    SeriesForecaster fold = SeriesForecaster.builder(config).build();
    fold.fit(frame.rows(0, 90));
    assertThat(result.origins().get(0).forecast()[0]).isEqualTo(fold.predict(frame.rows(0, 90)));
    assertThat(result.origins().get(0).naive()[0]).isEqualTo(frame.column("walk")[89]);
    assertThatThrownBy(() -> Backtest.over(frame, "driver").run(config))
        .hasMessage("the configuration's target column is 'walk' but this backtest scores "
            + "'driver'; set column(\"driver\")");
  }
}
