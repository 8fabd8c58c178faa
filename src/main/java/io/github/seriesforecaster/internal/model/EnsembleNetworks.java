package io.github.seriesforecaster.internal.model;

import io.github.seriesforecaster.ForecasterConfig;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Merges networks of one shape into a single network whose output is the mean of theirs, so an
 * ensemble predicts through every existing path (the plain-Java forward pass, batched DL4J calls)
 * and is saved as one ordinary model file.
 *
 * <p>The members' LSTM units sit side by side in layers {@code members} times as wide: every gate
 * block of the merged weights holds the members' blocks one after the other, and the recurrent
 * weights (and the input weights of deeper layers) are block-diagonal, so no member ever reads
 * another member's units. The output layer reads all units with each member's weights divided by
 * the number of members and the mean of their biases: the merged output is the members' mean, to
 * float rounding. Prediction costs grow with the square of the width.
 */
public final class EnsembleNetworks {
  private static final int GATES = 4;

  private EnsembleNetworks() {}

  /**
   * @param members networks built by {@link LstmNetworkFactory} from {@code config} (any seeds);
   *     one member is returned as it is
   * @param config the configuration they were built from
   * @param inputs input columns per time step
   * @return one network whose output is the mean of the members' outputs
   */
  public static MultiLayerNetwork merge(
      List<MultiLayerNetwork> members, ForecasterConfig config, int inputs) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one network");
    }
    if (members.size() == 1) {
      return members.get(0);
    }
    int count = members.size();
    int hidden = config.hidden();
    int wide = hidden * count;
    MultiLayerNetwork merged = new MultiLayerNetwork(LstmNetworkFactory.configuration(
        config.toBuilder().hidden(wide).config(), inputs));
    merged.init();
    merged.params().assign(0);
    int layers = config.layers();
    for (int layer = 0; layer < layers; layer++) {
      INDArray input = merged.getLayer(layer).getParam("W");
      INDArray recurrent = merged.getLayer(layer).getParam("RW");
      INDArray bias = merged.getLayer(layer).getParam("b");
      for (int m = 0; m < count; m++) {
        var member = members.get(m).getLayer(layer);
        INDArray memberInput = member.getParam("W");
        INDArray memberRecurrent = member.getParam("RW");
        INDArray memberBias = member.getParam("b");
        // deeper layers read the layer below, which is itself merged: block-diagonal there too
        var inputRows = layer == 0 ? NDArrayIndex.all()
            : NDArrayIndex.interval((long) m * hidden, (long) (m + 1) * hidden);
        var ownRows = NDArrayIndex.interval((long) m * hidden, (long) (m + 1) * hidden);
        for (int gate = 0; gate < GATES; gate++) {
          var from = NDArrayIndex.interval((long) gate * hidden, (long) (gate + 1) * hidden);
          var to = NDArrayIndex.interval((long) gate * wide + (long) m * hidden,
              (long) gate * wide + (long) (m + 1) * hidden);
          input.get(inputRows, to).assign(memberInput.get(NDArrayIndex.all(), from));
          recurrent.get(ownRows, to).assign(memberRecurrent.get(NDArrayIndex.all(), from));
          bias.get(NDArrayIndex.all(), to).assign(memberBias.get(NDArrayIndex.all(), from));
        }
      }
    }
    INDArray outputWeights = merged.getLayer(layers).getParam("W");
    INDArray outputBias = merged.getLayer(layers).getParam("b");
    for (int m = 0; m < count; m++) {
      var member = members.get(m).getLayer(layers);
      outputWeights.get(NDArrayIndex.interval((long) m * hidden, (long) (m + 1) * hidden),
          NDArrayIndex.all()).assign(member.getParam("W").div(count));
      outputBias.addi(member.getParam("b").div(count));
    }
    return merged;
  }
}
