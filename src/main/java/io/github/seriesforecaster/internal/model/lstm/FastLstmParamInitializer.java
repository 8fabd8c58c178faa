package io.github.seriesforecaster.internal.model.lstm;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitUtil;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter initializer for {@link FastLstm}: the same parameter keys, shapes, flattened layout and
 * initialisation (including the order of random draws) as DL4J's {@link LSTMParamInitializer}, so
 * parameters are interchangeable with DL4J's {@code LSTM} and equal seeds give equal initial weights.
 * (DL4J's initializer cannot be reused directly: it casts the layer configuration to
 * {@code org.deeplearning4j.nn.conf.layers.LSTM}.)
 *
 * <p>Layout of the flattened parameter vector: {@code W} ({@code [nIn, 4H]}, f-order), {@code RW}
 * ({@code [H, 4H]}, f-order), {@code b} ({@code [1, 4H]}); gate blocks in DL4J order
 * [cell input, forget, output, input gate].
 */
public final class FastLstmParamInitializer implements ParamInitializer {

    public static final String INPUT_WEIGHT_KEY = LSTMParamInitializer.INPUT_WEIGHT_KEY;         // "W"
    public static final String RECURRENT_WEIGHT_KEY = LSTMParamInitializer.RECURRENT_WEIGHT_KEY; // "RW"
    public static final String BIAS_KEY = LSTMParamInitializer.BIAS_KEY;                         // "b"

    private static final FastLstmParamInitializer INSTANCE = new FastLstmParamInitializer();

    private static final List<String> PARAM_KEYS =
            Collections.unmodifiableList(Arrays.asList(INPUT_WEIGHT_KEY, RECURRENT_WEIGHT_KEY, BIAS_KEY));
    private static final List<String> WEIGHT_KEYS =
            Collections.unmodifiableList(Arrays.asList(INPUT_WEIGHT_KEY, RECURRENT_WEIGHT_KEY));
    private static final List<String> BIAS_KEYS = Collections.singletonList(BIAS_KEY);

    public static FastLstmParamInitializer getInstance() {
        return INSTANCE;
    }

    private FastLstmParamInitializer() {
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        FastLstm c = (FastLstm) layer;
        long nL = c.getNOut();
        long nLast = c.getNIn();
        return nLast * (4 * nL) + nL * (4 * nL) + 4 * nL;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return PARAM_KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return WEIGHT_KEYS;
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return BIAS_KEYS;
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return INPUT_WEIGHT_KEY.equals(key) || RECURRENT_WEIGHT_KEY.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS_KEY.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Map<String, INDArray> params = Collections.synchronizedMap(new LinkedHashMap<>());
        FastLstm layerConf = (FastLstm) conf.getLayer();
        double forgetGateInit = layerConf.getForgetGateBiasInit();
        long nL = layerConf.getNOut();
        long nLast = layerConf.getNIn();

        conf.addVariable(INPUT_WEIGHT_KEY);
        conf.addVariable(RECURRENT_WEIGHT_KEY);
        conf.addVariable(BIAS_KEY);

        long length = numParams(conf);
        if (paramsView.length() != length) {
            throw new IllegalStateException("Expected params view of length " + length + ", got length "
                    + paramsView.length());
        }
        INDArray flat = paramsView.reshape(paramsView.length());
        long nParamsIn = nLast * (4 * nL);
        long nParamsRecurrent = nL * (4 * nL);
        long nBias = 4 * nL;
        INDArray inputWeightView = flat.get(NDArrayIndex.interval(0, nParamsIn));
        INDArray recurrentWeightView = flat.get(NDArrayIndex.interval(nParamsIn, nParamsIn + nParamsRecurrent));
        INDArray biasView = flat.get(NDArrayIndex.interval(nParamsIn + nParamsRecurrent,
                nParamsIn + nParamsRecurrent + nBias));

        if (initializeParams) {
            long fanIn = nL;
            long fanOut = nLast + nL;
            long[] inputWShape = {nLast, 4 * nL};
            long[] recurrentWShape = {nL, 4 * nL};
            IWeightInit rwInit = layerConf.getWeightInitFnRecurrent() != null
                    ? layerConf.getWeightInitFnRecurrent() : layerConf.getWeightInitFn();
            params.put(INPUT_WEIGHT_KEY, layerConf.getWeightInitFn().init(fanIn, fanOut, inputWShape,
                    IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, inputWeightView));
            params.put(RECURRENT_WEIGHT_KEY, rwInit.init(fanIn, fanOut, recurrentWShape,
                    IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, recurrentWeightView));
            // forget gate biases (block 1); other biases stay as allocated (zero), exactly like DL4J's LSTM
            biasView.put(new INDArrayIndex[] {NDArrayIndex.interval(nL, 2 * nL)},
                    Nd4j.valueArrayOf(new long[] {1, nL}, forgetGateInit));
            params.put(BIAS_KEY, biasView);
        } else {
            params.put(INPUT_WEIGHT_KEY, WeightInitUtil.reshapeWeights(new long[] {nLast, 4 * nL}, inputWeightView));
            params.put(RECURRENT_WEIGHT_KEY,
                    WeightInitUtil.reshapeWeights(new long[] {nL, 4 * nL}, recurrentWeightView));
            params.put(BIAS_KEY, biasView);
        }
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        FastLstm layerConf = (FastLstm) conf.getLayer();
        long nL = layerConf.getNOut();
        long nLast = layerConf.getNIn();
        long length = numParams(conf);
        if (gradientView.length() != length) {
            throw new IllegalStateException("Expected gradient view of length " + length + ", got length "
                    + gradientView.length());
        }
        long nParamsIn = nLast * (4 * nL);
        long nParamsRecurrent = nL * (4 * nL);
        long nBias = 4 * nL;
        INDArray flat = gradientView.reshape(gradientView.length());
        INDArray inputWeightGradView = flat.get(NDArrayIndex.interval(0, nParamsIn)).reshape('f', nLast, 4 * nL);
        INDArray recurrentWeightGradView = flat.get(NDArrayIndex.interval(nParamsIn, nParamsIn + nParamsRecurrent))
                .reshape('f', nL, 4 * nL);
        INDArray biasGradView = flat.get(NDArrayIndex.interval(nParamsIn + nParamsRecurrent,
                nParamsIn + nParamsRecurrent + nBias));

        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(INPUT_WEIGHT_KEY, inputWeightGradView);
        out.put(RECURRENT_WEIGHT_KEY, recurrentWeightGradView);
        out.put(BIAS_KEY, biasGradView);
        return out;
    }
}
