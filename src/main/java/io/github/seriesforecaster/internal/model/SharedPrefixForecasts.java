package io.github.seriesforecaster.internal.model;

import io.github.seriesforecaster.internal.data.WindowEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recursive forecasts from many origins of one series (the validation forecasts behind the
 * interval calibration) with less arithmetic than one window per origin and step.
 *
 * <p>Every window starts from a zero LSTM state, so windows cannot simply continue one another. But
 * the window of origin {@code o} at step {@code h} (the {@code h}-th forecast, read from positions
 * {@code o + h - window .. o + h - 1}) begins with {@code window - h} true values, and the windows
 * of other origins that start at the same position begin with the same true values. So the
 * network first runs once over the true values from every start position needed ("the chain",
 * {@code window} steps from a zero state), keeping the state after each prefix length some window
 * needs; the window of origin {@code o} at step {@code h} then only runs its {@code h} forecast
 * positions from the chain's state after its {@code window - h} true ones. The arithmetic is that of
 * the full window, step by step (an LSTM's state after a prefix depends on the prefix alone);
 * only the batch each step is computed in differs, so the results equal
 * {@link BatchedForecasts} within float rounding. For window 30 and 24 steps from consecutive
 * origins that is 2.3 times fewer time steps (30 chain steps plus 0 + 1 + ... + 23 forecast steps
 * per origin, instead of 24 windows of 30). Only for a model without features; blocks of
 * {@code horizon} outputs advance as in {@link BatchedForecasts}.
 */
final class SharedPrefixForecasts {
  private final WindowEncoder encoder;
  private final NetworkOutputs outputs;
  private final MultiLayerNetwork network;
  private final int window;
  private final int history;
  private final int horizon;
  private final int lstmLayers;

  private SharedPrefixForecasts(WindowEncoder encoder, NetworkOutputs outputs) {
    this.encoder = encoder;
    this.outputs = outputs;
    this.network = outputs.network();
    this.window = encoder.window();
    this.history = encoder.minimumHistory();
    this.horizon = outputs.config().horizon();
    this.lstmLayers = network.getnLayers() - 1;
  }

  /**
   * @param encoder the model's encoder, without features
   * @param outputs the model's network, LSTM layers and an output layer
   * @param series the target; the forecasts from {@code origins[i]} read only values before it
   * @param origins forecast origins, each at least {@code minimumHistory()}
   * @param steps per origin how many values to forecast
   * @return per origin its {@code steps[i]} forecasts
   */
  static double[][] forecast(WindowEncoder encoder, NetworkOutputs outputs, double[] series,
      int[] origins, int[] steps) {
    SharedPrefixForecasts forecasts = new SharedPrefixForecasts(encoder, outputs);
    double[][] result = new double[origins.length][];
    // cut the origins into groups whose chains fit one forward pass
    int limit = ForwardPassSize.windows(outputs.config());
    int from = 0;
    while (from < origins.length) {
      Set<Integer> starts = new HashSet<>();
      int to = from;
      while (to < origins.length) {
        List<Integer> added = new ArrayList<>();
        for (int done = 0; done < Math.min(steps[to], forecasts.window);
            done += forecasts.horizon) {
          int start = origins[to] + done - forecasts.window;
          if (starts.add(start)) {
            added.add(start);
          }
        }
        if (to > from && starts.size() > limit) {
          starts.removeAll(added);
          break;
        }
        to++;
      }
      double[][] group = forecasts.group(series, Arrays.copyOfRange(origins, from, to),
          Arrays.copyOfRange(steps, from, to));
      System.arraycopy(group, 0, result, from, to - from);
      from = to;
    }
    return result;
  }

  private double[][] group(double[] series, int[] origins, int[] steps) {
    int count = origins.length;
    int longest = Arrays.stream(steps).max().orElse(0);
    double[][] extended = new double[count][];
    for (int i = 0; i < count; i++) {
      extended[i] = new double[history + steps[i]];
      System.arraycopy(series, origins[i] - history, extended[i], 0, history);
    }
    // chain start positions, in first-use order, and their rows
    Map<Integer, Integer> startRows = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      for (int done = 0; done < Math.min(steps[i], window); done += horizon) {
        startRows.putIfAbsent(origins[i] + done - window, startRows.size());
      }
    }
    // per origin and block with a true prefix: the chain state after it, [layer][h or c][unit]
    float[][][][][] prefixStates = new float[count][][][][];
    synchronized (network) {
      try {
        double[][] firstBlock =
            chain(series, origins, steps, startRows, prefixStates);
        for (int i = 0; i < count; i++) {
          if (steps[i] > 0) {
            BatchedForecasts.fill(encoder, extended[i], history, firstBlock[i], horizon);
          }
        }
        int[] active = new int[count];
        for (int done = horizon; done < longest; done += horizon) {
          int n = 0;
          for (int i = 0; i < count; i++) {
            if (steps[i] > done) {
              active[n++] = i;
            }
          }
          double[][] block = done < window
              ? fromPrefixes(extended, active, n, done, prefixStates)
              : fullWindows(extended, active, n, done);
          for (int j = 0; j < n; j++) {
            BatchedForecasts.fill(encoder, extended[active[j]], history + done, block[j], horizon);
          }
        }
      } finally {
        network.rnnClearPreviousState();
      }
    }
    double[][] result = new double[count][];
    for (int i = 0; i < count; i++) {
      result[i] = Arrays.copyOfRange(extended[i], history, extended[i].length);
    }
    return result;
  }

  /**
   * Runs the network over the true values from every start, keeping the states the blocks need.
   *
   * @return per origin the outputs of its first block (a window of true values only), or null
   *     for an origin without steps
   */
  private double[][] chain(double[] series, int[] origins, int[] steps,
      Map<Integer, Integer> startRows, float[][][][][] prefixStates) {
    int starts = startRows.size();
    // the series padded with its last value: a chain may run past the end, but the states read
    // are those of prefixes ending before an origin
    int maxEnd = 0;
    for (int start : startRows.keySet()) {
      maxEnd = Math.max(maxEnd, start + window);
    }
    double[] padded = Arrays.copyOf(series, Math.max(series.length, maxEnd));
    Arrays.fill(padded, series.length, padded.length, series[series.length - 1]);
    float[] encoded = new float[starts * window];
    for (Map.Entry<Integer, Integer> entry : startRows.entrySet()) {
      encoder.encode(padded, entry.getKey() + window, encoded, entry.getValue() * window);
    }
    // prefix lengths in increasing order: window - done for every block with a true prefix
    int[] lengths = new int[(window - 1) / horizon + 1];
    int at = 0;
    for (int done = 0; done < window; done += horizon) {
      lengths[at++] = window - done;
    }
    Arrays.sort(lengths);
    double[][] firstBlock = new double[origins.length][];
    network.rnnClearPreviousState();
    int previous = 0;
    for (int length : lengths) {
      INDArray out = network.rnnTimeStep(segment(encoded, starts, previous, length));
      previous = length;
      int done = window - length;
      float[][][] states = done == 0 ? null : states();
      for (int i = 0; i < origins.length; i++) {
        if (steps[i] <= done) {
          continue;
        }
        int row = startRows.get(origins[i] + done - window);
        if (done == 0) {
          firstBlock[i] = lastOutputs(out, row);
        } else {
          float[][][] state = new float[lstmLayers][2][];
          for (int l = 0; l < lstmLayers; l++) {
            for (int s = 0; s < 2; s++) {
              int units = states[l][s].length / starts;
              state[l][s] = new float[units];
              for (int u = 0; u < units; u++) {
                state[l][s][u] = states[l][s][u * starts + row];
              }
            }
          }
          if (prefixStates[i] == null) {
            prefixStates[i] = new float[window / horizon + 1][][][];
          }
          prefixStates[i][done / horizon] = state;
        }
      }
    }
    return firstBlock;
  }

  /** @return the outputs of the block {@code done} of the active origins, from their prefixes */
  private double[][] fromPrefixes(double[][] extended, int[] active, int n, int done,
      float[][][][][] prefixStates) {
    DataType type = network.params().dataType();
    network.rnnClearPreviousState();
    float[][][][] prefixes = new float[n][][][];
    for (int j = 0; j < n; j++) {
      prefixes[j] = prefixStates[active[j]][done / horizon];
      prefixStates[active[j]][done / horizon] = null;
    }
    for (int l = 0; l < lstmLayers; l++) {
      int units = prefixes[0][l][0].length;
      Map<String, INDArray> state = new HashMap<>();
      for (int s = 0; s < 2; s++) {
        float[] rows = new float[n * units];
        for (int j = 0; j < n; j++) {
          System.arraycopy(prefixes[j][l][s], 0, rows, j * units, units);
        }
        state.put(s == 0 ? LSTM.STATE_KEY_PREV_ACTIVATION : LSTM.STATE_KEY_PREV_MEMCELL,
            Nd4j.create(rows, new long[] {n, units}, 'c').castTo(type));
      }
      network.rnnSetPreviousState(l, state);
    }
    float[] encoded = new float[n * done];
    float[] one = new float[window];
    for (int j = 0; j < n; j++) {
      encoder.encode(extended[active[j]], history + done, one, 0);
      System.arraycopy(one, window - done, encoded, j * done, done);
    }
    INDArray out = network.rnnTimeStep(Nd4j.create(encoded, new long[] {n, 1, done}, 'c')
        .castTo(type));
    network.rnnClearPreviousState();
    double[][] result = new double[n][];
    for (int j = 0; j < n; j++) {
      result[j] = lastOutputs(out, j);
    }
    return result;
  }

  /** @return the outputs of the block {@code done} of the active origins: no true prefix left */
  private double[][] fullWindows(double[][] extended, int[] active, int n, int done) {
    float[] encoded = new float[n * window];
    for (int j = 0; j < n; j++) {
      encoder.encode(extended[active[j]], history + done, encoded, j * window);
    }
    return outputs.lastStep(encoded, n, true);
  }

  /** @return time steps {@code from .. to} of every chain, as network input */
  private INDArray segment(float[] encoded, int starts, int from, int to) {
    int length = to - from;
    float[] part = new float[starts * length];
    for (int s = 0; s < starts; s++) {
      System.arraycopy(encoded, s * window + from, part, s * length, length);
    }
    return Nd4j.create(part, new long[] {starts, 1, length}, 'c')
        .castTo(network.params().dataType());
  }

  /**
   * @return per LSTM layer its hidden and cell state, each {@code [units][starts]} (the f-order
   *     {@code [starts, units]} arrays the layers keep)
   */
  private float[][][] states() {
    float[][][] result = new float[lstmLayers][2][];
    for (int l = 0; l < lstmLayers; l++) {
      Map<String, INDArray> state = network.rnnGetPreviousState(l);
      result[l][0] = columnMajor(state.get(LSTM.STATE_KEY_PREV_ACTIVATION));
      result[l][1] = columnMajor(state.get(LSTM.STATE_KEY_PREV_MEMCELL));
    }
    return result;
  }

  private static float[] columnMajor(INDArray state) {
    INDArray f = state.ordering() == 'f' && state.length() == state.data().length()
        ? state : state.dup('f');
    return f.data().asFloat();
  }

  /** @return every output at the last time step of row {@code row} of a network output */
  private double[] lastOutputs(INDArray out, int row) {
    double[] result = new double[horizon];
    for (int k = 0; k < horizon; k++) {
      result[k] = out.rank() == 2 ? out.getDouble(row, k) : out.getDouble(row, k, out.size(2) - 1);
    }
    return result;
  }
}
