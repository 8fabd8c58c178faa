package io.github.seriesforecaster.internal.model.lstm;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Whether {@link FastLstmTrainingStep} computes exactly what {@code MultiLayerNetwork.fit} does
 * for a network: FastLstm layers (NCW, TANH or SIGMOID) then an identity, MSE, NCW
 * {@code RnnOutputLayer} with bias; FLOAT; plain SGD-with-updater training (no truncated BPTT,
 * line search, custom step function or listeners); and nothing the step leaves out (dropout,
 * weight noise, constraints, regularisation, gradient normalisation, input preprocessors).
 * Whether the updater is Adam everywhere is checked by {@link PlainJavaAdam#of}.
 */
final class TrainingStepEligibility {

    private TrainingStepEligibility() {
    }

    static boolean isEligible(MultiLayerNetwork network) {
        MultiLayerConfiguration configuration = network.getLayerWiseConfigurations();
        NeuralNetConfiguration defaults = network.conf();
        Layer[] layers = network.getLayers();
        if (layers == null || layers.length < 2
                || network.params().dataType() != DataType.FLOAT
                || configuration.getBackpropType() != BackpropType.Standard
                || !configuration.getInputPreProcessors().isEmpty()
                || !defaults.isMiniBatch() || !defaults.isMinimize()
                || defaults.getStepFunction() != null
                || defaults.getOptimizationAlgo() != OptimizationAlgorithm.STOCHASTIC_GRADIENT_DESCENT
                || !network.getListeners().isEmpty()) {
            return false;
        }
        for (int i = 0; i < layers.length - 1; i++) {
            if (!(layers[i].conf().getLayer() instanceof FastLstm lstm)
                    || !(layers[i] instanceof FastLstmLayer)
                    || lstm.getRnnDataFormat() != RNNFormat.NCW
                    || !(lstm.getActivationFn() instanceof ActivationTanH
                            || lstm.getActivationFn() instanceof ActivationSigmoid)
                    || !trainsPlainly(lstm)) {
                return false;
            }
        }
        return layers[layers.length - 1].conf().getLayer() instanceof RnnOutputLayer output
                && layers[layers.length - 1] instanceof org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer
                && output.getLossFn() instanceof LossMSE mse && mse.getWeights() == null
                && output.getActivationFn() instanceof ActivationIdentity
                && output.hasBias()
                && output.getRnnDataFormat() == RNNFormat.NCW
                && trainsPlainly(output);
    }

    private static boolean trainsPlainly(BaseLayer layer) {
        return layer.getIDropout() == null
                && layer.getWeightNoise() == null
                && isEmpty(layer.getConstraints())
                && isEmpty(layer.getRegularization())
                && isEmpty(layer.getRegularizationBias())
                && (layer.getGradientNormalization() == null
                        || layer.getGradientNormalization() == GradientNormalization.None);
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
