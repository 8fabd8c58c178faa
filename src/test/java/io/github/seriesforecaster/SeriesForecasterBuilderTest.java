package io.github.seriesforecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesForecasterBuilderTest {

  @Test
  void defaults_areTheDocumentedConstants() {
    ForecasterConfig config = SeriesForecaster.builder().config();
    assertThat(config.window()).isEqualTo(ForecasterConfig.DEFAULT_WINDOW);
    assertThat(config.hidden()).isEqualTo(ForecasterConfig.DEFAULT_HIDDEN);
    assertThat(config.batchSize()).isEqualTo(ForecasterConfig.DEFAULT_BATCH_SIZE);
    assertThat(config.validationFraction()).isEqualTo(0.3);
    assertThat(config.columnName()).isNull();
    assertThat(config.columnIndex()).isEqualTo(-1);
    assertThat(config.columnDescription()).isEqualTo("last");
  }

  @Test
  void window_zero() {
    assertThatThrownBy(() -> SeriesForecaster.builder().window(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must be >= 1, was 0");
  }

  @Test
  void hidden_negative() {
    assertThatThrownBy(() -> SeriesForecaster.builder().hidden(-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hidden must be >= 1, was -3");
  }

  @Test
  void layers_zero() {
    assertThatThrownBy(() -> SeriesForecaster.builder().layers(0))
        .hasMessage("layers must be >= 1, was 0");
  }

  @Test
  void epochs_zero() {
    assertThatThrownBy(() -> SeriesForecaster.builder().epochs(0))
        .hasMessage("epochs must be >= 1, was 0");
  }

  @Test
  void batchSize_zero() {
    assertThatThrownBy(() -> SeriesForecaster.builder().batchSize(0))
        .hasMessage("batchSize must be >= 1, was 0");
  }

  @Test
  void threads_zero() {
    assertThatThrownBy(() -> SeriesForecaster.builder().threads(0))
        .hasMessage("threads must be >= 1, was 0");
  }

  @Test
  void learningRate_outOfRange() {
    assertThatThrownBy(() -> SeriesForecaster.builder().learningRate(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("learningRate must be > 0.0 and < 1.0, was 0.0");
    assertThatThrownBy(() -> SeriesForecaster.builder().learningRate(1.5))
        .hasMessage("learningRate must be > 0.0 and < 1.0, was 1.5");
    assertThatThrownBy(() -> SeriesForecaster.builder().learningRate(Double.NaN))
        .hasMessage("learningRate must be > 0.0 and < 1.0, was NaN");
  }

  @Test
  void validationFraction_one() {
    assertThatThrownBy(() -> SeriesForecaster.builder().validationFraction(1.0))
        .hasMessage("validationFraction must be >= 0.0 and < 1.0, was 1.0");
    assertThat(SeriesForecaster.builder().validationFraction(0).config().validationFraction())
        .isZero();
  }

  @Test
  void column_blankName() {
    assertThatThrownBy(() -> SeriesForecaster.builder().column(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column name must not be blank, was ' '");
  }

  @Test
  void column_nullName() {
    assertThatThrownBy(() -> SeriesForecaster.builder().column(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("column");
  }

  @Test
  void column_negativeIndex() {
    assertThatThrownBy(() -> SeriesForecaster.builder().column(-1))
        .hasMessage("column index must be >= 0, was -1");
  }

  @Test
  void column_lastChoiceWins() {
    ForecasterConfig byIndex = SeriesForecaster.builder().column("Close").column(4).config();
    assertThat(byIndex.columnName()).isNull();
    assertThat(byIndex.columnIndex()).isEqualTo(4);
    ForecasterConfig byName = SeriesForecaster.builder().column(4).column("Close").config();
    assertThat(byName.columnName()).isEqualTo("Close");
    assertThat(byName.columnIndex()).isEqualTo(-1);
  }

  @Test
  void delimiter_quote() {
    assertThatThrownBy(() -> SeriesForecaster.builder().delimiter('"').build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delimiter must not be a quote or line break, was '\"'");
  }

  @Test
  void transform_null() {
    assertThatThrownBy(() -> SeriesForecaster.builder().transform(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("transform");
  }

  @Test
  void config_rechecksValuesNotFromTheBuilder() {
    ForecasterConfig valid = SeriesForecaster.builder().config();
    assertThatThrownBy(() -> new ForecasterConfig(0, valid.hidden(), valid.layers(),
        valid.epochs(), valid.learningRate(), valid.batchSize(), valid.seed(), null, -1,
        valid.validationFraction(), valid.transform(), 1, 0, 30, true, null, null, LstmImplementation.FAST,
        valid.missingValues(), ',', 1, List.of(), List.of(), TargetTransform.AUTO, 1))
        .hasMessage("window must be >= 1, was 0");
    assertThatThrownBy(() -> new ForecasterConfig(3, 6, 1, 1, 0.01, 8, 1, "Close", 2, 0.3,
        TargetTransform.LEVELS, 1, 0, 30, true, null, null, LstmImplementation.FAST, MissingValues.DROP, ',', 1,
        List.of(), List.of(), TargetTransform.AUTO, 1))
        .hasMessage("column is set both by name ('Close') and by index (2); set only one");
  }

  @Test
  void features_areCheckedAndReplaceEachOther() {
    assertThatThrownBy(() -> SeriesForecaster.builder().features("Open", "Open"))
        .hasMessage("feature 'Open' is listed twice in [Open, Open]");
    assertThatThrownBy(() -> SeriesForecaster.builder().features("Open", " "))
        .hasMessage("feature names must not be blank, were [Open,  ]");
    assertThatThrownBy(() -> SeriesForecaster.builder().features(1, -2))
        .hasMessage("feature index must be >= 0, was -2");
    assertThatThrownBy(() -> SeriesForecaster.builder().features(3, 3))
        .hasMessage("feature index 3 is listed twice in [3, 3]");
    ForecasterConfig byIndex = SeriesForecaster.builder().features("Open").features(1, 2).config();
    assertThat(byIndex.featureNames()).isEmpty();
    assertThat(byIndex.featureIndices()).containsExactly(1, 2);
    ForecasterConfig none = SeriesForecaster.builder().features("Open").features(new String[0]).config();
    assertThat(none.hasFeatures()).isFalse();
    assertThat(byIndex.toBuilder().config()).isEqualTo(byIndex);
    ForecasterConfig valid = SeriesForecaster.builder().config();
    assertThatThrownBy(() -> new ForecasterConfig(3, 6, 1, 1, 0.01, 8, 1, "Close", -1, 0.3,
        TargetTransform.LEVELS, 1, 0, 30, true, null, null, LstmImplementation.FAST,
        MissingValues.DROP, ',', 1, List.of("Open"), List.of(2), TargetTransform.AUTO, 1))
        .hasMessage("features are set both by name [Open] and by index [2]; set only one");
    assertThat(valid.hasFeatures()).isFalse();
    assertThatThrownBy(() -> SeriesForecaster.builder()
        .featureTransform(TargetTransform.SEASONAL_DIFFERENCES))
        .hasMessage("featureTransform must be AUTO (like the target), LEVELS, DIFFERENCES or "
            + "LOG_RETURNS, was SEASONAL_DIFFERENCES");
    // a feature transform with a longer lag than the target's needs more history
    assertThat(SeriesForecaster.builder().window(4).transform(TargetTransform.LEVELS)
        .features("Volume").featureTransform(TargetTransform.DIFFERENCES).config()
        .minimumHistory()).isEqualTo(5);
  }

  @Test
  void toBuilder_derivesAVariantAndLeavesTheOriginal() {
    ForecasterConfig original = SeriesForecaster.builder().window(5).seed(7).config();
    ForecasterConfig variant = original.toBuilder().window(9).config();
    assertThat(variant.window()).isEqualTo(9);
    assertThat(variant.seed()).isEqualTo(7);
    assertThat(original.window()).isEqualTo(5);
    assertThat(original.toBuilder().config()).isEqualTo(original);
  }

  @Test
  void builderOfConfig_buildsAForecasterWithThoseSettings() {
    ForecasterConfig config = ForecasterConfig.builder().window(5).season(4).dateColumn("Date")
        .config();
    SeriesForecaster forecaster = SeriesForecaster.builder(config).build();
    assertThat(forecaster.config()).isEqualTo(config);
    assertThat(SeriesForecaster.builder(config).epochs(2).config())
        .isEqualTo(SeriesForecaster.builder(config).epochs(2).config());
  }

  @Test
  void configBuilder_checksLikeTheForecasterBuilderAndTheRecord() {
    // one check per rule: the setter, the config-side builder and the record say the same
    String season = "season must be 0 (none) or >= 2, was 1";
    assertThatThrownBy(() -> ForecasterConfig.builder().season(1)).hasMessage(season);
    assertThatThrownBy(() -> SeriesForecaster.builder().season(1)).hasMessage(season);
    assertThatThrownBy(() -> ForecasterConfig.builder().column(" "))
        .hasMessage("column name must not be blank, was ' '");
    assertThatThrownBy(() -> ForecasterConfig.builder().dateColumn(""))
        .hasMessage("dateColumn must not be blank, was ''");
    // the delimiter is now checked by its setter too, with the record's message
    assertThatThrownBy(() -> SeriesForecaster.builder().delimiter('"'))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delimiter must not be a quote or line break, was '\"'");
  }

  @Test
  void minimumHistory_dependsOnTransform() {
    assertThat(SeriesForecaster.builder().window(3).transform(TargetTransform.LEVELS).build()
        .minimumHistory()).isEqualTo(3);
    assertThat(SeriesForecaster.builder().window(3).transform(TargetTransform.DIFFERENCES).build()
        .minimumHistory()).isEqualTo(4);
    assertThat(SeriesForecaster.builder().window(3).transform(TargetTransform.LOG_RETURNS).build()
        .minimumHistory()).isEqualTo(4);
  }
}
