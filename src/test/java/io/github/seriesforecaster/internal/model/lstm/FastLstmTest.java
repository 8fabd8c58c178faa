package io.github.seriesforecaster.internal.model.lstm;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

import java.io.File;
import java.util.Map;

import static io.github.seriesforecaster.internal.model.lstm.LstmTestSupport.Spec;
import static io.github.seriesforecaster.internal.model.lstm.LstmTestSupport.flat;
import static io.github.seriesforecaster.internal.model.lstm.LstmTestSupport.manyToOne;
import static io.github.seriesforecaster.internal.model.lstm.LstmTestSupport.maxAbs;
import static io.github.seriesforecaster.internal.model.lstm.LstmTestSupport.maxAbsDiff;
import static io.github.seriesforecaster.internal.model.lstm.LstmTestSupport.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FastLstmTest {

    @BeforeAll
    static void singleThread() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
    }

    @AfterEach
    void restoreDefaultDataType() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    @ParameterizedTest(name = "window {0}, hidden {1}, layers {2}, {3}")
    @CsvSource({
            "3, 6, 1, FLOAT", "3, 6, 2, FLOAT", "30, 64, 1, FLOAT", "30, 64, 2, FLOAT",
            "3, 6, 2, DOUBLE", "30, 64, 2, DOUBLE"})
    void forwardMatchesDl4jLstm(int window, int hidden, int layers, DataType dt) {
        MultiLayerNetwork[] nets = pair(new Spec().hidden(hidden).layers(layers).dataType(dt));
        DataSet ds = manyToOne(37, 1, window, dt, 1);
        INDArray ref = nets[0].output(ds.getFeatures());
        INDArray fast = nets[1].output(ds.getFeatures());
        assertThat(fast.shape()).isEqualTo(ref.shape());
        assertThat(maxAbsDiff(ref, fast)).isLessThan(dt == DataType.DOUBLE ? 1e-12 : 1e-5);
        // also all time steps of the LSTM layers themselves
        for (int i = 0; i < layers; i++) {
            INDArray a = nets[0].feedForwardToLayer(i, ds.getFeatures(), false).get(i + 1);
            INDArray b = nets[1].feedForwardToLayer(i, ds.getFeatures(), false).get(i + 1);
            assertThat(maxAbsDiff(a, b)).as("layer %d activations", i).isLessThan(dt == DataType.DOUBLE ? 1e-12 : 1e-5);
        }
    }

    @Test
    void forwardMatchesWithNInGreaterThanOneAndSigmoidActivation() {
        MultiLayerNetwork[] nets = pair(new Spec().nIn(3).hidden(5).layers(2).activation(Activation.SIGMOID));
        DataSet ds = manyToOne(9, 3, 7, DataType.FLOAT, 2);
        assertThat(maxAbsDiff(nets[0].output(ds.getFeatures()), nets[1].output(ds.getFeatures()))).isLessThan(1e-5);
        // f-order input goes through the zero-copy path
        INDArray fOrder = ds.getFeatures().dup('f');
        assertThat(maxAbsDiff(nets[0].output(fOrder), nets[1].output(fOrder))).isLessThan(1e-5);
    }

    @ParameterizedTest(name = "window {0}, hidden {1}, layers {2}, {3}, {4}")
    @CsvSource({
            "3, 6, 1, FLOAT, ENABLED", "3, 6, 2, FLOAT, NONE", "30, 64, 1, FLOAT, ENABLED",
            "30, 64, 2, FLOAT, ENABLED", "30, 64, 2, FLOAT, NONE", "3, 6, 2, DOUBLE, ENABLED",
            "30, 64, 2, DOUBLE, ENABLED"})
    void gradientsMatchDl4jLstm(int window, int hidden, int layers, DataType dt, WorkspaceMode wm) {
        MultiLayerNetwork[] nets = pair(new Spec().hidden(hidden).layers(layers).dataType(dt).workspaceMode(wm));
        DataSet ds = manyToOne(33, 1, window, dt, 3);
        Gradient[] g = new Gradient[2];
        double[] score = new double[2];
        for (int k = 0; k < 2; k++) {
            nets[k].setInput(ds.getFeatures());
            nets[k].setLabels(ds.getLabels());
            nets[k].setLayerMaskArrays(null, ds.getLabelsMaskArray());
            nets[k].computeGradientAndScore();
            g[k] = nets[k].gradient();
            score[k] = nets[k].score();
        }
        assertThat(score[1]).isCloseTo(score[0], org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, score[0])));
        double tol = dt == DataType.DOUBLE ? 1e-9 : 1e-4;
        Map<String, INDArray> ref = g[0].gradientForVariable();
        Map<String, INDArray> fast = g[1].gradientForVariable();
        assertThat(fast.keySet()).containsExactlyElementsOf(ref.keySet());
        for (String key : ref.keySet()) {
            double scale = maxAbs(ref.get(key));
            double rel = maxAbsDiff(ref.get(key), fast.get(key)) / Math.max(scale, 1e-12);
            assertThat(rel).as("relative gradient difference for %s (max |g| = %s)", key, scale).isLessThan(tol);
        }
        assertThat(maxAbsDiff(g[0].gradient(), g[1].gradient()) / maxAbs(g[0].gradient())).isLessThan(tol);
    }

    @Test
    void dl4jGradientCheckPassesInDouble() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        for (int layers = 1; layers <= 2; layers++) {
            MultiLayerNetwork net = LstmTestSupport.net(new Spec().nIn(2).hidden(3).layers(layers)
                    .dataType(DataType.DOUBLE).updater(new NoOp()), true);
            DataSet ds = manyToOne(4, 2, 5, DataType.DOUBLE, 4);
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
                    .input(ds.getFeatures()).labels(ds.getLabels()).labelMask(ds.getLabelsMaskArray())
                    .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
            assertThat(ok).as("gradient check, %d layer(s)", layers).isTrue();
            // every time step labelled (many-to-many), sigmoid activation
            MultiLayerNetwork net2 = LstmTestSupport.net(new Spec().nIn(2).hidden(3).layers(layers)
                    .dataType(DataType.DOUBLE).updater(new NoOp()).activation(Activation.SIGMOID), true);
            INDArray labels = Nd4j.rand(DataType.DOUBLE, 4, 1, 5);
            ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net2)
                    .input(ds.getFeatures()).labels(labels)
                    .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
            assertThat(ok).as("gradient check many-to-many, %d layer(s)", layers).isTrue();
        }
    }

    @Test
    void modelSerializerRoundTripIsBitIdentical(@TempDir File dir) throws Exception {
        MultiLayerNetwork net = LstmTestSupport.net(new Spec().hidden(8).layers(2), true);
        DataSet ds = manyToOne(16, 1, 5, DataType.FLOAT, 5);
        for (int i = 0; i < 3; i++) {
            net.fit(ds); // non-trivial params and updater state
        }
        File f = new File(dir, "fast-lstm.zip");
        ModelSerializer.writeModel(net, f, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(f, true);

        assertThat(restored.getLayerWiseConfigurations()).isEqualTo(net.getLayerWiseConfigurations());
        assertThat(restored.getLayer(0)).isInstanceOf(FastLstmLayer.class);
        assertThat(flat(restored.params())).isEqualTo(flat(net.params()));
        assertThat(flat(restored.output(ds.getFeatures()))).isEqualTo(flat(net.output(ds.getFeatures())));
        // the updater state is restored too: training continues identically
        net.fit(ds);
        restored.fit(ds);
        assertThat(flat(restored.output(ds.getFeatures()))).isEqualTo(flat(net.output(ds.getFeatures())));
        // and the JSON names our layer
        String json = net.getLayerWiseConfigurations().toJson();
        assertThat(json).contains(FastLstm.class.getName()).contains("forgetGateBiasInit");
        assertThat(MultiLayerConfiguration.fromJson(json)).isEqualTo(net.getLayerWiseConfigurations());
    }

    @ParameterizedTest(name = "window {0}, hidden {1}, layers {2}, batch {3}")
    @CsvSource({"3, 6, 1, 200", "30, 64, 2, 32"})
    void trainingWithAdamTracksDl4jLstm(int window, int hidden, int layers, int batch) {
        MultiLayerNetwork[] nets = pair(new Spec().hidden(hidden).layers(layers));
        DataSet ds = manyToOne(batch, 1, window, DataType.FLOAT, 6);
        double maxRel = 0;
        for (int i = 0; i < 20; i++) {
            nets[0].fit(ds);
            nets[1].fit(ds);
            double a = nets[0].score();
            double b = nets[1].score();
            maxRel = Math.max(maxRel, Math.abs(a - b) / Math.abs(a));
        }
        assertThat(maxRel).isLessThan(1e-4);
        double paramDiff = maxAbsDiff(nets[0].params(), nets[1].params());
        assertThat(paramDiff).isLessThan(1e-4);
    }

    @Test
    void rnnTimeStepMatchesFullSequenceAndDl4j() {
        MultiLayerNetwork[] nets = pair(new Spec().nIn(2).hidden(7).layers(2));
        DataSet ds = manyToOne(5, 2, 9, DataType.FLOAT, 7);
        INDArray full = nets[1].output(ds.getFeatures());
        for (MultiLayerNetwork net : nets) {
            net.rnnClearPreviousState();
            for (int t = 0; t < 9; t++) {
                INDArray step = ds.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(t)); // 2-D [mb, nIn]
                INDArray out = net.rnnTimeStep(step);
                INDArray expected = full.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(t));
                assertThat(maxAbsDiff(out.reshape(expected.shape()), expected)).isLessThan(1e-5);
            }
        }
        // chunks of several steps, and state maps interchangeable with DL4J's LSTM
        nets[1].rnnClearPreviousState();
        nets[1].rnnTimeStep(ds.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4)));
        nets[0].rnnClearPreviousState();
        for (int i = 0; i < 2; i++) {
            nets[0].rnnSetPreviousState(i, nets[1].rnnGetPreviousState(i));
        }
        INDArray rest = ds.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 9));
        INDArray a = nets[0].rnnTimeStep(rest);
        INDArray b = nets[1].rnnTimeStep(rest);
        assertThat(maxAbsDiff(a, b)).isLessThan(1e-5);
        assertThat(maxAbsDiff(b.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(4)),
                full.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(8)))).isLessThan(1e-5);
    }

    @Test
    void truncatedBpttSingleSegmentMatchesDl4j() {
        // one TBPTT segment per fit: no carried state, so DL4J's LSTM and FastLstm must agree
        MultiLayerNetwork[] nets = pair(new Spec().nIn(1).hidden(5).layers(2).tbptt(4));
        DataSet ds = manyToOne(6, 1, 4, DataType.FLOAT, 8);
        DataSet d2 = new DataSet(ds.getFeatures(), Nd4j.rand(DataType.FLOAT, 6, 1, 4));
        for (int i = 0; i < 5; i++) {
            nets[0].fit(d2);
            nets[1].fit(d2);
            assertThat(Math.abs(nets[0].score() - nets[1].score())).isLessThan(1e-5 * Math.abs(nets[0].score()));
        }
        assertThat(maxAbsDiff(nets[0].params(), nets[1].params())).isLessThan(1e-5);
    }

    /**
     * With a carried-over state (later TBPTT segments, or any forward from a stored state) the gradient must
     * include the state's contribution. Checked against DL4J's LSTM.tbpttBackpropGradient (layer level) and
     * finite differences. Note: MultiLayerNetwork 1.0.0-M2.1 never calls tbpttBackpropGradient (it calls
     * backpropGradient, and DL4J's LSTM then recomputes the forward pass from a zero state), so multi-segment
     * TBPTT training with DL4J's LSTM uses gradients inconsistent with its own loss; FastLstm does not.
     */
    @Test
    void backpropFromStoredStateMatchesDl4jLayerAndFiniteDifferences() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        MultiLayerNetwork[] nets = pair(new Spec().nIn(2).hidden(4).layers(1).dataType(DataType.DOUBLE));
        Nd4j.getRandom().setSeed(5);
        int n = 3;
        int steps = 3;
        INDArray x = Nd4j.randn(DataType.DOUBLE, n, 2, steps);
        INDArray eps = Nd4j.randn(DataType.DOUBLE, n, 4, steps);
        Map<String, INDArray> state = new java.util.HashMap<>();
        state.put(FastLstmLayer.STATE_KEY_PREV_ACTIVATION, Nd4j.randn(DataType.DOUBLE, n, 4).muli(0.5));
        state.put(FastLstmLayer.STATE_KEY_PREV_MEMCELL, Nd4j.randn(DataType.DOUBLE, n, 4));
        org.nd4j.common.primitives.Pair<Gradient, INDArray>[] res = new org.nd4j.common.primitives.Pair[2];
        for (int k = 0; k < 2; k++) {
            nets[k].initGradientsView();
            org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer<?> l =
                    (org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer<?>) nets[k].getLayer(0);
            l.rnnSetPreviousState(new java.util.HashMap<>(state));
            l.rnnSetTBPTTState(new java.util.HashMap<>(state));
            l.rnnActivateUsingStoredState(x, true, true, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
            org.nd4j.common.primitives.Pair<Gradient, INDArray> p = l.tbpttBackpropGradient(eps.dup(), steps,
                    org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
            Gradient copy = new org.deeplearning4j.nn.gradient.DefaultGradient();
            p.getFirst().gradientForVariable().forEach((key, v) -> copy.gradientForVariable().put(key, v.dup()));
            res[k] = new org.nd4j.common.primitives.Pair<>(copy, p.getSecond().dup());
        }
        for (String key : new String[] {"W", "RW", "b"}) {
            assertThat(maxAbsDiff(res[0].getFirst().getGradientFor(key), res[1].getFirst().getGradientFor(key)))
                    .as(key).isLessThan(1e-10);
        }
        assertThat(maxAbsDiff(res[0].getSecond(), res[1].getSecond())).isLessThan(1e-10);

        // finite differences of L = sum(out * eps) with respect to the parameters, from the stored state
        FastLstmLayer layer = (FastLstmLayer) nets[1].getLayer(0);
        INDArray params = layer.params();
        INDArray analytic = org.nd4j.linalg.factory.Nd4j.concat(1,
                fVec(res[1].getFirst().getGradientFor("W")),
                fVec(res[1].getFirst().getGradientFor("RW")),
                fVec(res[1].getFirst().getGradientFor("b")));
        double maxErr = 0;
        for (int i = 0; i < params.length(); i++) {
            double orig = params.getDouble(i);
            params.putScalar(i, orig + 1e-6);
            double lp = storedStateLoss(layer, state, x, eps);
            params.putScalar(i, orig - 1e-6);
            double lm = storedStateLoss(layer, state, x, eps);
            params.putScalar(i, orig);
            maxErr = Math.max(maxErr, Math.abs((lp - lm) / 2e-6 - analytic.getDouble(i)));
        }
        assertThat(maxErr).isLessThan(1e-7);
    }

    private static INDArray fVec(INDArray a) {
        return a.reshape('f', 1, a.length());
    }

    private static double storedStateLoss(FastLstmLayer layer, Map<String, INDArray> state, INDArray x, INDArray eps) {
        layer.rnnSetTBPTTState(new java.util.HashMap<>(state));
        INDArray out = layer.rnnActivateUsingStoredState(x, false, false,
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        return out.mul(eps).sumNumber().doubleValue();
    }

    @Test
    void nwcFormatMatchesDl4j() {
        MultiLayerNetwork[] nets = pair(new Spec().nIn(2).hidden(4).layers(2).format(RNNFormat.NWC));
        DataSet ds = manyToOne(6, 2, 5, DataType.FLOAT, 9);
        INDArray f = ds.getFeatures().permute(0, 2, 1).dup('c'); // [mb, T, nIn]
        INDArray l = ds.getLabels().permute(0, 2, 1).dup('c');
        assertThat(maxAbsDiff(nets[0].output(f), nets[1].output(f))).isLessThan(1e-5);
        DataSet d2 = new DataSet(f, l, null, ds.getLabelsMaskArray());
        for (int i = 0; i < 3; i++) {
            nets[0].fit(d2);
            nets[1].fit(d2);
        }
        assertThat(maxAbsDiff(nets[0].params(), nets[1].params())).isLessThan(1e-5);
    }

    @Test
    void featureMaskIsPassedThroughLikeDl4jButLayerMaskIsRejected() {
        MultiLayerNetwork[] nets = pair(new Spec().hidden(4).layers(1));
        DataSet ds = manyToOne(6, 1, 5, DataType.FLOAT, 10);
        INDArray fMask = Nd4j.ones(DataType.FLOAT, 6, 5);
        fMask.putScalar(0, 0, 0.0);
        DataSet d2 = new DataSet(ds.getFeatures(), ds.getLabels(), fMask, ds.getLabelsMaskArray());
        for (int i = 0; i < 3; i++) {
            nets[0].fit(d2);
            nets[1].fit(d2);
        }
        assertThat(maxAbsDiff(nets[0].params(), nets[1].params())).isLessThan(1e-5);

        nets[1].getLayer(0).setMaskArray(fMask);
        assertThatThrownBy(() -> nets[1].getLayer(0).activate(ds.getFeatures(), false,
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("mask");
    }

    @Test
    void builderDefaultsAndValidation() {
        FastLstm l = new FastLstm.Builder().nIn(2).nOut(3).build();
        assertThat(l.getForgetGateBiasInit()).isEqualTo(1.0);
        assertThat(l.getActivationFn()).isInstanceOf(org.nd4j.linalg.activations.impl.ActivationTanH.class);
        assertThatThrownBy(() -> new FastLstm.Builder().nIn(2).nOut(3).activation(Activation.RELU).build())
                .isInstanceOf(UnsupportedOperationException.class);
        // same initial parameters as DL4J's LSTM for the same seed
        Spec s = new Spec().hidden(5).layers(2);
        assertThat(flat(LstmTestSupport.net(s, true).params())).isEqualTo(flat(LstmTestSupport.net(s, false).params()));
    }
}
