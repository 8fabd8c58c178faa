package io.github.seriesforecaster.internal.model.lstm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One mini-batch training step for a network of {@link FastLstm} layers and an identity
 * {@code RnnOutputLayer} with MSE loss, with the same result as {@code network.fit(batch)} but
 * without DL4J's fixed cost per call (output layer on every time step, masked loss, updater,
 * workspaces: about 2 ms, while the LSTM layers of a small network take 0.1-0.5 ms).
 *
 * <p>The step runs the layers' LSTM kernels directly, computes the output layer and the loss
 * only on the time steps the labels mask keeps, writes the gradients into the network's gradient
 * view, applies Adam to the network's own parameters and updater state, and sets the score and
 * the iteration count as {@code fit} does, so the network can be evaluated, saved, cloned or
 * trained on with {@code fit} at any point. It keeps each batch's preparation (features in the
 * kernels' layout, kept outputs and targets) until it is closed: create one per fit.
 *
 * <p>Only FLOAT networks whose layers, losses and updaters are exactly of that kind qualify
 * ({@link #of}); a batch with a features mask or a labels mask other than 0/1 is passed to
 * {@code network.fit}. Like {@link FastLstm} itself the step needs the CPU backend (its kernels
 * call OpenBLAS on host memory); {@link #of} does not check the backend. Not thread safe.
 */
public final class FastLstmTrainingStep implements AutoCloseable {

    private final MultiLayerNetwork network;
    private final LstmLayerStep[] lstm;
    private final MseOutputStep output;
    private final PlainJavaAdam adam;
    private final Map<DataSet, Optional<PreparedBatch>> prepared = new IdentityHashMap<>();
    private final Map<Long, INDArray[]> activations = new HashMap<>();

    private FastLstmTrainingStep(MultiLayerNetwork network, LstmLayerStep[] lstm,
            MseOutputStep output, PlainJavaAdam adam) {
        this.network = network;
        this.lstm = lstm;
        this.output = output;
        this.adam = adam;
    }

    /**
     * @param network an initialised network
     * @return a step for the network, or empty if it has another structure, data type, updater,
     *     regularisation, dropout, listeners or truncated BPTT: then use {@code network.fit}
     */
    public static Optional<FastLstmTrainingStep> of(MultiLayerNetwork network) {
        if (!TrainingStepEligibility.isEligible(network)) {
            return Optional.empty();
        }
        PlainJavaAdam adam = PlainJavaAdam.of(network);
        if (adam == null) {
            return Optional.empty();
        }
        Layer[] layers = network.getLayers();
        LstmLayerStep[] lstm = new LstmLayerStep[layers.length - 1];
        for (int i = 0; i < lstm.length; i++) {
            lstm[i] = new LstmLayerStep(layers[i]);
        }
        return Optional.of(new FastLstmTrainingStep(network, lstm,
                new MseOutputStep(layers[layers.length - 1]), adam));
    }

    /**
     * Trains the network on one mini-batch, as {@code network.fit(batch)} does.
     *
     * @param batch features {@code [mb, nIn, T]}, labels {@code [mb, outputs, T]}, labels mask
     *     {@code [mb, T]} of zeros and ones or none; other batches go to {@code network.fit}
     */
    public void fit(DataSet batch) {
        Optional<PreparedBatch> preparation = prepared.computeIfAbsent(batch, PreparedBatch::of);
        if (preparation.isEmpty()) {
            network.fit(batch);
            return;
        }
        PreparedBatch data = preparation.get();
        INDArray[] acts = activations(data.examples(), data.steps());
        INDArray in = data.features();
        for (int i = 0; i < lstm.length; i++) {
            lstm[i].forward(in, acts[i]);
            in = acts[i];
        }
        INDArray epsilon = acts[lstm.length];
        double loss = output.forwardAndBackward(data, in, epsilon);
        for (int i = lstm.length - 1; i >= 0; i--) {
            INDArray inputGradient = i > 0 ? acts[lstm.length + i] : null;
            lstm[i].backward(epsilon, inputGradient);
            epsilon = inputGradient;
        }
        int iteration = network.getIterationCount();
        int epoch = network.getEpochCount();
        adam.apply(iteration, epoch, data.examples());
        // DL4J's score: summed squared errors / outputs / mini-batch size, no regularisation
        network.setScore(loss / data.examples());
        network.setIterationCount(iteration + 1);
        for (Layer layer : network.getLayers()) {
            layer.setIterationCount(iteration + 1);
            layer.setEpochCount(epoch);
        }
    }

    /**
     * Frees the off-heap arrays this step made (batch copies, activations) now instead of when a
     * garbage collection finds them; the step must not be used afterwards. The network is not
     * affected.
     */
    @Override
    public void close() {
        prepared.values().forEach(batch -> batch.ifPresent(data -> data.features().close()));
        prepared.clear();
        activations.values().forEach(arrays -> Arrays.stream(arrays).forEach(INDArray::close));
        activations.clear();
    }

    /**
     * Arrays for one batch shape, reused across steps: each LSTM layer's output, then the
     * gradient at the top layer's output, then the input gradients of layers 1 and up.
     */
    private INDArray[] activations(int examples, int steps) {
        return activations.computeIfAbsent(((long) examples << 32) | steps, key -> {
            INDArray[] arrays = new INDArray[2 * lstm.length];
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                for (int i = 0; i < lstm.length; i++) {
                    arrays[i] = lstm[i].outputArray(examples, steps);
                    arrays[lstm.length + i] = i == 0
                            ? lstm[lstm.length - 1].outputArray(examples, steps)
                            : lstm[i - 1].outputArray(examples, steps);
                }
            }
            return arrays;
        });
    }

    /** One FastLstm layer's parameters and gradient views, driven through its own kernel. */
    private static final class LstmLayerStep {
        private final LstmKernel kernel = LstmKernel.create(DataType.FLOAT);
        private final INDArray w;
        private final INDArray rw;
        private final INDArray b;
        private final INDArray dW;
        private final INDArray dRW;
        private final INDArray db;
        private final boolean cellTanh;
        private final long hidden;

        LstmLayerStep(Layer layer) {
            FastLstm conf = (FastLstm) layer.conf().getLayer();
            Map<String, INDArray> gradients = conf.initializer()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
            w = layer.getParam(FastLstmParamInitializer.INPUT_WEIGHT_KEY);
            rw = layer.getParam(FastLstmParamInitializer.RECURRENT_WEIGHT_KEY);
            b = layer.getParam(FastLstmParamInitializer.BIAS_KEY);
            dW = gradients.get(FastLstmParamInitializer.INPUT_WEIGHT_KEY);
            dRW = gradients.get(FastLstmParamInitializer.RECURRENT_WEIGHT_KEY);
            db = gradients.get(FastLstmParamInitializer.BIAS_KEY);
            cellTanh = conf.getActivationFn() instanceof ActivationTanH;
            hidden = conf.getNOut();
        }

        INDArray outputArray(int examples, int steps) {
            return Nd4j.createUninitialized(DataType.FLOAT, new long[] {examples, hidden, steps}, 'f');
        }

        void forward(INDArray input, INDArray out) {
            kernel.forward(input, w, rw, b, null, null, cellTanh, out);
        }

        /** @param inputGradient where dL/d(input) goes, or null when nobody needs it */
        void backward(INDArray epsilon, INDArray inputGradient) {
            kernel.backward(epsilon, w, rw, dW, dRW, db, inputGradient, 0);
            kernel.releaseReferences();
        }
    }
}
