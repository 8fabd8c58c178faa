package io.github.seriesforecaster.internal.model.lstm;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Random;

/** Shared helpers: DL4J-LSTM and FastLstm networks with identical structure, and many-to-one data. */
final class LstmTestSupport {

    private LstmTestSupport() {
    }

    static final class Spec {
        int nIn = 1;
        int hidden = 6;
        int layers = 1;
        DataType dataType = DataType.FLOAT;
        IUpdater updater = new Adam(1e-2);
        WorkspaceMode workspaceMode = WorkspaceMode.ENABLED;
        Activation activation = Activation.TANH;
        RNNFormat format = RNNFormat.NCW;
        int tbptt = 0;
        long seed = 12345;

        Spec nIn(int v) { nIn = v; return this; }
        Spec hidden(int v) { hidden = v; return this; }
        Spec layers(int v) { layers = v; return this; }
        Spec dataType(DataType v) { dataType = v; return this; }
        Spec updater(IUpdater v) { updater = v; return this; }
        Spec workspaceMode(WorkspaceMode v) { workspaceMode = v; return this; }
        Spec activation(Activation v) { activation = v; return this; }
        Spec format(RNNFormat v) { format = v; return this; }
        Spec tbptt(int v) { tbptt = v; return this; }
    }

    static MultiLayerConfiguration conf(Spec s, boolean fast) {
        NeuralNetConfiguration.ListBuilder lb = new NeuralNetConfiguration.Builder()
                .seed(s.seed)
                .dataType(s.dataType)
                .weightInit(WeightInit.XAVIER)
                .updater(s.updater)
                .trainingWorkspaceMode(s.workspaceMode)
                .inferenceWorkspaceMode(s.workspaceMode)
                .list();
        for (int i = 0; i < s.layers; i++) {
            if (fast) {
                lb.layer(new FastLstm.Builder().nOut(s.hidden).activation(s.activation).dataFormat(s.format).build());
            } else {
                lb.layer(new LSTM.Builder().nOut(s.hidden).activation(s.activation).dataFormat(s.format).build());
            }
        }
        lb.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                .nOut(1).dataFormat(s.format).build());
        lb.setInputType(InputType.recurrent(s.nIn, s.format));
        if (s.tbptt > 0) {
            lb.backpropType(BackpropType.TruncatedBPTT).tBPTTLength(s.tbptt);
        }
        return lb.build();
    }

    static MultiLayerNetwork net(Spec s, boolean fast) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf(s, fast));
        net.init();
        return net;
    }

    /** A DL4J LSTM network and a FastLstm network with identical parameters. */
    static MultiLayerNetwork[] pair(Spec s) {
        MultiLayerNetwork ref = net(s, false);
        MultiLayerNetwork fast = net(s, true);
        fast.setParams(ref.params().dup());
        return new MultiLayerNetwork[] {ref, fast};
    }

    /**
     * Many-to-one data set: features [mb, nIn, T] (c order, like typical user data), labels [mb, 1, T] with a
     * labels mask selecting the last step.
     */
    static DataSet manyToOne(int mb, int nIn, int steps, DataType dt, long seed) {
        Random r = new Random(seed);
        INDArray f = Nd4j.create(dt, mb, nIn, steps);
        INDArray l = Nd4j.zeros(dt, mb, 1, steps);
        INDArray m = Nd4j.zeros(dt, mb, steps);
        for (int b = 0; b < mb; b++) {
            double sum = 0;
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < nIn; i++) {
                    double v = r.nextGaussian();
                    f.putScalar(new long[] {b, i, t}, v);
                    sum += v * (i + 1) * 0.1;
                }
            }
            l.putScalar(new long[] {b, 0, steps - 1}, Math.tanh(sum) + 0.1 * r.nextGaussian());
            m.putScalar(new long[] {b, steps - 1}, 1.0);
        }
        return new DataSet(f, l, null, m);
    }

    static double[] flat(INDArray a) {
        return a.dup('c').reshape(a.length()).toDoubleVector();
    }

    static double maxAbsDiff(INDArray a, INDArray b) {
        double[] x = flat(a);
        double[] y = flat(b);
        if (x.length != y.length) {
            throw new IllegalArgumentException("length " + x.length + " vs " + y.length);
        }
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(x[i] - y[i]));
        }
        return m;
    }

    static double maxAbs(INDArray a) {
        double m = 0;
        for (double v : flat(a)) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
