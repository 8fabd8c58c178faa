package io.github.seriesforecaster.internal.model;

/**
 * What {@link ForecastErrors#measure} needs of a model: multi-step forecasts from input columns.
 * {@link FittedModel} is one; the interface keeps the errors independent of the model that made
 * them, so the model can hold its errors without the two classes referring to each other.
 */
public interface MultiStepForecaster {
  /** @return input rows a forecast reads: its last {@code minimumHistory()} rows */
  int minimumHistory();

  /** @return the most steps one call of {@link #forecastInputs} makes */
  int maximumSteps();

  /**
   * @param inputs the input columns, the target first, all of the same length
   * @param steps values to forecast, at most {@link #maximumSteps()}
   * @return {@code steps} target values after the last row, in original units
   */
  double[] forecastInputs(double[][] inputs, int steps);

  /**
   * Forecasts from many histories at once; the same values as {@link #forecastInputs} on each.
   *
   * @param histories input columns per origin, each as {@link #forecastInputs} takes them
   * @param steps values to forecast per origin, each at most {@link #maximumSteps()}
   * @return the forecasts per origin
   */
  default double[][] forecastEach(double[][][] histories, int[] steps) {
    double[][] result = new double[histories.length][];
    for (int i = 0; i < histories.length; i++) {
      result[i] = forecastInputs(histories[i], steps[i]);
    }
    return result;
  }

  /**
   * Forecasts from many histories at once, choosing how the network is run.
   *
   * @param histories input columns per origin, each as {@link #forecastInputs} takes them
   * @param steps values to forecast per origin, each at most {@link #maximumSteps()}
   * @param networkAlways true to use batched network calls whatever the network's size, false to
   *     let the model choose the cheaper way; both give the same values within float rounding
   * @return the forecasts per origin
   */
  default double[][] forecastEach(double[][][] histories, int[] steps, boolean networkAlways) {
    return forecastEach(histories, steps);
  }

  /**
   * Recursive forecasts from origins of one series, each reading only the values before its
   * origin: the same values as {@link #forecastEach} on the last {@link #minimumHistory()} rows
   * before each origin.
   *
   * @param inputs the whole input columns, the target first
   * @param origins index of the first forecast value per origin, each at least
   *     {@link #minimumHistory()}
   * @param steps values to forecast per origin, each at most {@link #maximumSteps()}
   * @param networkAlways as for {@link #forecastEach(double[][][], int[], boolean)}
   * @return the forecasts per origin
   */
  default double[][] forecastFromOrigins(double[][] inputs, int[] origins, int[] steps,
      boolean networkAlways) {
    double[][][] histories = new double[origins.length][inputs.length][];
    for (int i = 0; i < origins.length; i++) {
      // a forecast reads only the last minimumHistory rows; copying just those keeps this linear
      int from = Math.max(0, origins[i] - minimumHistory());
      for (int c = 0; c < inputs.length; c++) {
        histories[i][c] = java.util.Arrays.copyOfRange(inputs[c], from, origins[i]);
      }
    }
    return forecastEach(histories, steps, networkAlways);
  }
}
