package io.github.seriesforecaster.internal.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seriesforecaster.ForecasterException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelTasksTest {

  /** Tasks returning their index, except those in {@code failing}, which throw "task i". */
  private static List<Callable<Integer>> tasks(int count, int... failing) {
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      boolean fails = java.util.Arrays.stream(failing).anyMatch(f -> f == index);
      tasks.add(() -> {
        if (fails) {
          throw new IllegalArgumentException("task " + index);
        }
        return index * 10;
      });
    }
    return tasks;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void run_valuesInTaskOrder(int parallelism) {
    assertThat(ParallelTasks.run(tasks(7), parallelism))
        .containsExactly(0, 10, 20, 30, 40, 50, 60);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void run_firstFailureInTaskOrder(int parallelism) {
    assertThatThrownBy(() -> ParallelTasks.run(tasks(6, 4, 2), parallelism))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task 2");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void runAll_everyOutcomeInTaskOrder(int parallelism) {
    List<ParallelTasks.Outcome<Integer>> outcomes =
        ParallelTasks.runAll(tasks(5, 1, 3), parallelism);
    assertThat(outcomes).extracting(ParallelTasks.Outcome::value)
        .containsExactly(0, null, 20, null, 40);
    assertThat(outcomes.get(1).failure()).hasMessage("task 1");
    assertThat(outcomes.get(3).failure()).hasMessage("task 3");
    assertThat(outcomes.get(0).failure()).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void run_checkedExceptionWrapped(int parallelism) {
    List<Callable<Integer>> tasks = List.of(() -> 1, () -> {
      throw new IOException("disk full");
    });
    assertThatThrownBy(() -> ParallelTasks.run(tasks, parallelism))
        .isInstanceOf(ForecasterException.class)
        .hasMessage("disk full")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void perTask_sharesTheParallelismBetweenTheTasksRunAtOnce() {
    assertThat(ParallelTasks.perTask(2, 10)).isEqualTo(1);
    assertThat(ParallelTasks.perTask(2, 1)).isEqualTo(2);
    assertThat(ParallelTasks.perTask(8, 3)).isEqualTo(2);
    assertThat(ParallelTasks.perTask(1, 0)).isEqualTo(1);
  }
}
