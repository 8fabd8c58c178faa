package io.github.seriesforecaster.internal.global;

import io.github.seriesforecaster.many.GlobalConfig;
import io.github.seriesforecaster.many.Normalization;
import io.github.seriesforecaster.internal.model.LstmInference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A fitted global model: the settings, the resolved normalization and the trained networks (one
 * per ensemble member), immutable once built. Forecasts average the members' forecasts in the
 * series' units. Safe for concurrent forecasts: the networks are only read, through
 * {@link LstmInference} where it applies.
 */
public final class GlobalModel {
  private final GlobalConfig config;
  private final WindowScaler scaler;
  private final List<MultiLayerNetwork> networks;
  private final List<Optional<LstmInference>> inference;
  private final Instant trainedAt;
  private final int trainingSeries;

  /**
   * @param config the settings
   * @param normalization the resolved normalization
   * @param networks the trained networks, at least one
   * @param trainedAt when training finished
   * @param trainingSeries how many series the model was trained on
   */
  public GlobalModel(GlobalConfig config, Normalization normalization,
      List<MultiLayerNetwork> networks, Instant trainedAt, int trainingSeries) {
    this.config = Objects.requireNonNull(config, "config");
    this.scaler = new WindowScaler(config, normalization);
    this.networks = List.copyOf(networks);
    if (this.networks.isEmpty()) {
      throw new IllegalArgumentException("a global model needs at least one network");
    }
    this.inference = this.networks.stream().map(LstmInference::of).toList();
    this.trainedAt = Objects.requireNonNull(trainedAt, "trainedAt");
    this.trainingSeries = trainingSeries;
  }

  /** @return the settings */
  public GlobalConfig config() {
    return config;
  }

  /** @return the resolved normalization, never AUTO */
  public Normalization normalization() {
    return scaler.normalization();
  }

  /** @return the trained networks, one per ensemble member */
  public List<MultiLayerNetwork> networks() {
    return networks;
  }

  /** @return when training finished */
  public Instant trainedAt() {
    return trainedAt;
  }

  /** @return how many series the model was trained on */
  public int trainingSeries() {
    return trainingSeries;
  }

  /**
   * Forecasts one series: direct outputs for the first {@code horizon} steps, then recursively in
   * blocks of {@code horizon}, each block fed the forecasts before it.
   *
   * @param id the series' name, for messages
   * @param history past values in time order, at least {@code window}
   * @param steps values to forecast, at least 1
   * @return the forecast, in the series' units
   */
  public double[] forecast(String id, double[] history, int steps) {
    checkHistory(id, history);
    // forecasts of LOG_RATIO models are above zero, so only the given history needs the check
    scaler.checkScalable(id, history, history.length);
    int window = config.window();
    double[] extended = Arrays.copyOfRange(history, history.length - window,
        history.length - window + window + steps);
    int known = window;
    float[] input = new float[window];
    while (known < window + steps) {
      WindowScaler.Scale scale = scaler.encode(extended, known, input, 0);
      double[] block = new double[config.horizon()];
      for (int m = 0; m < networks.size(); m++) {
        double[] outputs = inference.get(m).isPresent()
            ? inference.get(m).get().outputs(input)
            : outputs(networks.get(m), input, 1)[0];
        for (int h = 0; h < block.length; h++) {
          block[h] += scaler.unscaled(outputs[h], scale) / networks.size();
        }
      }
      int take = Math.min(block.length, window + steps - known);
      System.arraycopy(block, 0, extended, known, take);
      known += take;
    }
    return Arrays.copyOfRange(extended, window, window + steps);
  }

  /**
   * Forecasts many series at once, in batched forward passes.
   *
   * @param ids the series' names, for messages
   * @param histories their past values, each at least {@code window} long
   * @param steps values to forecast per series
   * @return the forecasts, in the order of {@code histories}
   */
  public double[][] forecastAll(List<String> ids, List<double[]> histories, int steps) {
    for (int s = 0; s < histories.size(); s++) {
      checkHistory(ids.get(s), histories.get(s));
      scaler.checkScalable(ids.get(s), histories.get(s), histories.get(s).length);
    }
    return forecastBatch(networks, scaler, ids, histories, steps);
  }

  /**
   * The batched forecast behind {@link #forecastAll} and the validation during training: direct
   * blocks of {@code horizon} values, fed back for longer forecasts, members averaged.
   */
  static double[][] forecastBatch(List<MultiLayerNetwork> networks, WindowScaler scaler,
      List<String> ids, List<double[]> histories, int steps) {
    GlobalConfig config = scaler.config();
    int window = config.window();
    int count = histories.size();
    double[][] extended = new double[count][];
    for (int s = 0; s < count; s++) {
      double[] history = histories.get(s);
      extended[s] = Arrays.copyOfRange(history, history.length - window,
          history.length + steps);
    }
    int chunk = Math.max(1, Math.min(count, 4096));
    for (int known = window; known < window + steps; known += config.horizon()) {
      int take = Math.min(config.horizon(), window + steps - known);
      for (int from = 0; from < count; from += chunk) {
        int to = Math.min(count, from + chunk);
        float[] features = new float[(to - from) * window];
        WindowScaler.Scale[] scales = new WindowScaler.Scale[to - from];
        for (int s = from; s < to; s++) {
          scales[s - from] = scaler.encode(extended[s], known, features, (s - from) * window);
        }
        double[][] sum = new double[to - from][take];
        for (MultiLayerNetwork network : networks) {
          double[][] outputs = outputs(network, features, to - from);
          for (int e = 0; e < to - from; e++) {
            for (int h = 0; h < take; h++) {
              sum[e][h] += scaler.unscaled(outputs[e][h], scales[e]) / networks.size();
            }
          }
        }
        for (int s = from; s < to; s++) {
          System.arraycopy(sum[s - from], 0, extended[s], known, take);
        }
      }
    }
    double[][] result = new double[count][];
    for (int s = 0; s < count; s++) {
      result[s] = Arrays.copyOfRange(extended[s], window, window + steps);
    }
    return result;
  }

  void checkHistory(String id, double[] history) {
    Objects.requireNonNull(history, "history");
    if (history.length < config.window()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "series '%s' has %d values but the model needs at least %d (window=%d)",
          id, history.length, config.window(), config.window()));
    }
    for (int i = 0; i < history.length; i++) {
      if (!Double.isFinite(history[i])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "series '%s' has a non-finite value %s at index %d", id, history[i], i));
      }
    }
  }

  /**
   * One batched forward pass through DL4J.
   *
   * @param network the network
   * @param features scaled windows, {@code examples × window} in the network's layout
   * @param examples how many windows
   * @return per example, the network's {@code horizon} outputs at the last time step
   */
  static double[][] outputs(MultiLayerNetwork network, float[] features, int examples) {
    long width = network.getLayer(0).getParam("W").size(0);
    long steps = features.length / examples / width;
    INDArray input = Nd4j.create(features, new long[] {examples, width, steps}, 'c');
    INDArray output = network.output(input, false);
    INDArray last = output.get(NDArrayIndex.all(), NDArrayIndex.all(),
        NDArrayIndex.point(steps - 1)).castTo(DataType.DOUBLE).dup('c');
    double[][] result = new double[examples][];
    int outputsPerExample = (int) last.size(1);
    double[] flat = last.data().asDouble();
    for (int e = 0; e < examples; e++) {
      result[e] = Arrays.copyOfRange(flat, e * outputsPerExample, (e + 1) * outputsPerExample);
    }
    input.close();
    output.close();
    return result;
  }

  /** @return a new list of the members' parameter counts, for logs */
  List<Long> parameterCounts() {
    List<Long> counts = new ArrayList<>();
    networks.forEach(n -> counts.add(n.numParams()));
    return counts;
  }
}
