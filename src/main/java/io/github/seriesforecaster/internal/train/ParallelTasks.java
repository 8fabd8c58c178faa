package io.github.seriesforecaster.internal.train;

import io.github.seriesforecaster.ForecasterException;
import io.github.seriesforecaster.internal.model.NetworkMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs independent fits (backtest folds, the series of a set) on up to {@code parallelism}
 * threads and hands back their results in task order, so callers see what a sequential run gives.
 *
 * <p>Concurrent fits in one JVM are safe because a fit shares no mutable state with another: every
 * network has its own layers, parameters, updater and FastLstm kernel scratch; ND4J's random
 * generator and workspaces are per thread; the training shuffle uses a {@code java.util.Random}
 * of the fit's own; the only process-wide settings, ND4J's thread counts, are set by every fit to
 * its configuration's {@code threads}, which is the same for the fits of one call. Tests check that
 * parallel results are bit-identical to sequential ones.
 */
public final class ParallelTasks {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private ParallelTasks() {}

  /**
   * The result of one task: its value, or the exception it threw.
   *
   * @param <T> the value's type
   * @param value the value, or {@code null} if the task failed
   * @param failure what the task threw, or {@code null}
   */
  public record Outcome<T>(T value, RuntimeException failure) {}

  /**
   * Runs every task; a failing task does not stop the others.
   *
   * @param tasks the tasks, independent of each other
   * @param parallelism most tasks at once, at least 1; 1 runs them in order on the caller's thread
   * @return one outcome per task, in task order
   * @throws ForecasterException if the calling thread is interrupted while waiting (the tasks are
   *     cancelled)
   * @throws Error if a task throws one
   */
  public static <T> List<Outcome<T>> runAll(List<? extends Callable<T>> tasks, int parallelism) {
    return inOrder(tasks, parallelism, outcome -> outcome);
  }

  /**
   * The parallelism each of {@code tasks} independent fits run at once may use for its own
   * parallel work, so that nested work does not put more threads than {@code parallelism} on the
   * machine: all of it when one task runs, else an equal share, at least 1.
   *
   * @param parallelism threads the caller may use, at least 1
   * @param tasks tasks to run
   * @return the parallelism of each task
   */
  public static int perTask(int parallelism, int tasks) {
    int atOnce = Math.max(1, Math.min(parallelism, tasks));
    return Math.max(1, parallelism / atOnce);
  }

  /**
   * Runs the tasks and returns their values; the first failure in task order is rethrown, as a
   * sequential run would throw it, and the tasks not yet started are cancelled.
   *
   * @param tasks the tasks, independent of each other
   * @param parallelism most tasks at once, at least 1; 1 runs them in order on the caller's thread
   * @return the values in task order
   * @throws RuntimeException the first failing task's exception, unchanged
   */
  public static <T> List<T> run(List<? extends Callable<T>> tasks, int parallelism) {
    return inOrder(tasks, parallelism, ParallelTasks::value);
  }

  /**
   * Runs the tasks and passes their outcomes to {@code each} in task order, as soon as each is
   * known; when {@code each} throws, the tasks not yet started are cancelled (the pool is shut
   * down) and the exception propagates, as it would from a sequential loop.
   */
  private static <T, R> List<R> inOrder(List<? extends Callable<T>> tasks, int parallelism,
      Function<Outcome<T>, R> each) {
    List<R> results = new ArrayList<>(tasks.size());
    if (parallelism <= 1 || tasks.size() <= 1) {
      for (Callable<T> task : tasks) {
        results.add(each.apply(call(task)));
      }
      return results;
    }
    ExecutorService pool = pool(Math.min(parallelism, tasks.size()));
    try {
      List<Future<Outcome<T>>> futures = new ArrayList<>(tasks.size());
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(() -> call(task)));
      }
      for (Future<Outcome<T>> future : futures) {
        results.add(each.apply(await(future)));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T value(Outcome<T> outcome) {
    if (outcome.failure() != null) {
      throw outcome.failure();
    }
    return outcome.value();
  }

  private static <T> Outcome<T> call(Callable<T> task) {
    try {
      return new Outcome<>(task.call(), null);
    } catch (RuntimeException e) {
      return new Outcome<>(null, e);
    } catch (Exception e) {
      return new Outcome<>(null, new ForecasterException(e.getMessage(), e));
    }
  }

  private static <T> Outcome<T> await(Future<Outcome<T>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ForecasterException("interrupted while waiting for parallel fits", e);
    } catch (ExecutionException e) {
      // call() catches every exception, so only an Error gets here
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new ForecasterException(e.getCause().getMessage(), e.getCause());
    }
  }

  private static ExecutorService pool(int threads) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = task -> {
      Runnable work = () -> {
        try {
          task.run();
        } finally {
          NetworkMemory.releaseThreadWorkspaces();
        }
      };
      Thread thread = new Thread(work,
          "series-forecaster-fits-" + pool + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    return Executors.newFixedThreadPool(threads, factory);
  }
}
