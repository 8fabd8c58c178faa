package io.github.seriesforecaster.internal.model;

import io.github.seriesforecaster.ForecasterConfig;

/**
 * How many windows one batched forward pass (a loss, a batch of predictions) may take. A pass over
 * every window of a long series at once would hold all their gate activations, window x 4 x hidden
 * floats per window and layer, and FastLstm keeps its largest scratch buffers for later calls: for
 * 43,716 windows of 30 steps and 32 units that was 670 MB of heap and a 3.9 GB process. Passes are
 * therefore cut so the activations stay near {@link #BUDGET_BYTES}; small networks still take
 * tens of thousands of windows per pass, since each DL4J call has a fixed cost of milliseconds.
 */
public final class ForwardPassSize {
  /** Gate activations of one pass, all layers, in bytes. */
  static final long BUDGET_BYTES = 32L << 20;
  /** Fewest windows per pass, whatever the network's size. */
  static final int MINIMUM_WINDOWS = 256;

  private ForwardPassSize() {}

  /**
   * @param config the network's settings ({@code window}, {@code hidden}, {@code layers})
   * @return windows per forward pass, at least {@link #MINIMUM_WINDOWS}
   */
  public static int windows(ForecasterConfig config) {
    long perWindow = (long) config.window() * 4 * config.hidden() * config.layers() * Float.BYTES;
    return (int) Math.max(MINIMUM_WINDOWS, Math.min(Integer.MAX_VALUE, BUDGET_BYTES / perWindow));
  }
}
