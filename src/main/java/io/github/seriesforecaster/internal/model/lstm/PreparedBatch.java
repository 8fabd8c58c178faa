package io.github.seriesforecaster.internal.model.lstm;

import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A mini-batch in the form {@link FastLstmTrainingStep} consumes, computed once per fit: the
 * features in the kernels' layout, and only the (example, time step) outputs that the labels mask
 * keeps, with their targets. Many-to-one windows keep one output per example. The arrays are
 * shared, not copied: the step only reads them.
 *
 * @param features {@code [examples, nIn, steps]}, FLOAT, f-order (read in place by the first kernel)
 * @param examples mini-batch size
 * @param steps time steps
 * @param example example index of each kept output
 * @param step time step of each kept output
 * @param target {@code outputs} targets per kept output, {@code [kept][outputs]}
 */
record PreparedBatch(INDArray features, int examples, int steps, int[] example, int[] step,
        float[] target) {

    /** @return the number of kept outputs */
    int kept() {
        return example.length;
    }

    /**
     * @param batch a mini-batch
     * @return the prepared batch, or empty unless the batch has features {@code [mb, nIn, T]},
     *     labels {@code [mb, outputs, T]}, no features mask and a labels mask {@code [mb, T]} of
     *     zeros and ones or none. (DL4J also multiplies the prediction by the mask in the loss, so
     *     other mask values would need that quirk reproduced; our windows' masks are 0/1.)
     */
    static Optional<PreparedBatch> of(DataSet batch) {
        INDArray labels = batch.getLabels();
        INDArray mask = batch.getLabelsMaskArray();
        if (batch.getFeaturesMaskArray() != null || batch.getFeatures().rank() != 3
                || labels.rank() != 3 || (mask != null && mask.rank() != 2)) {
            return Optional.empty();
        }
        int examples = (int) labels.size(0);
        int outputs = (int) labels.size(1);
        int steps = (int) labels.size(2);
        float[] labelValues = labels.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] maskValues = mask == null ? null : mask.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int kept = 0;
        for (int k = 0; k < examples * steps; k++) {
            if (maskValues == null || maskValues[k] == 1) {
                kept++;
            } else if (maskValues[k] != 0) {
                return Optional.empty();
            }
        }
        int[] example = new int[kept];
        int[] step = new int[kept];
        float[] target = new float[kept * outputs];
        int e = 0;
        for (int b = 0; b < examples; b++) {
            for (int t = 0; t < steps; t++) {
                if (maskValues != null && maskValues[b * steps + t] == 0) {
                    continue;
                }
                example[e] = b;
                step[e] = t;
                for (int o = 0; o < outputs; o++) {
                    target[e * outputs + o] = labelValues[(b * outputs + o) * steps + t];
                }
                e++;
            }
        }
        INDArray features;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            features = batch.getFeatures().castTo(DataType.FLOAT).dup('f');
        }
        return Optional.of(new PreparedBatch(features, examples, steps, example, step, target));
    }
}
