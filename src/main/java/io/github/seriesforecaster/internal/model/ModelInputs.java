package io.github.seriesforecaster.internal.model;

import io.github.seriesforecaster.Checks;
import io.github.seriesforecaster.ForecastIntervals;
import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.SeriesFormatException;
import io.github.seriesforecaster.SeriesFrame;
import io.github.seriesforecaster.TimedValue;
import io.github.seriesforecaster.internal.data.SeriesData;
import io.github.seriesforecaster.internal.data.TimeStep;
import io.github.seriesforecaster.internal.data.TransformCodec;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Input checked against a fitted model before it predicts: the history's length and values, the
 * columns a frame must hold, the steps a model with features can forecast. {@code FittedModel}
 * itself takes validated input; the facade calls these with the user's arguments, and the messages
 * name the argument, the rule and the actual value.
 */
public final class ModelInputs {
  private ModelInputs() {}

  /**
   * @param model the fitted model
   * @return {@code model}, if it reads the target alone
   * @throws IllegalArgumentException if it reads feature columns too, so a series is not enough
   */
  public static FittedModel univariate(FittedModel model) {
    if (model.inputs() > 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "this model reads %d input columns %s per time step, not one series; pass a "
              + "SeriesFrame with those columns (e.g. from readFrame(csv))",
          model.inputs(), model.data().inputColumns()));
    }
    return model;
  }

  /**
   * @param model the fitted model
   * @param steps values to forecast
   * @throws IllegalArgumentException if {@code steps < 1}, or more than a model with features
   *     forecasts at once
   */
  public static void checkSteps(FittedModel model, int steps) {
    Checks.atLeast(1, steps, "steps");
    if (steps > model.maximumSteps()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "steps must be <= %d for this model, was %d: it reads feature columns %s whose future "
              + "values it does not know, so it forecasts at most horizon=%d steps at once; "
              + "train with a larger horizon(...)", model.maximumSteps(), steps,
          model.data().features(), model.config().horizon()));
    }
  }

  /**
   * @param model the fitted model
   * @param frame the user's frame
   * @return the model's input columns taken from the frame by name (a one-column frame for a
   *     model without features by position), each checked like a history
   * @throws IllegalArgumentException if a column is missing, too short or not finite where used
   */
  public static double[][] inputsOf(FittedModel model, SeriesFrame frame) {
    Objects.requireNonNull(frame, "frame");
    List<String> names = model.data().inputColumns();
    double[][] inputs = new double[names.size()][];
    if (names.size() == 1 && frame.columns().size() == 1) {
      // one series: its name need not match the training column's
      inputs[0] = frame.column(frame.columns().get(0));
    } else {
      List<String> absent = new ArrayList<>();
      for (int c = 0; c < names.size(); c++) {
        if (frame.hasColumn(names.get(c))) {
          inputs[c] = frame.column(names.get(c));
        } else {
          absent.add(names.get(c));
        }
      }
      if (!absent.isEmpty()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "frame has no column %s; this model reads %d input columns %s per time step and the "
                + "frame has %s", absent, names.size(), names, frame.columns()));
      }
    }
    checkInputs(model, inputs, names);
    return inputs;
  }

  /**
   * @param model the fitted model
   * @param inputs its input columns, the target first
   * @param names their names, for messages
   * @throws IllegalArgumentException if a column is too short or not usable where used
   */
  public static void checkInputs(FittedModel model, double[][] inputs, List<String> names) {
    for (int c = 0; c < inputs.length; c++) {
      checkHistory(model, inputs[c], inputs.length == 1 ? "series" : "column '" + names.get(c)
          + "'", c == 0 ? model.encoder().codec() : model.encoder().featureCodec());
    }
  }

  /**
   * @param model the fitted model
   * @param series the target's history
   * @param name the argument's name, for messages
   * @throws IllegalArgumentException if it is too short or not usable where used
   */
  public static void checkHistory(FittedModel model, double[] series, String name) {
    checkHistory(model, series, name, model.encoder().codec());
  }

  private static void checkHistory(FittedModel model, double[] series, String name,
      TransformCodec codec) {
    Objects.requireNonNull(series, name);
    ForecasterConfig config = model.config();
    int needed = config.minimumHistory();
    if (series.length < needed) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s has %d values but window=%d with transform %s needs at least %d; "
              + "pass a longer history",
          name, series.length, config.window(), config.transform(), needed));
    }
    int from = series.length - needed;
    Checks.finite(series, from, name);
    try {
      codec.checkSeries(series, from, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " ends with values the transform cannot use: "
          + e.getMessage(), e);
    }
  }

  /**
   * Forecasts after the last row of timestamped data, each value stamped with its time: the last
   * row's time plus 1, 2, ... steps (see {@link TimeStep#resolve}).
   *
   * @param model the fitted model
   * @param data columns read with their date column
   * @param steps values to forecast, at least 1
   * @return the forecasts with their timestamps
   * @throws SeriesFormatException if the data is shorter than the model's history
   * @throws IllegalArgumentException if a column is unusable or {@code steps} out of range
   */
  public static List<TimedValue> forecastAfter(FittedModel model, SeriesData data, int steps) {
    ForecasterConfig config = model.config();
    if (data.length() < config.minimumHistory()) {
      throw new SeriesFormatException(String.format(Locale.ROOT,
          "%s has %d values but window=%d with transform %s needs at least %d",
          data.source(), data.length(), config.window(), config.transform(),
          config.minimumHistory()));
    }
    LocalDateTime[] times = data.times();
    TimeStep step = TimeStep.parse(
        TimeStep.resolve(config.frequency(), model.data().timeStep(), times));
    double[][] inputs = data.inputs();
    checkInputs(model, inputs, data.inputColumns());
    checkSteps(model, steps);
    double[] forecast = model.forecastInputs(inputs, steps);
    List<TimedValue> result = new ArrayList<>(steps);
    LocalDateTime last = times[times.length - 1];
    for (int h = 0; h < steps; h++) {
      result.add(new TimedValue(step.after(last, h + 1), forecast[h]));
    }
    return result;
  }

  /**
   * @param model the fitted model
   * @param inputs checked input columns
   * @param steps values to forecast, checked
   * @param levels coverage levels, checked
   * @return point forecasts with the bounds the model's validation errors give
   * @throws IllegalStateException if the model was fitted without a validation part
   */
  public static ForecastIntervals intervals(FittedModel model, double[][] inputs, int steps,
      double[] levels) {
    ForecastErrors errors = model.errors();
    if (errors == null) {
      throw new IllegalStateException("this model has no validation errors to build intervals "
          + "from; fit with validationFraction > 0");
    }
    return IntervalCalibration.intervals(model, model.forecastInputs(inputs, steps), inputs,
        levels);
  }
}
