package io.github.seriesforecaster.internal.model;

import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspaceManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Frees the native memory of a network that is no longer needed.
 *
 * <p>{@link MultiLayerNetwork#close()} frees the same buffers, but then destroys every workspace of
 * the calling thread and calls {@code System.gc()} twice: two full collections per network. A fit
 * with rolling-origin folds discards several networks per series, so on a many-series run those
 * collections took more CPU than the training thread itself (measured in a Spark executor: 3 full
 * collections a second, the GC threads busier than the task). Here only the network's own buffers
 * are freed; the thread's workspaces stay for the next network trained on it.
 *
 * <p>Without those collections, the off-heap buffers of discarded arrays (early-stopping copies,
 * fold data) wait for a collection of their small Java objects, which a JVM with a large heap makes
 * rarely. So {@link #release} asks for one collection when the process's resident memory has
 * grown by {@value #GROWTH_MB} MB over its lowest level since the last one it asked for: one
 * collection per {@value #GROWTH_MB} MB of growth instead of two per network.
 */
public final class NetworkMemory {
  /** Growth of the resident memory, in MB, after which {@link #release} asks for a collection. */
  public static final int GROWTH_MB = 64;

  private static final AtomicLong residentLow = new AtomicLong(-1);

  private NetworkMemory() {}

  /**
   * Frees the parameters, gradients and updater state of {@code network}; it must not be used
   * afterwards.
   *
   * @param network the network to free
   */
  public static void release(MultiLayerNetwork network) {
    free(network.params());
    free(network.getGradientsViewArray());
    Updater updater = network.getUpdater(false);
    if (updater != null) {
      free(updater.getStateViewArray());
    }
    collectIfGrown();
  }

  private static void collectIfGrown() {
    long resident = Pointer.physicalBytes();
    long low = residentLow.get();
    if (low < 0 || resident < low) {
      // buffers are freed after a collection, by ND4J's deallocator threads: follow the memory
      // down, so that growth is counted from what was left, not from the peak
      residentLow.compareAndSet(low, resident);
    } else if (resident > low + ((long) GROWTH_MB << 20)
        && residentLow.compareAndSet(low, resident)) {
      System.gc();
    }
  }

  /**
   * Frees the ND4J workspaces of the calling thread, for a worker thread that is about to end: now,
   * rather than when a later garbage collection finds the dead thread (a parallel call starts
   * its own threads, so a many-series run ends many of them).
   */
  public static void releaseThreadWorkspaces() {
    MemoryWorkspaceManager manager = Nd4j.getWorkspaceManager();
    for (MemoryWorkspace workspace : manager.getAllWorkspacesForCurrentThread()) {
      workspace.destroyWorkspace(true);
    }
  }

  private static void free(INDArray array) {
    if (array != null && array.closeable()) {
      array.close();
    }
  }
}
