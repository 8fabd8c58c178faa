package io.github.seriesforecaster.internal.model.lstm;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.api.layers.LayerConstraint;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.layers.recurrent.LSTMHelpers;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Configuration of a fast LSTM layer: the same model as DL4J's {@link org.deeplearning4j.nn.conf.layers.LSTM}
 * (no peepholes, sigmoid gates, gate blocks [cell input, forget, output, input gate], parameters "W" [nIn, 4H],
 * "RW" [H, 4H], "b" [1, 4H] in the same flattened layout) computed by {@link FastLstmLayer} with a handful of
 * BLAS calls per time step instead of dozens of ND4J ops.
 *
 * <p>Usage (drop-in for {@code new LSTM.Builder()...}):
 * <pre>{@code
 * new NeuralNetConfiguration.Builder()
 *     .updater(new Adam(1e-3)).list()
 *     .layer(new FastLstm.Builder().nIn(1).nOut(64).build())
 *     .layer(new FastLstm.Builder().nOut(64).build())
 *     .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nOut(1).build())
 *     .setInputType(InputType.recurrent(1))
 *     .build();
 * }</pre>
 *
 * <p>Differences from DL4J's {@code LSTM}: the activation defaults to TANH (DL4J's LSTM inherits the
 * network default, SIGMOID, unless {@code .activation(TANH)} is set); only TANH and SIGMOID activations are
 * supported; the gate activation is always sigmoid; feature masks are passed through unchanged (as DL4J's
 * LSTM does), but a mask set directly on the layer (e.g. by {@code Bidirectional}/{@code MaskZeroLayer})
 * is rejected; input-weight constraints ({@code constrainInputWeights}) are honoured (DL4J's LSTM ignores them).
 * Supports FLOAT and DOUBLE networks, NCW and NWC formats, truncated BPTT and {@code rnnTimeStep}.
 */
public class FastLstm extends BaseRecurrentLayer {

    private double forgetGateBiasInit = 1.0;

    /** For JSON deserialization. */
    public FastLstm() {
    }

    private FastLstm(Builder builder) {
        super(builder);
        this.forgetGateBiasInit = builder.forgetGateBiasInit;
        initializeConstraints(builder);
    }

    @Override
    protected void initializeConstraints(org.deeplearning4j.nn.conf.layers.Layer.Builder<?> builder) {
        super.initializeConstraints(builder);
        Builder b = (Builder) builder;
        addConstraints(b.getRecurrentConstraints(), FastLstmParamInitializer.RECURRENT_WEIGHT_KEY);
        addConstraints(b.getInputWeightConstraints(), FastLstmParamInitializer.INPUT_WEIGHT_KEY);
    }

    private void addConstraints(List<LayerConstraint> cs, String paramKey) {
        if (cs == null || cs.isEmpty()) {
            return;
        }
        if (constraints == null) {
            constraints = new ArrayList<>();
        }
        for (LayerConstraint c : cs) {
            LayerConstraint c2 = c.clone();
            c2.setParams(Collections.singleton(paramKey));
            constraints.add(c2);
        }
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> trainingListeners,
                                                       int layerIndex, INDArray layerParamsView,
                                                       boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FastLstm", getLayerName(), layerIndex, getNIn(), getNOut());
        checkActivation(getActivationFn(), getLayerName());
        FastLstmLayer ret = new FastLstmLayer(conf, networkDataType);
        ret.setListeners(trainingListeners);
        ret.setIndex(layerIndex);
        ret.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        ret.setParamTable(paramTable);
        ret.setConf(conf);
        return ret;
    }

    static void checkActivation(IActivation a, String layerName) {
        if (!(a instanceof ActivationTanH) && !(a instanceof ActivationSigmoid)) {
            throw new UnsupportedOperationException("FastLstm layer \"" + layerName
                    + "\" supports only TANH or SIGMOID activation, got " + a);
        }
    }

    @Override
    public ParamInitializer initializer() {
        return FastLstmParamInitializer.getInstance();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return LSTMHelpers.getMemoryReport(false, this, inputType);
    }

    public double getForgetGateBiasInit() {
        return forgetGateBiasInit;
    }

    public void setForgetGateBiasInit(double forgetGateBiasInit) {
        this.forgetGateBiasInit = forgetGateBiasInit;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FastLstm) || !super.equals(o)) {
            return false;
        }
        return Double.compare(forgetGateBiasInit, ((FastLstm) o).forgetGateBiasInit) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Double.hashCode(forgetGateBiasInit);
    }

    @Override
    public String toString() {
        return "FastLstm(forgetGateBiasInit=" + forgetGateBiasInit + ", " + super.toString() + ")";
    }

    /** Builder; the same options as DL4J's {@code LSTM.Builder} except the gate activation (always sigmoid). */
    public static class Builder extends BaseRecurrentLayer.Builder<Builder> {

        private double forgetGateBiasInit = 1.0;

        public Builder() {
            this.activationFn = new ActivationTanH();
        }

        /** Initial value of the forget gate biases (default 1.0, like DL4J's LSTM). */
        public Builder forgetGateBiasInit(double biasInit) {
            this.forgetGateBiasInit = biasInit;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public FastLstm build() {
            if (activationFn != null) {
                checkActivation(activationFn, layerName);
            }
            return new FastLstm(this);
        }
    }
}
