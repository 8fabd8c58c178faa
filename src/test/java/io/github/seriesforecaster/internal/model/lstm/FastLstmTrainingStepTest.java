package io.github.seriesforecaster.internal.model.lstm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class FastLstmTrainingStepTest {

    @BeforeAll
    static void singleThread() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
    }

    /** A network like LstmNetworkFactory's, with any input width and horizon. */
    private static MultiLayerNetwork network(int nIn, int hidden, int layers, int outputs,
            DataType dataType, IUpdater updater, boolean fast) {
        var builder = new NeuralNetConfiguration.Builder()
                .seed(42).dataType(dataType).weightInit(WeightInit.XAVIER).updater(updater)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (int i = 0; i < layers; i++) {
            int inputs = i == 0 ? nIn : hidden;
            builder.layer(fast
                    ? new FastLstm.Builder().nIn(inputs).nOut(hidden).activation(Activation.TANH).build()
                    : new LSTM.Builder().nIn(inputs).nOut(hidden).activation(Activation.TANH).build());
        }
        builder.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .activation(Activation.IDENTITY).nIn(hidden).nOut(outputs).build());
        builder.setInputType(InputType.recurrent(nIn));
        MultiLayerNetwork network = new MultiLayerNetwork(builder.build());
        network.init();
        return network;
    }

    private static MultiLayerNetwork network(int nIn, int hidden, int layers, int outputs) {
        return network(nIn, hidden, layers, outputs, DataType.FLOAT, new Adam(0.01), true);
    }

    /** Windows as data.Windows makes them: labels and mask only on the last time step. */
    private static DataSet lastStepWindows(int examples, int nIn, int steps, int outputs, long seed) {
        Random random = new Random(seed);
        float[] mask = new float[examples * steps];
        for (int b = 0; b < examples; b++) {
            mask[b * steps + steps - 1] = 1;
        }
        return windows(examples, nIn, steps, outputs, random,
                Nd4j.create(mask, new long[] {examples, steps}, 'c'));
    }

    private static DataSet windows(int examples, int nIn, int steps, int outputs, Random random,
            INDArray mask) {
        float[] features = new float[examples * nIn * steps];
        for (int k = 0; k < features.length; k++) {
            features[k] = (float) random.nextGaussian();
        }
        float[] labels = new float[examples * outputs * steps];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = (float) (0.5 * random.nextGaussian());
        }
        return new DataSet(Nd4j.create(features, new long[] {examples, nIn, steps}, 'c'),
                Nd4j.create(labels, new long[] {examples, outputs, steps}, 'c'), null, mask);
    }

    private static float[] values(INDArray a) {
        return a.dup('c').reshape(a.length()).toFloatVector();
    }

    /** Largest |a - b| / max(|a|, |b|, floor): relative, with an absolute floor near zero. */
    private static double relativeDifference(INDArray a, INDArray b, double floor) {
        float[] x = values(a);
        float[] y = values(b);
        assertThat(x).hasSameSizeAs(y);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double scale = Math.max(floor, Math.max(Math.abs(x[i]), Math.abs(y[i])));
            worst = Math.max(worst, Math.abs(x[i] - y[i]) / scale);
        }
        return worst;
    }

    /** Trains a clone with network.fit and the original with the step; asserts equal results. */
    private static void assertStepsMatchFit(MultiLayerNetwork network, List<DataSet> batches,
            int epochs) {
        MultiLayerNetwork reference = network.clone();
        FastLstmTrainingStep step = FastLstmTrainingStep.of(network).orElseThrow();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (DataSet batch : batches) {
                reference.fit(batch);
                step.fit(batch);
                assertThat(network.score())
                        .isCloseTo(reference.score(), org.assertj.core.data.Percentage.withPercentage(1e-3));
                assertThat(network.getIterationCount()).isEqualTo(reference.getIterationCount());
            }
        }
        assertThat(relativeDifference(network.params(), reference.params(), 1e-2)).isLessThan(1e-4);
        // Adam's moments: m carries the gradient's scale, so a wrong mini-batch or mask factor shows here
        assertThat(relativeDifference(network.getUpdater().getStateViewArray(),
                reference.getUpdater().getStateViewArray(), 1e-6)).isLessThan(1e-3);
        // after fit the gradient view holds the last update
        assertThat(relativeDifference(network.getFlattenedGradients(),
                reference.getFlattenedGradients(), 1e-4)).isLessThan(1e-3);
    }

    @ParameterizedTest(name = "window {0}, hidden {1}, layers {2}, nIn {3}, horizon {4}, {5} windows in batches of {6}")
    @CsvSource({
        "3, 6, 1, 1, 1, 729, 512",
        "30, 16, 2, 1, 1, 150, 64",
        "7, 8, 1, 3, 4, 100, 32",
        "5, 12, 3, 2, 2, 50, 50"})
    void fit_matchesNetworkFit(int window, int hidden, int layers, int nIn, int horizon,
            int windows, int batchSize) {
        List<DataSet> batches =
                lastStepWindows(windows, nIn, window, horizon, 7).batchBy(batchSize);
        assertStepsMatchFit(network(nIn, hidden, layers, horizon), batches, 5 / batches.size() + 1);
    }

    @Test
    void fit_matchesNetworkFitWithoutLabelsMask() {
        DataSet all = windows(40, 2, 6, 3, new Random(3), null);
        assertStepsMatchFit(network(2, 5, 2, 3), List.of(all), 5);
    }

    @Test
    void fit_matchesNetworkFitWithMaskOnSeveralSteps() {
        Random random = new Random(5);
        float[] mask = new float[30 * 8];
        for (int k = 0; k < mask.length; k++) {
            mask[k] = random.nextInt(2);
        }
        DataSet batch = windows(30, 1, 8, 2, random, Nd4j.create(mask, new long[] {30, 8}, 'c'));
        assertStepsMatchFit(network(1, 7, 1, 2), List.of(batch), 5);
    }

    /** Steps the network with a fresh step and a clone with fit: the results must be identical. */
    private static void assertLeftToNetworkFit(DataSet batch) {
        MultiLayerNetwork network = network(1, 4, 1, 1);
        MultiLayerNetwork reference = network.clone();
        FastLstmTrainingStep.of(network).orElseThrow().fit(batch);
        reference.fit(batch);
        assertThat(values(network.params())).isEqualTo(values(reference.params()));
        assertThat(network.score()).isEqualTo(reference.score());
    }

    @Test
    void fit_featuresMaskIsLeftToNetworkFit() {
        DataSet batch = lastStepWindows(20, 1, 4, 1, 9);
        batch.setFeaturesMaskArray(Nd4j.ones(DataType.FLOAT, 20, 4));
        assertLeftToNetworkFit(batch);
    }

    @Test
    void fit_weightedLabelsMaskIsLeftToNetworkFit() {
        // DL4J multiplies the prediction by the mask too: 0.5 (0.5 prediction - target)^2
        DataSet batch = lastStepWindows(20, 1, 4, 1, 9);
        batch.getLabelsMaskArray().putScalar(new long[] {0, 3}, 0.5);
        assertLeftToNetworkFit(batch);
    }

    @Test
    void fit_isDeterministic() {
        List<DataSet> batches = lastStepWindows(100, 1, 5, 1, 11).batchBy(30);
        MultiLayerNetwork first = network(1, 6, 2, 1);
        MultiLayerNetwork second = network(1, 6, 2, 1);
        FastLstmTrainingStep a = FastLstmTrainingStep.of(first).orElseThrow();
        FastLstmTrainingStep b = FastLstmTrainingStep.of(second).orElseThrow();
        for (DataSet batch : batches) {
            a.fit(batch);
            b.fit(batch);
        }
        assertThat(values(first.params())).isEqualTo(values(second.params()));
        assertThat(first.score()).isEqualTo(second.score());
    }

    @Test
    void of_standardLstmNetwork() {
        assertThat(FastLstmTrainingStep.of(
                network(1, 4, 1, 1, DataType.FLOAT, new Adam(0.01), false))).isEmpty();
    }

    @Test
    void of_doubleNetwork() {
        assertThat(FastLstmTrainingStep.of(
                network(1, 4, 1, 1, DataType.DOUBLE, new Adam(0.01), true))).isEmpty();
    }

    @Test
    void of_otherUpdater() {
        assertThat(FastLstmTrainingStep.of(
                network(1, 4, 1, 1, DataType.FLOAT, new Sgd(0.1), true))).isEmpty();
    }

    @Test
    void of_networkWithListeners() {
        MultiLayerNetwork network = network(1, 4, 1, 1);
        network.setListeners(new ScoreIterationListener(1));
        assertThat(FastLstmTrainingStep.of(network)).isEmpty();
    }

    @Test
    void of_networkWithL2() {
        var conf = new NeuralNetConfiguration.Builder()
                .seed(1).dataType(DataType.FLOAT).updater(new Adam(0.01)).l2(1e-3)
                .list()
                .layer(new FastLstm.Builder().nIn(1).nOut(4).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nIn(4).nOut(1).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        assertThat(FastLstmTrainingStep.of(network)).isEmpty();
    }
}
