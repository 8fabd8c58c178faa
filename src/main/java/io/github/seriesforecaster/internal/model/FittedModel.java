package io.github.seriesforecaster.internal.model;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.internal.data.WindowEncoder;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained network with everything needed to predict in original units: the configuration, the
 * transform and fitted scaler, and where the training data came from.
 *
 * <p>Never changed after construction, so a forecaster swaps one in atomically. Single predictions
 * and forecasts run on {@link LstmInference}, which shares no mutable state; batched predictions
 * use the DL4J network, which is not thread-safe, so those calls are serialised on it.
 *
 * <p>Methods here take validated input: {@code SeriesForecaster} checks lengths and values first.
 */
public final class FittedModel implements MultiStepForecaster {
  private final ForecasterConfig config;
  private final MultiLayerNetwork network;
  private final WindowEncoder encoder;
  private final TrainingData data;
  private final Instant trainedAt;
  private final LstmInference inference;
  private final ForecastErrors errors;

  /**
   * @param config the settings the network was built from
   * @param network the trained network
   * @param encoder transform and scaler fitted on the training part
   * @param data what the network was trained on
   * @param trainedAt when training finished
   */
  public FittedModel(ForecasterConfig config, MultiLayerNetwork network, WindowEncoder encoder,
      TrainingData data, Instant trainedAt) {
    this(config, network, encoder, data, trainedAt, null);
  }

  /**
   * @param config the settings the network was built from
   * @param network the trained network
   * @param encoder transform and scaler fitted on the training part
   * @param data what the network was trained on
   * @param trainedAt when training finished
   * @param errors validation forecast errors for intervals, or {@code null}
   */
  public FittedModel(ForecasterConfig config, MultiLayerNetwork network, WindowEncoder encoder,
      TrainingData data, Instant trainedAt, ForecastErrors errors) {
    this.config = Objects.requireNonNull(config, "config");
    this.network = Objects.requireNonNull(network, "network");
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.data = Objects.requireNonNull(data, "data");
    this.trainedAt = Objects.requireNonNull(trainedAt, "trainedAt");
    this.inference = LstmInference.of(network).orElse(null);
    this.errors = errors;
  }

  /** @return validation forecast errors for prediction intervals, or {@code null} */
  public ForecastErrors errors() {
    return errors;
  }

  /** @return this model with validation forecast errors for intervals */
  public FittedModel withErrors(ForecastErrors measured) {
    return new FittedModel(config, network, encoder, data, trainedAt, measured);
  }

  public ForecasterConfig config() {
    return config;
  }

  /** @return the network; callers must not use it while this model predicts */
  public MultiLayerNetwork network() {
    return network;
  }

  public WindowEncoder encoder() {
    return encoder;
  }

  public TrainingData data() {
    return data;
  }

  public Instant trainedAt() {
    return trainedAt;
  }

  /**
   * Predicts one value with the plain-Java forward pass (no lock, microseconds), or with the
   * network when it has a shape that pass does not cover.
   *
   * @return the value after the last one of {@code series}; only for a model without features
   */
  public double predict(double[] series) {
    return predictInputs(new double[][] {series});
  }

  /**
   * @param inputs the input columns, the target first, all of the same length
   * @return the target value after the last row
   */
  public double predictInputs(double[][] inputs) {
    return predictAt(inputs, inputs[0].length);
  }

  /** @return input rows a prediction reads: the window plus the transforms' lag */
  @Override
  public int minimumHistory() {
    return encoder.minimumHistory();
  }

  /** @return input columns per time step: 1 without features */
  public int inputs() {
    return encoder.inputs();
  }

  /**
   * @return the most steps {@link #forecastInputs} can make: unlimited for the target alone, which
   *     feeds forecasts back; with features one network call's {@code horizon}, as later steps
   *     would need future feature values
   */
  @Override
  public int maximumSteps() {
    return inputs() == 1 ? Integer.MAX_VALUE : config.horizon();
  }

  private double predictAt(double[][] inputs, int end) {
    float[] encoded = new float[inputs() * encoder.window()];
    encoder.encode(inputs, end, encoded, 0);
    double output = inference != null ? inference.output(encoded) : lastSteps(encoded, 1)[0];
    return encoder.decode(inputs[0], end, output);
  }

  /**
   * @return for each history, the value after its last one, computed in one batched network call
   *     (agrees with {@link #predict} to float rounding, about 1e-6 relative)
   */
  public double[] predictEach(double[][] histories) {
    int window = encoder.window();
    float[] inputs = new float[histories.length * window];
    for (int i = 0; i < histories.length; i++) {
      encoder.encode(histories[i], histories[i].length, inputs, i * window);
    }
    double[] outputs = lastSteps(inputs, histories.length);
    double[] result = new double[histories.length];
    for (int i = 0; i < histories.length; i++) {
      result[i] = encoder.decode(histories[i], histories[i].length, outputs[i]);
    }
    return result;
  }

  /**
   * One-step forecasts of {@code series[firstTarget .. series.length)}, each from the true values
   * before it; only for a model without features.
   *
   * @param firstTarget at least {@code minimumHistory()}
   */
  public double[] oneStepForecasts(double[] series, int firstTarget) {
    double[][] inputs = {series};
    return decodeOneStep(series, firstTarget, networkOutputs(inputs, firstTarget));
  }

  /**
   * @param outputs {@link #networkOutputs} of the same series and first target
   * @return those outputs as one-step forecasts in original units
   */
  public double[] decodeOneStep(double[] series, int firstTarget, double[] outputs) {
    double[] result = new double[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      result[i] = encoder.decode(series, firstTarget + i, outputs[i]);
    }
    return result;
  }

  /**
   * The network's raw (scaled) outputs for one-step forecasts of the target from
   * {@code firstTarget} to the end, computed in one network call.
   *
   * @param inputs the input columns, the target first
   */
  public double[] networkOutputs(double[][] inputs, int firstTarget) {
    int count = Math.max(0, inputs[0].length - firstTarget);
    if (count == 0) {
      return new double[0];
    }
    int size = inputs() * encoder.window();
    float[] encoded = new float[count * size];
    for (int i = 0; i < count; i++) {
      encoder.encode(inputs, firstTarget + i, encoded, i * size);
    }
    return lastSteps(encoded, count);
  }

  /** @return this model with another encoder (the same network) */
  public FittedModel withEncoder(WindowEncoder other) {
    return new FittedModel(config, network, other, data, trainedAt, errors);
  }

  /**
   * @return {@code steps} values after {@code series}: with a horizon of 1 each predicted from the
   *     ones before it; with a larger horizon {@code horizon} at a time from one network call, the
   *     next block from those; only for a model without features
   */
  public double[] forecast(double[] series, int steps) {
    return forecastInputs(new double[][] {series}, steps);
  }

  /**
   * @param inputs the input columns, the target first, all of the same length
   * @param steps at most {@link #maximumSteps()}
   * @return {@code steps} target values after the last row, as {@link #forecast}
   */
  @Override
  public double[] forecastInputs(double[][] inputs, int steps) {
    if (steps > maximumSteps()) {
      throw new IllegalArgumentException(steps + " steps is more than this model's "
          + maximumSteps() + "-step horizon");
    }
    if (inputs() > 1) {
      return Arrays.copyOf(decodeBlock(inputs, inputs[0].length, inputs[0]), steps);
    }
    double[] series = inputs[0];
    int history = encoder.minimumHistory();
    double[] extended = new double[history + steps];
    System.arraycopy(series, series.length - history, extended, 0, history);
    double[][] columns = {extended};
    int horizon = config.horizon();
    if (horizon == 1) {
      for (int step = 0; step < steps; step++) {
        extended[history + step] = predictAt(columns, history + step);
      }
    } else {
      for (int end = history; end < history + steps; end += horizon) {
        double[] block = decodeBlock(columns, end, extended);
        for (int k = 0; k < horizon && end + k < history + steps; k++) {
          extended[end + k] = block[k];
        }
      }
    }
    double[] result = new double[steps];
    System.arraycopy(extended, history, result, 0, steps);
    return result;
  }

  /**
   * The forecasts {@link #forecastInputs} makes, for many histories at once: each network call
   * takes the windows of every history still forecasting at that point, so the recursive forecasts
   * of all histories advance together, one step (one {@code horizon} block) per call. Agrees with
   * {@link #forecastInputs} to float rounding (about 1e-6 relative per step).
   *
   * @param histories per history its input columns, the target first, all of the same length and
   *     at least {@code minimumHistory()} long
   * @param steps per history how many values to forecast, each at most {@link #maximumSteps()}
   * @return per history its {@code steps[i]} forecasts
   */
  public double[][] forecastEach(double[][][] histories, int[] steps) {
    return forecastEach(histories, steps, false);
  }

  /**
   * @param histories as for {@link #forecastEach(double[][][], int[])}
   * @param steps as for {@link #forecastEach(double[][][], int[])}
   * @param networkOnly true to use the batched network call whatever the network's size (tests
   *     compare it with the single-window pass)
   * @return per history its {@code steps[i]} forecasts
   */
  @Override
  public double[][] forecastEach(double[][][] histories, int[] steps, boolean networkOnly) {
    int count = histories.length;
    if (steps.length != count) {
      throw new IllegalArgumentException(
          count + " histories but " + steps.length + " step counts");
    }
    int longest = 0;
    for (int s : steps) {
      if (s > maximumSteps()) {
        throw new IllegalArgumentException(s + " steps is more than this model's "
            + maximumSteps() + "-step horizon");
      }
      longest = Math.max(longest, s);
    }
    double[][] result = new double[count][];
    int size = inputs() * encoder.window();
    if (inputs() > 1) {
      // later steps would need future feature values: one block of horizon outputs per history
      float[] encoded = new float[count * size];
      for (int i = 0; i < count; i++) {
        encoder.encode(histories[i], histories[i][0].length, encoded, i * size);
      }
      double[][] outputs = lastStepOutputs(encoded, count, networkOnly);
      for (int i = 0; i < count; i++) {
        double[] target = histories[i][0];
        result[i] = new double[steps[i]];
        for (int k = 0; k < steps[i]; k++) {
          result[i][k] = encoder.decode(target, target.length, outputs[i][k]);
        }
      }
      return result;
    }
    int history = encoder.minimumHistory();
    int horizon = config.horizon();
    double[][] extended = new double[count][];
    for (int i = 0; i < count; i++) {
      double[] series = histories[i][0];
      extended[i] = new double[history + steps[i]];
      System.arraycopy(series, series.length - history, extended[i], 0, history);
    }
    int[] active = new int[count];
    for (int done = 0; done < longest; done += horizon) {
      int n = 0;
      for (int i = 0; i < count; i++) {
        if (steps[i] > done) {
          active[n++] = i;
        }
      }
      float[] encoded = new float[n * size];
      for (int j = 0; j < n; j++) {
        encoder.encode(extended[active[j]], history + done, encoded, j * size);
      }
      double[][] outputs = lastStepOutputs(encoded, n, networkOnly);
      for (int j = 0; j < n; j++) {
        double[] values = extended[active[j]];
        // decode reads only values before history + done, so writing the block as we go is safe
        for (int k = 0; k < horizon && history + done + k < values.length; k++) {
          values[history + done + k] = encoder.decode(values, history + done, outputs[j][k]);
        }
      }
    }
    for (int i = 0; i < count; i++) {
      result[i] = Arrays.copyOfRange(extended[i], history, extended[i].length);
    }
    return result;
  }

  /**
   * Every output at the last time step of {@code count} encoded windows: in batched network calls,
   * or, when the whole batch is less arithmetic than a network call's fixed cost (about a
   * millisecond, the time the plain-Java pass takes for some 10 million multiply-adds more than
   * the batched call), one window at a time with {@link LstmInference}.
   */
  private double[][] lastStepOutputs(float[] inputs, int count, boolean networkOnly) {
    int window = encoder.window();
    int size = inputs() * window;
    int horizon = config.horizon();
    double[][] result = new double[count][horizon];
    if (!networkOnly && inference != null
        && (double) count * multiplyAddsPerWindow() < PLAIN_JAVA_BATCH_LIMIT) {
      float[] one = new float[size];
      for (int i = 0; i < count; i++) {
        System.arraycopy(inputs, i * size, one, 0, size);
        result[i] = inference.outputs(one);
      }
      return result;
    }
    int blockSize = ForwardPassSize.windows(config);
    for (int from = 0; from < count; from += blockSize) {
      int block = Math.min(blockSize, count - from);
      float[] blockInputs = block == count ? inputs
          : Arrays.copyOfRange(inputs, from * size, (from + block) * size);
      INDArray features = Nd4j.create(blockInputs, new long[] {block, inputs(), window}, 'c');
      INDArray output;
      synchronized (network) {
        output = network.output(features);
      }
      for (int i = 0; i < block; i++) {
        for (int k = 0; k < horizon; k++) {
          result[from + i][k] = output.getDouble(i, k, window - 1);
        }
      }
    }
    return result;
  }

  /** Multiply-adds per window below which a batch runs on {@link LstmInference}. */
  private static final double PLAIN_JAVA_BATCH_LIMIT = 10e6;

  private double multiplyAddsPerWindow() {
    double total = 0;
    int width = inputs();
    for (int layer = 0; layer < config.layers(); layer++) {
      total += (double) encoder.window() * 4 * config.hidden() * (width + config.hidden());
      width = config.hidden();
    }
    return total;
  }

  /** The {@code horizon} target values from {@code end} on, from one network call. */
  private double[] decodeBlock(double[][] inputs, int end, double[] target) {
    float[] encoded = new float[inputs() * encoder.window()];
    encoder.encode(inputs, end, encoded, 0);
    double[] outputs = inference != null ? inference.outputs(encoded) : allOutputs(encoded);
    double[] values = new double[outputs.length];
    for (int k = 0; k < outputs.length; k++) {
      values[k] = encoder.decode(target, end, outputs[k]);
    }
    return values;
  }

  private double[] allOutputs(float[] inputs) {
    int window = encoder.window();
    INDArray output;
    synchronized (network) {
      output = network.output(Nd4j.create(inputs, new long[] {1, inputs(), window}, 'c'));
    }
    double[] result = new double[config.horizon()];
    for (int k = 0; k < result.length; k++) {
      result[k] = output.getDouble(0, k, window - 1);
    }
    return result;
  }

  private double[] lastSteps(float[] inputs, int count) {
    int window = encoder.window();
    int size = inputs() * window;
    double[] last = new double[count];
    int blockSize = ForwardPassSize.windows(config);
    for (int from = 0; from < count; from += blockSize) {
      int block = Math.min(blockSize, count - from);
      float[] blockInputs = block == count ? inputs
          : Arrays.copyOfRange(inputs, from * size, (from + block) * size);
      INDArray features = Nd4j.create(blockInputs, new long[] {block, inputs(), window}, 'c');
      INDArray output;
      synchronized (network) {
        output = network.output(features);
      }
      for (int i = 0; i < block; i++) {
        last[from + i] = output.getDouble(i, 0, window - 1);
      }
    }
    return last;
  }
}
