package io.github.seriesforecaster.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnSelectionTest {
  private static final List<String> COLUMNS = List.of("Date", "Open", "Close", "Volume");
  private static final ColumnSelection.Failures FAILURES = new ColumnSelection.Failures() {
    @Override
    public RuntimeException noColumn(String name) {
      return new IllegalStateException("no " + name);
    }

    @Override
    public RuntimeException outOfRange(String what, int index) {
      return new IllegalStateException(what + " " + index);
    }
  };

  @Test
  void resolve_targetFirstThenEachFeatureOnce() {
    ColumnSelection selection =
        new ColumnSelection(" Close ", -1, List.of("Volume", "Close", "Open"), List.of());
    assertThat(selection.resolve(COLUMNS, FAILURES)).containsExactly(2, 3, 1);
    ColumnSelection byIndex = new ColumnSelection(null, 1, List.of(), List.of(3, 1));
    assertThat(byIndex.resolve(COLUMNS, FAILURES)).containsExactly(1, 3);
  }

  @Test
  void target_lastColumnWhenNothingIsConfigured() {
    assertThat(new ColumnSelection(null, -1, List.of(), List.of()).target(COLUMNS, FAILURES))
        .isEqualTo(3);
  }

  @Test
  void resolve_reportsThroughTheCallersFailures() {
    assertThatThrownBy(() -> new ColumnSelection("close", -1, List.of(), List.of())
        .resolve(COLUMNS, FAILURES)).hasMessage("no close");
    assertThatThrownBy(() -> new ColumnSelection(null, 4, List.of(), List.of())
        .resolve(COLUMNS, FAILURES)).hasMessage("column index 4");
    assertThatThrownBy(() -> new ColumnSelection(null, -1, List.of(), List.of(9))
        .resolve(COLUMNS, FAILURES)).hasMessage("feature index 9");
  }
}
