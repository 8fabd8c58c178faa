package io.github.seriesforecaster.internal.model;

import io.github.seriesforecaster.internal.data.WindowEncoder;
import java.util.Arrays;

/**
 * The recursive forecasts of many histories at once ({@link FittedModel#forecastEach}): each
 * network call takes the windows of every history still forecasting at that point, so the
 * forecasts of all histories advance together, one step (one {@code horizon} block) per call.
 */
final class BatchedForecasts {
  private BatchedForecasts() {}

  /**
   * @param encoder the model's encoder
   * @param outputs the model's network
   * @param histories per history its input columns, the target first, all of the same length and
   *     at least {@code minimumHistory()} long
   * @param steps per history how many values to forecast (checked by the caller)
   * @param networkOnly true to use the batched network call whatever the network's size
   * @return per history its {@code steps[i]} forecasts
   */
  static double[][] forecast(WindowEncoder encoder, NetworkOutputs outputs,
      double[][][] histories, int[] steps, boolean networkOnly) {
    int count = histories.length;
    double[][] result = new double[count][];
    int size = encoder.inputs() * encoder.window();
    if (encoder.inputs() > 1) {
      // later steps would need future feature values: one block of horizon outputs per history
      float[] encoded = new float[count * size];
      for (int i = 0; i < count; i++) {
        encoder.encode(histories[i], histories[i][0].length, encoded, i * size);
      }
      double[][] values = outputs.lastStep(encoded, count, networkOnly);
      for (int i = 0; i < count; i++) {
        double[] target = histories[i][0];
        result[i] = new double[steps[i]];
        for (int k = 0; k < steps[i]; k++) {
          result[i][k] = encoder.decode(target, target.length, values[i][k]);
        }
      }
      return result;
    }
    int longest = Arrays.stream(steps).max().orElse(0);
    int history = encoder.minimumHistory();
    int horizon = outputs.config().horizon();
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
      double[][] values = outputs.lastStep(encoded, n, networkOnly);
      for (int j = 0; j < n; j++) {
        fill(encoder, extended[active[j]], history + done, values[j], horizon);
      }
    }
    for (int i = 0; i < count; i++) {
      result[i] = Arrays.copyOfRange(extended[i], history, extended[i].length);
    }
    return result;
  }

  /**
   * Writes the decoded block of {@code horizon} outputs into {@code values} from {@code end} on
   * (as far as {@code values} reaches); decode reads only values before {@code end}, so writing
   * the block as it goes is safe.
   */
  static void fill(WindowEncoder encoder, double[] values, int end, double[] outputs,
      int horizon) {
    for (int k = 0; k < horizon && end + k < values.length; k++) {
      values[end + k] = encoder.decode(values, end, outputs[k]);
    }
  }
}
