package io.github.seriesforecaster;

/** Which LSTM layer the network is built from. Both compute the same function with the same weights. */
public enum LstmImplementation {
  /**
   * The library's own DL4J layer ({@code FastLstm}): the same math and parameters as DL4J's
   * {@code LSTM}, computed with a few OpenBLAS calls per time step and plain-Java gate arithmetic
   * instead of dozens of ND4J operations; several times faster to train on small networks (see
   * docs/performance.md). CPU backend only: on CUDA the standard layer is used instead.
   */
  FAST,
  /** DL4J's own {@code LSTM} layer, unchanged. */
  STANDARD
}
