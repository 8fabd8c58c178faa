package io.github.seriesforecaster.internal.model.lstm;

import java.util.Arrays;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Forward and backward pass of an identity {@code RnnOutputLayer} with MSE loss, in plain Java
 * and only on the outputs the labels mask keeps. DL4J computes it on every time step and then
 * masks with the 0/1 labels mask; the kept outputs give the same loss and gradients (LossMSE:
 * squared error divided by the number of outputs, gradient {@code 2 (prediction - target) / outputs},
 * both summed over the mini-batch, which the score and the updater then divide by its size).
 */
final class MseOutputStep {

    private final FloatPointer weights;
    private final FloatPointer bias;
    private final FloatPointer weightGradient;
    private final FloatPointer biasGradient;
    private final int hidden;
    private final int outputs;
    private final float[] w;
    private final float[] b;
    private final float[] dW;
    private final float[] db;
    private final float[] delta;
    private float[] h = new float[0];
    private float[] epsilon = new float[0];

    MseOutputStep(Layer layer) {
        Map<String, INDArray> gradients = layer.conf().getLayer().initializer()
                .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
        INDArray weightView = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
        if (!LstmKernel.isF(weightView)) {
            // DefaultParamInitializer makes it 'f'; the loops below index it that way
            throw new IllegalStateException("output layer weights are not in f order: "
                    + weightView.shapeInfoToString());
        }
        hidden = (int) weightView.size(0);
        outputs = (int) weightView.size(1);
        weights = LstmKernel.floatPointer(weightView);
        bias = LstmKernel.floatPointer(layer.getParam(DefaultParamInitializer.BIAS_KEY));
        weightGradient = LstmKernel.floatPointer(gradients.get(DefaultParamInitializer.WEIGHT_KEY));
        biasGradient = LstmKernel.floatPointer(gradients.get(DefaultParamInitializer.BIAS_KEY));
        w = new float[hidden * outputs];
        b = new float[outputs];
        dW = new float[hidden * outputs];
        db = new float[outputs];
        delta = new float[outputs];
    }

    /**
     * @param batch the kept outputs and their targets
     * @param top the last LSTM layer's output {@code [mb, hidden, T]}, f-order
     * @param topGradient receives dL/d(top), f-order {@code [mb, hidden, T]}
     * @return the loss summed over the mini-batch (DL4J's score before dividing by its size)
     */
    double forwardAndBackward(PreparedBatch batch, INDArray top, INDArray topGradient) {
        int mb = batch.examples();
        int stepSize = hidden * mb;
        int firstStep = batch.kept() == 0 ? batch.steps() : batch.step()[0];
        for (int e = 1; e < batch.kept(); e++) {
            firstStep = Math.min(firstStep, batch.step()[e]);
        }
        // only the time steps from the first kept one on are read and written
        int offset = firstStep * stepSize;
        int length = (batch.steps() - firstStep) * stepSize;
        if (h.length < length) {
            h = new float[length];
            epsilon = new float[length];
        }
        FloatPointer topValues = LstmKernel.floatPointer(top);
        topValues.position(offset).get(h, 0, length);
        weights.position(0).get(w);
        bias.position(0).get(b);
        Arrays.fill(dW, 0);
        Arrays.fill(db, 0);
        Arrays.fill(epsilon, 0, length, 0);

        double loss = 0;
        float[] target = batch.target();
        for (int e = 0; e < batch.kept(); e++) {
            int base = (batch.step()[e] - firstStep) * stepSize + batch.example()[e];
            double squares = 0;
            for (int o = 0; o < outputs; o++) {
                float prediction = b[o];
                for (int j = 0; j < hidden; j++) {
                    prediction += h[base + j * mb] * w[j + o * hidden];
                }
                float difference = prediction - target[e * outputs + o];
                squares += difference * difference;
                // LossL2's 2 (prediction - target), then LossMSE's / outputs, in this order
                delta[o] = difference * 2 / outputs;
            }
            loss += squares / outputs;
            for (int o = 0; o < outputs; o++) {
                float d = delta[o];
                db[o] += d;
                for (int j = 0; j < hidden; j++) {
                    dW[j + o * hidden] += h[base + j * mb] * d;
                    epsilon[base + j * mb] += w[j + o * hidden] * d;
                }
            }
        }
        weightGradient.position(0).put(dW);
        biasGradient.position(0).put(db);
        FloatPointer gradientValues = LstmKernel.floatPointer(topGradient);
        Pointer.memset(gradientValues.position(0), 0, (long) offset * Float.BYTES);
        gradientValues.position(offset).put(epsilon, 0, length);
        return loss;
    }
}
