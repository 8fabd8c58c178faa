package io.github.seriesforecaster.internal.train;

import io.github.seriesforecaster.ForecasterException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent fits (candidates, folds, ensemble members) on up to {@code parallelism} threads,
 * the calling thread included. Every job computes from its own seed and data, so the results are
 * the same, bit for bit, as one after another; they come back in job order.
 *
 * <p>Worker threads come from one shared pool of daemon threads that idle threads leave after a
 * minute, so a program fitting many series reuses them (and their ND4J workspaces).
 */
final class Parallel {
  private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "series-forecaster-fit");
    thread.setDaemon(true);
    return thread;
  });

  private Parallel() {}

  /**
   * @param jobs the work, independent of each other
   * @param parallelism most jobs at once, at least 1
   * @return the results in job order
   * @throws RuntimeException the first failing job's exception (by job order), after every
   *     started job has ended
   */
  static <T> List<T> run(List<? extends Callable<T>> jobs, int parallelism) {
    int count = jobs.size();
    Object[] results = new Object[count];
    Throwable[] failures = new Throwable[count];
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < count && !failed.get();
          i = next.getAndIncrement()) {
        try {
          results[i] = jobs.get(i).call();
        } catch (Throwable e) {
          failures[i] = e;
          failed.set(true);
        }
      }
    };
    int helpers = Math.min(parallelism, count) - 1;
    List<Future<?>> started = new ArrayList<>();
    for (int h = 0; h < helpers; h++) {
      started.add(POOL.submit(worker));
    }
    worker.run();
    boolean interrupted = false;
    for (Future<?> future : started) {
      while (true) {
        try {
          future.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a fit worker failed outside its job", e.getCause());
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (Throwable failure : failures) {
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure != null) {
        throw new ForecasterException("fit failed: " + failure.getMessage(), failure);
      }
    }
    List<T> list = new ArrayList<>(count);
    for (Object result : results) {
      @SuppressWarnings("unchecked")
      T typed = (T) result;
      list.add(typed);
    }
    return list;
  }
}
