package io.github.seriesforecaster.internal.model.lstm;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * What DL4J's {@code MultiLayerUpdater} with Adam and the SGD step do after the gradient is
 * computed, as one plain-Java loop over the network's own flattened parameters, gradients and
 * updater state (so the network, its updater state and its serialised form stay what
 * {@code fit} would leave): divide the gradient by the mini-batch size, update Adam's moments,
 * leave the update in the gradient view and subtract it from the parameters. Three native ND4J
 * ops and their bookkeeping become seven memory copies, which is cheaper for the small networks
 * this library trains.
 *
 * <p>The arithmetic follows libnd4j's {@code adam_updater} in float: bias correction folded
 * into the step size, epsilon added to the square root of the second moment.
 */
final class PlainJavaAdam {

    /** One DL4J updater block: a parameter range and its state, m then v. */
    private record Block(int start, int end, Adam config, FloatPointer state) {}

    private final FloatPointer params;
    private final FloatPointer gradients;
    private final List<Block> blocks;
    private final float[] p;
    private final float[] g;
    private final float[] m;
    private final float[] v;

    private PlainJavaAdam(FloatPointer params, FloatPointer gradients, List<Block> blocks, int size) {
        this.params = params;
        this.gradients = gradients;
        this.blocks = blocks;
        this.p = new float[size];
        this.g = new float[size];
        this.m = new float[size];
        this.v = new float[size];
    }

    /** @return Adam for the network, or null if its updater is not Adam everywhere */
    static PlainJavaAdam of(MultiLayerNetwork network) {
        Updater updater = network.getUpdater();
        if (!(updater instanceof BaseMultiLayerUpdater<?> multiLayer)) {
            return null;
        }
        List<Block> blocks = new ArrayList<>();
        for (UpdaterBlock block : multiLayer.getUpdaterBlocks()) {
            if (!(block.getGradientUpdater() instanceof AdamUpdater adam)) {
                return null;
            }
            Adam config = adam.getConfig();
            INDArray state = block.getUpdaterView();
            int length = block.getParamOffsetEnd() - block.getParamOffsetStart();
            if (state.length() != 2L * length || !LstmKernel.isF(state)) {
                return null;
            }
            blocks.add(new Block(block.getParamOffsetStart(), block.getParamOffsetEnd(), config,
                    LstmKernel.floatPointer(state)));
        }
        INDArray params = network.params();
        INDArray gradients = network.getFlattenedGradients();
        if (!LstmKernel.isF(params) || !LstmKernel.isF(gradients)) {
            return null;
        }
        return new PlainJavaAdam(LstmKernel.floatPointer(params), LstmKernel.floatPointer(gradients), List.copyOf(blocks),
                (int) params.length());
    }

    /**
     * Applies one update from the (undivided) gradient in the network's gradient view.
     *
     * @param iteration updates done so far (Adam's bias correction)
     * @param epoch the network's epoch count (learning-rate schedules)
     * @param batchSize examples in the mini-batch
     */
    void apply(int iteration, int epoch, int batchSize) {
        int size = p.length;
        gradients.position(0).get(g, 0, size);
        params.position(0).get(p, 0, size);
        float divisor = batchSize;
        for (Block block : blocks) {
            int start = block.start();
            int length = block.end() - start;
            block.state().position(0).get(m, start, length);
            block.state().position(length).get(v, start, length);
            Adam config = block.config();
            float beta1 = (float) config.getBeta1();
            float beta2 = (float) config.getBeta2();
            float epsilon = (float) config.getEpsilon();
            float learningRate = (float) config.getLearningRate(iteration, epoch);
            float beta1T = (float) Math.pow(beta1, iteration + 1);
            float beta2T = (float) Math.pow(beta2, iteration + 1);
            float step = (float) (learningRate * (float) Math.sqrt(1.0 - beta2T) / (1.0 - beta1T));
            if (Float.isNaN(step) || Float.isInfinite(step) || step == 0) {
                step = epsilon;
            }
            for (int i = start, end = block.end(); i < end; i++) {
                float gi = g[i] / divisor;
                float mi = beta1 * m[i] + gi * (1 - beta1);
                float vi = beta2 * v[i] + gi * gi * (1 - beta2);
                float update = mi * step / ((float) Math.sqrt(vi) + epsilon);
                m[i] = mi;
                v[i] = vi;
                g[i] = update;
                p[i] -= update;
            }
            block.state().position(0).put(m, start, length);
            block.state().position(length).put(v, start, length);
        }
        gradients.position(0).put(g, 0, size);
        params.position(0).put(p, 0, size);
    }
}
