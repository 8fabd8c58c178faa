package io.github.seriesforecaster.internal.io;

import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.internal.intervals.ScaledErrors;
import io.github.seriesforecaster.internal.intervals.VolatilityScale;
import io.github.seriesforecaster.internal.model.ForecastErrors;
import java.io.IOException;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * {@code forecast-errors.json}: the validation forecast errors per horizon step and, from the
 * release with adaptive intervals on, the same errors scaled by the volatility at their origins
 * (key {@code scaled}; files without it load with fixed-width intervals, and earlier releases
 * ignore it).
 */
final class ErrorsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorsJson() {}

  static String write(ForecastErrors errors) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode steps = root.putArray("absoluteErrorsByStep");
    for (int step = 1; step <= errors.steps(); step++) {
      ArrayNode values = steps.addArray();
      for (double value : errors.errors(step)) {
        values.add((float) value); // the values are floats already; this writes them short
      }
    }
    ScaledErrors scaled = errors.scaled();
    if (scaled != null) {
      ObjectNode node = root.putObject("scaled");
      node.put("volatility", "ewmaAbsoluteChange");
      node.put("halfLife", scaled.volatility().halfLife());
      node.put("typicalScale", scaled.typicalScale());
      ArrayNode scores = node.putArray("scoresByStep");
      for (int step = 1; step <= scaled.steps(); step++) {
        ArrayNode values = scores.addArray();
        for (double value : scaled.scores(step)) {
          values.add((float) value);
        }
      }
    }
    return root.toString();
  }

  static ForecastErrors read(String json, String file) {
    try {
      JsonNode root = JSON.readTree(json);
      JsonNode steps = root.get("absoluteErrorsByStep");
      if (steps == null || !steps.isArray() || steps.size() == 0) {
        throw new ModelFormatException(file + ": forecast-errors.json has no 'absoluteErrorsByStep'");
      }
      double[][] byStep = new double[steps.size()][];
      for (int h = 0; h < steps.size(); h++) {
        JsonNode values = steps.get(h);
        if (!values.isArray()) {
          throw new ModelFormatException(file + ": forecast-errors.json step " + (h + 1)
              + " is " + values.getNodeType() + ", expected an array of numbers");
        }
        byStep[h] = new double[values.size()];
        for (int i = 0; i < values.size(); i++) {
          if (!values.get(i).isNumber() || !(values.get(i).doubleValue() >= 0)) {
            throw new ModelFormatException(file + ": forecast-errors.json step " + (h + 1)
                + " holds " + values.get(i) + ", expected a non-negative number");
          }
          byStep[h][i] = values.get(i).doubleValue();
        }
      }
      ForecastErrors errors = new ForecastErrors(byStep);
      JsonNode scaled = root.get("scaled");
      return scaled == null ? errors : errors.withScaled(readScaled(scaled, file));
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFormatException(file + ": forecast-errors.json cannot be read: "
          + e.getMessage(), e);
    }
  }

  private static ScaledErrors readScaled(JsonNode node, String file) {
    String kind = node.path("volatility").asText();
    if (!kind.equals("ewmaAbsoluteChange")) {
      throw new ModelFormatException(file + ": forecast-errors.json has volatility '" + kind
          + "'; this release reads 'ewmaAbsoluteChange'");
    }
    JsonNode halfLife = node.get("halfLife");
    JsonNode typical = node.get("typicalScale");
    JsonNode steps = node.get("scoresByStep");
    if (halfLife == null || !halfLife.isInt() || typical == null || !typical.isNumber()
        || steps == null || !steps.isArray() || steps.size() == 0) {
      throw new ModelFormatException(file + ": forecast-errors.json 'scaled' needs an integer "
          + "'halfLife', a number 'typicalScale' and a non-empty 'scoresByStep'");
    }
    double[][] byStep = new double[steps.size()][];
    for (int h = 0; h < steps.size(); h++) {
      JsonNode values = steps.get(h);
      byStep[h] = new double[values.size()];
      for (int i = 0; i < values.size(); i++) {
        if (!values.get(i).isNumber()) {
          throw new ModelFormatException(file + ": forecast-errors.json scaled step " + (h + 1)
              + " holds " + values.get(i) + ", expected a non-negative number");
        }
        byStep[h][i] = values.get(i).doubleValue();
      }
    }
    return new ScaledErrors(new VolatilityScale(halfLife.intValue()), typical.doubleValue(), byStep);
  }
}
