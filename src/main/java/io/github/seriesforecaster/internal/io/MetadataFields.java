package io.github.seriesforecaster.internal.io;

import io.github.seriesforecaster.ModelFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Typed access to the fields of a model file's {@code metadata.json}, with messages that name the
 * file and the missing or malformed path ({@code config.hidden}).
 *
 * @param node the JSON object read
 * @param file the model file's name, for messages
 * @param prefix the path of {@code node} in messages, empty or ending in a dot
 */
public record MetadataFields(JsonNode node, String file, String prefix) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param json the text of {@code metadata.json}
   * @param file the model file's name, for messages
   * @return the fields of its top-level object
   * @throws ModelFormatException if the text is not a JSON object
   */
  public static MetadataFields parse(String json, String file) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new ModelFormatException(file + ": metadata.json is not valid JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new ModelFormatException(file + ": metadata.json is not a JSON object");
    }
    return new MetadataFields(root, file, "");
  }

  /**
   * @param name a field of this object
   * @return its value
   * @throws ModelFormatException if it is absent or null
   */
  public JsonNode required(String name) {
    return field(name, false);
  }

  private JsonNode field(String name, boolean nullable) {
    JsonNode value = node.get(name);
    if (value == null || (!nullable && value.isNull())) {
      throw new ModelFormatException(file + ": metadata.json has no '" + prefix + name + "'");
    }
    return value;
  }

  /**
   * @param name a field holding an object
   * @return the fields of that object, named {@code name.field} in messages
   */
  public MetadataFields object(String name) {
    JsonNode value = field(name, false);
    if (!value.isObject()) {
      throw new ModelFormatException(file + ": metadata.json '" + prefix + name
          + "' is not an object");
    }
    return new MetadataFields(value, file, prefix + name + ".");
  }

  /** A required field of one JSON type, read by {@code read} if {@code accepts} it. */
  private <T> T typed(String name, Predicate<JsonNode> accepts, String expected,
      Function<JsonNode, T> read) {
    JsonNode value = field(name, false);
    if (!accepts.test(value)) {
      throw wrongType(name, expected, value);
    }
    return read.apply(value);
  }

  /** @return the required integer field {@code name} */
  public int integer(String name) {
    return typed(name, value -> value.canConvertToInt() && value.isIntegralNumber(),
        "an integer", JsonNode::intValue);
  }

  /** An optional integer: absent (files from before the field existed) gives the default. */
  int integerOr(String name, int absent) {
    return node.get(name) == null ? absent : integer(name);
  }

  long longInteger(String name) {
    return typed(name, value -> value.canConvertToLong() && value.isIntegralNumber(),
        "an integer", JsonNode::longValue);
  }

  double decimal(String name) {
    return typed(name, JsonNode::isNumber, "a number", JsonNode::doubleValue);
  }

  boolean bool(String name) {
    return typed(name, JsonNode::isBoolean, "true or false", JsonNode::booleanValue);
  }

  /** @return the required string field {@code name} */
  public String text(String name) {
    return typed(name, JsonNode::isTextual, "a string", JsonNode::textValue);
  }

  /** An optional string: absent (as in files from before the field existed) or null is null. */
  String textOrNull(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : text(name);
  }

  /** An optional array of strings: absent (format 1) is empty. */
  List<String> texts(String name) {
    return list(name, JsonNode::isTextual, "an array of strings", JsonNode::textValue);
  }

  /** An optional array of integers: absent (format 1) is empty. */
  List<Integer> integers(String name) {
    return list(name, element -> element.isIntegralNumber() && element.canConvertToInt(),
        "an array of integers", JsonNode::intValue);
  }

  private <T> List<T> list(String name, Predicate<JsonNode> accepts, String expected,
      Function<JsonNode, T> read) {
    JsonNode value = node.get(name);
    List<T> result = new ArrayList<>();
    if (value == null) {
      return result;
    }
    if (!value.isArray()) {
      throw wrongType(name, "an array", value);
    }
    for (JsonNode element : value) {
      if (!accepts.test(element)) {
        throw wrongType(name, expected, value);
      }
      result.add(read.apply(element));
    }
    return result;
  }

  char character(String name) {
    String value = text(name);
    if (value.length() != 1) {
      throw wrongType(name, "one character", node.get(name));
    }
    return value.charAt(0);
  }

  /** An optional enum: absent (format 1) gives the default. */
  <E extends Enum<E>> E enumValueOr(String name, Class<E> type, E absent) {
    return node.get(name) == null ? absent : enumValue(name, type);
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String value = text(name);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": metadata.json '" + prefix + name + "' is '"
          + value + "', expected one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  private ModelFormatException wrongType(String name, String expected, JsonNode value) {
    return new ModelFormatException(file + ": metadata.json '" + prefix + name + "' is "
        + value + ", expected " + expected);
  }
}
