package io.github.seriesforecaster.io;

import io.github.seriesforecaster.ModelFormatException;
import io.github.seriesforecaster.model.ForecastErrors;
import java.io.IOException;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/** {@code forecast-errors.json}: the validation forecast errors per horizon step. */
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
    return root.toString();
  }

  static ForecastErrors read(String json, String file) {
    try {
      JsonNode steps = JSON.readTree(json).get("absoluteErrorsByStep");
      if (steps == null || !steps.isArray() || steps.size() == 0) {
        throw new ModelFormatException(file + ": forecast-errors.json has no 'absoluteErrorsByStep'");
      }
      double[][] byStep = new double[steps.size()][];
      for (int h = 0; h < steps.size(); h++) {
        JsonNode values = steps.get(h);
        byStep[h] = new double[values.size()];
        for (int i = 0; i < values.size(); i++) {
          if (!values.get(i).isNumber() || !(values.get(i).doubleValue() >= 0)) {
            throw new ModelFormatException(file + ": forecast-errors.json step " + (h + 1)
                + " holds " + values.get(i) + ", expected a non-negative number");
          }
          byStep[h][i] = values.get(i).doubleValue();
        }
      }
      return new ForecastErrors(byStep);
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFormatException(file + ": forecast-errors.json cannot be read: "
          + e.getMessage(), e);
    }
  }
}
