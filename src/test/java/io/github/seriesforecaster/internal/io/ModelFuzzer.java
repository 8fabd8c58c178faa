package io.github.seriesforecaster.internal.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.JsonNodeFactory;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * Seeded mutations of the golden model files: each case is a function of its seed alone, so a
 * failing case can be rerun from the seed the test reports.
 */
final class ModelFuzzer {
  /** One mutated model file. */
  record Case(long seed, String description, byte[] zip) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] KINDS = {
      "raw bit flips", "raw truncation", "entry removed", "entry duplicated",
      "entry swapped with the other model's", "entries reordered", "entry bit flips",
      "entry truncated", "entry bytes overwritten", "binary long overwritten",
      "JSON value replaced", "JSON value replaced", "JSON value replaced", "JSON field removed",
      "JSON deeply nested", "JSON text garbled"};

  private final List<Map<String, byte[]>> models;

  /** @param models the entries of each golden model */
  ModelFuzzer(List<Map<String, byte[]>> models) {
    this.models = models;
  }

  /** @return the case of this seed */
  Case mutate(long seed) {
    Random random = new Random(seed);
    int which = random.nextInt(models.size());
    Map<String, byte[]> model = new LinkedHashMap<>(models.get(which));
    Map<String, byte[]> other = models.get((which + 1) % models.size());
    List<String> names = new ArrayList<>(model.keySet());
    String kind = KINDS[random.nextInt(KINDS.length)];
    String entry = names.get(random.nextInt(names.size()));
    String description = "model " + which + ", " + kind;
    byte[] zip;
    switch (kind) {
      case "raw bit flips" -> {
        zip = ModelZips.zip(model);
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
          zip[random.nextInt(zip.length)] ^= (byte) (1 << random.nextInt(8));
        }
        description += " (" + flips + ")";
      }
      case "raw truncation" -> {
        byte[] whole = ModelZips.zip(model);
        int length = random.nextInt(whole.length);
        zip = java.util.Arrays.copyOf(whole, length);
        description += " to " + length + " of " + whole.length + " bytes";
      }
      case "entry removed" -> {
        model.remove(entry);
        zip = ModelZips.zip(model);
        description += ": " + entry;
      }
      case "entry duplicated" -> {
        zip = ModelZips.withDuplicate(model, entry);
        description += ": " + entry;
      }
      case "entry swapped with the other model's" -> {
        if (other.containsKey(entry)) {
          model.put(entry, other.get(entry));
        }
        zip = ModelZips.zip(model);
        description += ": " + entry;
      }
      case "entries reordered" -> {
        java.util.Collections.shuffle(names, random);
        Map<String, byte[]> shuffled = new LinkedHashMap<>();
        names.forEach(name -> shuffled.put(name, model.get(name)));
        zip = ModelZips.zip(shuffled);
        description += ": " + names;
      }
      case "entry bit flips" -> {
        byte[] bytes = model.get(entry).clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        model.put(entry, bytes);
        zip = ModelZips.zip(model);
        description += ": " + entry + " (" + flips + ")";
      }
      case "entry truncated" -> {
        byte[] bytes = model.get(entry);
        int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        model.put(entry, java.util.Arrays.copyOf(bytes, length));
        zip = ModelZips.zip(model);
        description += ": " + entry + " to " + length + " of " + bytes.length + " bytes";
      }
      case "entry bytes overwritten" -> {
        byte[] bytes = model.get(entry).clone();
        int at = random.nextInt(Math.max(1, Math.min(bytes.length, 160)));
        int count = 1 + random.nextInt(8);
        for (int i = at; i < Math.min(bytes.length, at + count); i++) {
          bytes[i] = (byte) random.nextInt(256);
        }
        model.put(entry, bytes);
        zip = ModelZips.zip(model);
        description += ": " + entry + " at " + at;
      }
      case "binary long overwritten" -> {
        String binary = random.nextBoolean() ? "coefficients.bin" : "normalizer.bin";
        byte[] bytes = model.get(binary).clone();
        int at = random.nextInt(Math.max(1, Math.min(bytes.length - 8, 200)));
        long value = extremeLong(random);
        for (int i = 0; i < 8; i++) {
          bytes[at + i] = (byte) (value >>> (56 - 8 * i));
        }
        model.put(binary, bytes);
        zip = ModelZips.zip(model);
        description += ": " + binary + " at " + at + " = " + value;
      }
      case "JSON value replaced", "JSON field removed", "JSON deeply nested" -> {
        String json = jsonEntry(model, random);
        JsonNode root = parse(model.get(json));
        List<Slot> slots = new ArrayList<>();
        collect(root, "", slots);
        Slot slot = slots.get(random.nextInt(slots.size()));
        JsonNode value = switch (kind) {
          case "JSON field removed" -> null;
          case "JSON deeply nested" -> nested(1 + random.nextInt(random.nextBoolean() ? 40 : 5000));
          default -> oddValue(random);
        };
        slot.set(value);
        model.put(json, root.toString().getBytes(StandardCharsets.UTF_8));
        zip = ModelZips.zip(model);
        description += ": " + json + " " + slot.path + " = "
            + (value == null ? "(removed)" : abbreviate(value.toString()));
      }
      case "JSON text garbled" -> {
        String json = jsonEntry(model, random);
        StringBuilder text = new StringBuilder(new String(model.get(json), StandardCharsets.UTF_8));
        int at = random.nextInt(text.length());
        String[] garbage = {"{", "}", "[", "]", "\"", ",", ":", "\\", "\u0000", "1e99999",
            "-", "\uD800", "null", "NaN"};
        String inserted = garbage[random.nextInt(garbage.length)];
        text.insert(at, inserted);
        model.put(json, text.toString().getBytes(StandardCharsets.UTF_8));
        zip = ModelZips.zip(model);
        description += ": " + json + " '" + inserted + "' at " + at;
      }
      default -> throw new IllegalStateException(kind);
    }
    return new Case(seed, description, zip);
  }

  private static String jsonEntry(Map<String, byte[]> model, Random random) {
    List<String> json = model.keySet().stream().filter(name -> name.endsWith(".json")).toList();
    return json.get(random.nextInt(json.size()));
  }

  private static JsonNode parse(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A place in a JSON tree that a mutation can replace or remove. */
  private record Slot(JsonNode parent, String field, int index, String path) {
    void set(JsonNode value) {
      if (parent instanceof ObjectNode object) {
        if (value == null) {
          object.remove(field);
        } else {
          object.set(field, value);
        }
      } else if (value == null) {
        ((ArrayNode) parent).remove(index);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }
  }

  private static void collect(JsonNode node, String path, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      object.fieldNames().forEachRemaining(name -> {
        slots.add(new Slot(object, name, -1, path + "." + name));
        collect(object.get(name), path + "." + name, slots);
      });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        slots.add(new Slot(array, null, i, path + "[" + i + "]"));
        collect(array.get(i), path + "[" + i + "]", slots);
      }
    }
  }

  private static JsonNode oddValue(Random random) {
    return switch (random.nextInt(22)) {
      case 0 -> NODES.textNode("x");
      case 1 -> NODES.textNode("");
      case 2 -> NODES.numberNode(0);
      case 3 -> NODES.numberNode(-1);
      case 4 -> NODES.numberNode(Integer.MAX_VALUE);
      case 5 -> NODES.numberNode(Integer.MIN_VALUE);
      case 6 -> NODES.numberNode(Long.MAX_VALUE);
      case 7 -> NODES.numberNode(Long.MIN_VALUE);
      case 8 -> NODES.numberNode(1e308);
      case 9 -> NODES.numberNode(-1e308);
      case 10 -> NODES.numberNode(4.9e-324);
      case 11 -> NODES.numberNode(0.5);
      case 12 -> NODES.booleanNode(random.nextBoolean());
      case 13 -> NODES.nullNode();
      case 14 -> NODES.arrayNode();
      case 15 -> NODES.objectNode();
      case 16 -> NODES.arrayNode().add(1).add("two");
      case 17 -> NODES.objectNode().put("@class", "java.lang.Runtime");
      case 18 -> NODES.textNode("NaN");
      case 19 -> NODES.numberNode(new java.math.BigInteger("9".repeat(40)));
      case 20 -> NODES.numberNode(1 + random.nextInt(1000));
      default -> NODES.textNode("x".repeat(1 + random.nextInt(10_000)));
    };
  }

  private static JsonNode nested(int depth) {
    ArrayNode root = NODES.arrayNode();
    ArrayNode current = root;
    for (int i = 1; i < depth; i++) {
      current = current.addArray();
    }
    return root;
  }

  private static long extremeLong(Random random) {
    long[] values = {0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE,
        Integer.MIN_VALUE, 1L << 40, 1L << 31, 65_536, Double.doubleToLongBits(Double.NaN),
        Double.doubleToLongBits(Double.POSITIVE_INFINITY), Double.doubleToLongBits(1e300)};
    return random.nextInt(4) == 0 ? random.nextLong() : values[random.nextInt(values.length)];
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "... (" + text.length() + " chars)";
  }
}
