package io.github.seriesforecaster.many;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.SeriesForecaster;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GlobalConfigBuilderTest {

  @Test
  void configBuilder_derivesVariantsWithoutAForecaster() {
    GlobalConfig original = GlobalConfig.builder().season(24).horizon(48).hidden(8).config();
    assertThat(original).isEqualTo(GlobalForecaster.builder().season(24).horizon(48).hidden(8)
        .config());
    GlobalConfig.Builder variant = original.toBuilder();
    assertThat(variant.config()).isEqualTo(original);
    assertThat(variant.epochs(3).config().epochs()).isEqualTo(3);
    assertThat(original.epochs()).isEqualTo(GlobalConfig.DEFAULT_EPOCHS);
    assertThat(GlobalForecaster.builder(original).build().config()).isEqualTo(original);
  }

  @Test
  void defaults_areTheGlobalConstantsNotTheSingleSeriesOnes() {
    GlobalConfig config = GlobalConfig.builder().config();
    assertThat(config.hidden()).isEqualTo(GlobalConfig.DEFAULT_HIDDEN);
    assertThat(config.epochs()).isEqualTo(GlobalConfig.DEFAULT_EPOCHS);
    assertThat(config.learningRate()).isEqualTo(GlobalConfig.DEFAULT_LEARNING_RATE);
    assertThat(config.batchSize()).isEqualTo(GlobalConfig.DEFAULT_BATCH_SIZE);
    assertThat(config.patience()).isEqualTo(GlobalConfig.DEFAULT_PATIENCE);
    assertThat(config.validation()).isEqualTo(config.horizon());
  }

  @Test
  void sharedSettings_failWithTheSameMessageInEveryBuilder() {
    assertSameMessage(b -> b.hidden(0), "hidden must be >= 1, was 0");
    assertSameMessage(b -> b.season(1), "season must be 0 (none) or >= 2, was 1");
    assertSameMessage(b -> b.learningRate(1.0), "learningRate must be > 0.0 and < 1.0, was 1.0");
    assertSameMessage(b -> b.patience(-1), "patience must be >= 0, was -1");
  }

  private static void assertSameMessage(
      Consumer<io.github.seriesforecaster.NetworkSettings<?>> setter, String message) {
    assertThatThrownBy(() -> setter.accept(GlobalForecaster.builder()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> setter.accept(GlobalConfig.builder()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    assertThatThrownBy(() -> setter.accept(SeriesForecaster.builder()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
