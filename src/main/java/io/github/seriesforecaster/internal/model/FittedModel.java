package io.github.seriesforecaster.internal.model;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.internal.data.WindowEncoder;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A trained network with everything needed to predict in original units: the configuration, the
 * transform and fitted scaler, and where the training data came from.
 *
 * <p>Never changed after construction, so a forecaster swaps one in atomically. Single predictions
 * and forecasts run on {@link LstmInference}, which shares no mutable state; batched predictions
 * use the DL4J network, which is not thread-safe, so those calls are serialised on it (both in
 * {@link NetworkOutputs}). Forecasts of many histories are {@link BatchedForecasts}, those from
 * many origins of one series {@link SharedPrefixForecasts}.
 *
 * <p>Methods here take validated input: {@code SeriesForecaster} checks lengths and values first.
 */
public final class FittedModel implements MultiStepForecaster {
  private final ForecasterConfig config;
  private final MultiLayerNetwork network;
  private final WindowEncoder encoder;
  private final TrainingData data;
  private final Instant trainedAt;
  private final NetworkOutputs outputs;
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
    this(config, network, encoder, data, trainedAt, errors, null);
  }

  /** @param outputs the network's outputs, shared with a model of the same network, or null */
  private FittedModel(ForecasterConfig config, MultiLayerNetwork network, WindowEncoder encoder,
      TrainingData data, Instant trainedAt, ForecastErrors errors, NetworkOutputs outputs) {
    this.config = Objects.requireNonNull(config, "config");
    this.network = Objects.requireNonNull(network, "network");
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.data = Objects.requireNonNull(data, "data");
    this.trainedAt = Objects.requireNonNull(trainedAt, "trainedAt");
    this.outputs = outputs != null && outputs.network() == network ? outputs
        : new NetworkOutputs(config, network, encoder.window(), encoder.inputs());
    this.errors = errors;
  }

  /** @return validation forecast errors for prediction intervals, or {@code null} */
  public ForecastErrors errors() {
    return errors;
  }

  /** @return this model with validation forecast errors for intervals */
  public FittedModel withErrors(ForecastErrors measured) {
    return new FittedModel(config, network, encoder, data, trainedAt, measured, outputs);
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
    return encoder.decode(inputs[0], end, outputs.one(encoded)[0]);
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
    double[] values = outputs.firstOutputs(inputs, histories.length);
    double[] result = new double[histories.length];
    for (int i = 0; i < histories.length; i++) {
      result[i] = encoder.decode(histories[i], histories[i].length, values[i]);
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
    return outputs.firstOutputs(encoded, count);
  }

  /** @return this model with another encoder (the same network) */
  public FittedModel withEncoder(WindowEncoder other) {
    return new FittedModel(config, network, other, data, trainedAt, errors, outputs);
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
    checkSteps(histories.length, steps);
    return BatchedForecasts.forecast(encoder, outputs, histories, steps, networkOnly);
  }

  /**
   * Recursive forecasts from origins of one series, as {@link #forecastEach} from the values
   * before each origin; without features and when the batched network call is the cheaper way,
   * with the LSTM state of the true values the windows of neighbouring origins share computed
   * once ({@link SharedPrefixForecasts}).
   */
  @Override
  public double[][] forecastFromOrigins(double[][] inputs, int[] origins, int[] steps,
      boolean networkOnly) {
    checkSteps(origins.length, steps);
    if (inputs() == 1 && outputs.hasStandardShape()
        && (networkOnly || !outputs.plainJavaFor(origins.length))) {
      return SharedPrefixForecasts.forecast(encoder, outputs, inputs[0], origins, steps);
    }
    return MultiStepForecaster.super.forecastFromOrigins(inputs, origins, steps, networkOnly);
  }

  private void checkSteps(int count, int[] steps) {
    if (steps.length != count) {
      throw new IllegalArgumentException(
          count + " histories but " + steps.length + " step counts");
    }
    for (int s : steps) {
      if (s > maximumSteps()) {
        throw new IllegalArgumentException(s + " steps is more than this model's "
            + maximumSteps() + "-step horizon");
      }
    }
  }

  /** The {@code horizon} target values from {@code end} on, from one network call. */
  private double[] decodeBlock(double[][] inputs, int end, double[] target) {
    float[] encoded = new float[inputs() * encoder.window()];
    encoder.encode(inputs, end, encoded, 0);
    double[] raw = outputs.one(encoded);
    double[] values = new double[raw.length];
    for (int k = 0; k < raw.length; k++) {
      values[k] = encoder.decode(target, end, raw[k]);
    }
    return values;
  }
}
