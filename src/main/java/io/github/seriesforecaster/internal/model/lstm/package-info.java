/**
 * FastLstm, a DL4J recurrent layer with the same math and parameters as DL4J's LSTM, computed
 * with a few OpenBLAS calls per time step and gate arithmetic in plain Java loops.
 * DoubleLstmKernel is generated from FloatLstmKernel by scripts/generate-double-kernel.sh.
 * FastLstmTrainingStep trains a FastLstm network on one mini-batch as MultiLayerNetwork.fit does,
 * without DL4J's fixed cost per call.
 * Imports DL4J/ND4J and JavaCPP's OpenBLAS bindings only.
 */
package io.github.seriesforecaster.internal.model.lstm;
