package io.github.seriesforecaster.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seriesforecaster.SeriesForecaster;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NetworkMemoryTest {

  @Test
  void release_freesTheBuffersWithoutAFullCollection() {
    MultiLayerNetwork network = trained();
    INDArray params = network.params();
    long before = collections();
    NetworkMemory.release(network);
    long after = collections();
    assertTrue(params.wasClosed(), "parameters freed");
    // MultiLayerNetwork.close() would run System.gc() twice here
    assertTrue(after - before < 2, "collections during release: " + (after - before));
  }

  @Test
  void release_leavesTheThreadAbleToTrainTheSameNetworkAgain() {
    MultiLayerNetwork first = trained();
    INDArray output = first.output(input());
    NetworkMemory.release(first);
    MultiLayerNetwork second = trained();
    assertArrayEquals(output.data().asFloat(), second.output(input()).data().asFloat());
  }

  private static MultiLayerNetwork trained() {
    var config = SeriesForecaster.builder().window(4).hidden(3).seed(7).build().config();
    MultiLayerNetwork network = LstmNetworkFactory.create(config);
    INDArray labels = Nd4j.linspace(0, 1, 32).reshape(8, 1, 4).castTo(network.params().dataType());
    network.fit(input(), labels);
    return network;
  }

  private static INDArray input() {
    return Nd4j.linspace(0, 1, 32).reshape(8, 1, 4).castTo(
        org.nd4j.linalg.api.buffer.DataType.FLOAT);
  }

  private static long collections() {
    long sum = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, bean.getCollectionCount());
    }
    return sum;
  }
}
