package io.github.seriesforecaster.internal.model.lstm;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark (not a unit test): milliseconds per {@code MultiLayerNetwork.fit(DataSet)} call, DL4J's LSTM vs
 * FastLstm, FLOAT, 1 ND4J thread, random many-to-one data (labels mask on the last step).
 *
 * <pre>
 * mvn -q test-compile &amp;&amp; mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * OMP_NUM_THREADS=1 java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.github.seriesforecaster.internal.model.lstm.LstmSpeedProbe [rounds] [--levers] [--only=fast|dl4j]
 *     [--case=tiny|w30|"tiny: window 3, hidden 6, 1 layer, batch"] [--ws=enabled|none]
 * </pre>
 * Each configuration is warmed up, then measured in {@code rounds} rounds (default 7); the median round
 * (ms per fit call) is reported together with min and max.
 */
public final class LstmSpeedProbe {

    private static final int WINDOWS = 730;

    private LstmSpeedProbe() {
    }

    public static void main(String[] args) {
        int rounds = 7;
        boolean levers = false;
        String only = null;
        String caseFilter = null;
        String wsFilter = null;
        for (String a : args) {
            if (a.equals("--levers")) {
                levers = true;
            } else if (a.startsWith("--case=")) {
                caseFilter = a.substring(7);
            } else if (a.startsWith("--ws=")) {
                wsFilter = a.substring(5);
            } else if (a.startsWith("--only=")) {
                only = a.substring(7);
            } else {
                rounds = Integer.parseInt(a);
            }
        }
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        System.out.printf("java %s, OMP_NUM_THREADS=%s, rounds=%d%n", System.getProperty("java.version"),
                System.getenv("OMP_NUM_THREADS"), rounds);
        System.out.printf("%-44s %-7s %-9s %10s %10s %10s %12s%n", "config", "impl", "workspace", "median ms",
                "min ms", "max ms", "ms/epoch");

        Case[] cases = {
                new Case("tiny: window 3, hidden 6, 1 layer, full batch", 3, 6, 1, WINDOWS, 300, 200),
                new Case("tiny: window 3, hidden 6, 1 layer, batch 64", 3, 6, 1, 64, 600, 400),
                new Case("w30: window 30, hidden 64, 2 layers, batch 64", 30, 64, 2, 64, 40, 30),
                new Case("w30: window 30, hidden 64, 2 layers, full batch", 30, 64, 2, WINDOWS, 6, 4),
        };
        for (Case c : cases) {
            if (caseFilter != null && !c.name.startsWith(caseFilter)) {
                continue;
            }
            for (String impl : new String[] {"dl4j", "fast", "floor"}) {
                if (only != null && !only.equals(impl)) {
                    continue;
                }
                for (WorkspaceMode wm : new WorkspaceMode[] {WorkspaceMode.ENABLED, WorkspaceMode.NONE}) {
                    if (wsFilter != null && !wm.name().equalsIgnoreCase(wsFilter)) {
                        continue;
                    }
                    run(c, impl, wm, CacheMode.NONE, rounds, "");
                }
                if (levers) {
                    run(c, impl, WorkspaceMode.ENABLED, CacheMode.DEVICE, rounds, " cache=DEVICE");
                    Nd4j.getMemoryManager().togglePeriodicGc(false);
                    run(c, impl, WorkspaceMode.ENABLED, CacheMode.NONE, rounds, " periodicGc=off");
                    run(c, impl, WorkspaceMode.NONE, CacheMode.NONE, rounds, " periodicGc=off");
                    Nd4j.getMemoryManager().togglePeriodicGc(true);
                }
            }
        }
    }

    private static final class Case {
        final String name;
        final int window;
        final int hidden;
        final int layers;
        final int batch;
        final int warmup;
        final int fitsPerRound;

        Case(String name, int window, int hidden, int layers, int batch, int warmup, int fitsPerRound) {
            this.name = name;
            this.window = window;
            this.hidden = hidden;
            this.layers = layers;
            this.batch = batch;
            this.warmup = warmup;
            this.fitsPerRound = fitsPerRound;
        }
    }

    /**
     * @param floor true: no LSTM layer at all, only the RnnOutputLayer on the raw input (DL4J's fixed cost of
     *              one fit call: output layer, loss, Adam, workspaces)
     */
    static MultiLayerConfiguration conf(Case c, boolean fast, boolean floor, WorkspaceMode wm, CacheMode cm) {
        NeuralNetConfiguration.ListBuilder lb = new NeuralNetConfiguration.Builder()
                .seed(42).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).updater(new Adam(1e-3))
                .trainingWorkspaceMode(wm).inferenceWorkspaceMode(wm).cacheMode(cm)
                .list();
        for (int i = 0; i < c.layers && !floor; i++) {
            lb.layer(fast ? new FastLstm.Builder().nOut(c.hidden).activation(Activation.TANH).build()
                    : new LSTM.Builder().nOut(c.hidden).activation(Activation.TANH).build());
        }
        lb.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nOut(1).build());
        lb.setInputType(InputType.recurrent(1));
        return lb.build();
    }

    private static void run(Case c, String impl, WorkspaceMode wm, CacheMode cm, int rounds, String tag) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf(c, impl.equals("fast"), impl.equals("floor"), wm, cm));
        net.init();
        DataSet all = LstmTestSupport.manyToOne(WINDOWS, 1, c.window, DataType.FLOAT, 1);
        List<DataSet> batches = new ArrayList<>();
        if (c.batch >= WINDOWS) {
            batches.add(all);
        } else {
            batches.addAll(all.batchBy(c.batch));
        }
        int k = 0;
        for (int i = 0; i < c.warmup; i++) {
            net.fit(batches.get(k++ % batches.size()));
        }
        double[] perFit = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < c.fitsPerRound; i++) {
                net.fit(batches.get(k++ % batches.size()));
            }
            perFit[r] = (System.nanoTime() - t0) / 1e6 / c.fitsPerRound;
        }
        double[] sorted = perFit.clone();
        Arrays.sort(sorted);
        double median = sorted[rounds / 2];
        double epoch = median * batches.size();
        System.out.printf("%-44s %-7s %-9s %10.3f %10.3f %10.3f %12.2f%s (score %.5f)%n", c.name, impl, wm, median,
                sorted[0], sorted[rounds - 1], epoch, tag, net.score());
    }
}
