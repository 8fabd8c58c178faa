package io.github.seriesforecaster.internal.model.lstm;

import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Map;

/**
 * Runtime implementation of {@link FastLstm}. See {@link LstmKernel} for the computation.
 *
 * <p>The forward pass done during training keeps its gate activations (in plain Java arrays owned by the
 * layer), so the following {@link #backpropGradient} does not recompute it (DL4J's LSTM runs the forward pass
 * twice per iteration). If the input changed in between, the forward pass is recomputed.
 */
public class FastLstmLayer extends BaseRecurrentLayer<FastLstm> {

    /** State keys, identical to DL4J's LSTM so state maps are interchangeable. */
    public static final String STATE_KEY_PREV_ACTIVATION = LSTM.STATE_KEY_PREV_ACTIVATION;
    public static final String STATE_KEY_PREV_MEMCELL = LSTM.STATE_KEY_PREV_MEMCELL;

    private transient LstmKernel kernel;

    /** The input array (post dropout, pre permutation) of the last training forward pass held by the kernel. */
    private transient INDArray cachedInput;

    public FastLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private LstmKernel kernel() {
        if (kernel == null) {
            kernel = LstmKernel.create(dataType);
        }
        return kernel;
    }

    private boolean cellTanh() {
        return layerConf().getActivationFn() instanceof ActivationTanH;
    }

    private void checkNoMask() {
        if (maskArray != null) {
            throw new UnsupportedOperationException("FastLstm (layer " + layerId() + ") does not support a mask array "
                    + "set directly on the layer (as done by Bidirectional, MaskZeroLayer or a ComputationGraph "
                    + "vertex that forwards masks). Feature masks given to MultiLayerNetwork are passed through to the "
                    + "output layer like DL4J's LSTM does; use DL4J's LSTM for masked recurrent processing.");
        }
    }

    @Override
    public Gradient gradient() {
        throw new UnsupportedOperationException(
                "gradient() method for layerwise pretraining: not supported for LSTMs (pretraining not possible) "
                        + layerId());
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public LayerHelper getHelper() {
        return null;
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                          int minibatchSize) {
        // Like DL4J's LSTM: no change to data or mask, masking happens in the loss (output layer).
        return new Pair<>(maskArray, MaskState.Passthrough);
    }

    // ------------------------------------------------------------------------------------------ forward

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return forward(training, null, null, true, workspaceMgr);
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        INDArray out = forward(false, stateMap.get(STATE_KEY_PREV_ACTIVATION), stateMap.get(STATE_KEY_PREV_MEMCELL),
                true, workspaceMgr);
        storeLastState(stateMap);
        cachedInput = null;
        return out;
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        INDArray out = forward(training, tBpttStateMap.get(STATE_KEY_PREV_ACTIVATION),
                tBpttStateMap.get(STATE_KEY_PREV_MEMCELL), true, workspaceMgr);
        if (storeLastForTBPTT) {
            storeLastState(tBpttStateMap);
        }
        return out;
    }

    /**
     * Runs the kernel's forward pass on the current input.
     *
     * @param wantOutput false when only the kernel state is needed (recomputation during backprop)
     */
    private INDArray forward(boolean training, INDArray h0, INDArray c0, boolean wantOutput,
                             LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        checkNoMask();
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray in = permuteIfNWC(input);
        if (in.rank() != 2 && in.rank() != 3) {
            throw new DL4JInvalidInputException("FastLstm (layer " + layerId() + ") expects 3D input [miniBatch, nIn, "
                    + "timeSteps] (NCW), got shape " + Arrays.toString(input.shape()));
        }
        long nIn = layerConf().getNIn();
        long nOut = layerConf().getNOut();
        if (in.size(1) != nIn) {
            throw new DL4JInvalidInputException("Received input with size(1) = " + in.size(1)
                    + " (input array shape = " + Arrays.toString(in.shape())
                    + "); input.size(1) must match layer nIn size (nIn = " + nIn + ")");
        }
        long mb = in.size(0);
        long steps = in.rank() == 3 ? in.size(2) : 1;
        if ((h0 == null) != (c0 == null)) {
            throw new IllegalStateException("Incomplete previous state: both hidden and cell state are required");
        }
        if (h0 != null && (h0.size(0) != mb || h0.size(1) != nOut || c0.size(0) != mb || c0.size(1) != nOut)) {
            throw new IllegalStateException("Invalid RNN previous state: rnnTimeStep with different minibatch size, "
                    + "or forgot to call rnnClearPreviousState between batches? Previous state shape "
                    + Arrays.toString(h0.shape()) + ", current input shape " + Arrays.toString(in.shape()));
        }
        INDArray w = getParamWithNoise(FastLstmParamInitializer.INPUT_WEIGHT_KEY, training, workspaceMgr);
        INDArray rw = getParamWithNoise(FastLstmParamInitializer.RECURRENT_WEIGHT_KEY, training, workspaceMgr);
        INDArray b = getParamWithNoise(FastLstmParamInitializer.BIAS_KEY, training, workspaceMgr);

        INDArray out = wantOutput
                ? workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {mb, nOut, steps}, 'f')
                : null;
        kernel().forward(in, w, rw, b, h0, c0, cellTanh(), out);
        cachedInput = training ? input : null;
        return out == null ? null : permuteIfNWC(out);
    }

    private void storeLastState(Map<String, INDArray> target) {
        long mb = input.size(0);
        long nOut = layerConf().getNOut();
        INDArray h;
        INDArray c;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            h = Nd4j.createUninitialized(dataType, new long[] {mb, nOut}, 'f');
            c = Nd4j.createUninitialized(dataType, new long[] {mb, nOut}, 'f');
        }
        kernel().writeLastState(h, c);
        target.put(STATE_KEY_PREV_ACTIVATION, h);
        target.put(STATE_KEY_PREV_MEMCELL, c);
    }

    // ------------------------------------------------------------------------------------------ backward

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        return backprop(epsilon, false, -1, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackwardLength,
                                                          LayerWorkspaceMgr workspaceMgr) {
        return backprop(epsilon, true, tbpttBackwardLength, workspaceMgr);
    }

    private Pair<Gradient, INDArray> backprop(INDArray epsilon, boolean truncated, int backwardLength,
                                              LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        checkNoMask();
        if (cachedInput == null || cachedInput != input) {
            // no usable forward state (e.g. layer used standalone): recompute, like DL4J's LSTM always does
            if (truncated) {
                forward(true, stateMap.get(STATE_KEY_PREV_ACTIVATION), stateMap.get(STATE_KEY_PREV_MEMCELL), false,
                        workspaceMgr);
            } else {
                forward(true, null, null, false, workspaceMgr);
            }
        }
        if (truncated) {
            storeLastState(tBpttStateMap);
        }
        INDArray in = permuteIfNWC(input);
        long mb = in.size(0);
        long nIn = in.size(1);
        long steps = in.rank() == 3 ? in.size(2) : 1;
        int endIdx = truncated ? (int) Math.max(0, steps - backwardLength) : 0;

        INDArray w = getParamWithNoise(FastLstmParamInitializer.INPUT_WEIGHT_KEY, true, workspaceMgr);
        INDArray rw = getParamWithNoise(FastLstmParamInitializer.RECURRENT_WEIGHT_KEY, true, workspaceMgr);
        INDArray dW = gradientViews.get(FastLstmParamInitializer.INPUT_WEIGHT_KEY);
        INDArray dRW = gradientViews.get(FastLstmParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray db = gradientViews.get(FastLstmParamInitializer.BIAS_KEY);
        INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                new long[] {mb, nIn, steps}, 'f');

        kernel().backward(permuteIfNWC(epsilon), w, rw, dW, dRW, db, epsilonNext, endIdx);
        cachedInput = null;
        kernel().releaseReferences();

        Gradient g = new DefaultGradient();
        g.gradientForVariable().put(FastLstmParamInitializer.INPUT_WEIGHT_KEY, dW);
        g.gradientForVariable().put(FastLstmParamInitializer.RECURRENT_WEIGHT_KEY, dRW);
        g.gradientForVariable().put(FastLstmParamInitializer.BIAS_KEY, db);
        weightNoiseParams.clear();
        epsilonNext = backpropDropOutIfPresent(epsilonNext);
        return new Pair<>(g, permuteIfNWC(epsilonNext));
    }

    @Override
    public void clear() {
        super.clear();
        cachedInput = null;
        if (kernel != null) {
            kernel.releaseReferences();
        }
    }
}
