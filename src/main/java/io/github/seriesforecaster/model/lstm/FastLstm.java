package io.github.seriesforecaster.model.lstm;

/**
 * The FastLstm layer under the name that model files written before the internal package move
 * carry in their network configuration, so they still load. New networks use
 * {@link io.github.seriesforecaster.internal.model.lstm.FastLstm}. (move-internal: keep)
 *
 * @deprecated only for reading old model files
 */
@Deprecated
public class FastLstm extends io.github.seriesforecaster.internal.model.lstm.FastLstm {
  /** For JSON deserialization. */
  public FastLstm() {}
}
