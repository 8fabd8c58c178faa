package io.github.seriesforecaster.internal.io;

import io.github.seriesforecaster.ModelFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.shade.jackson.core.JsonFactory;
import org.nd4j.shade.jackson.core.JsonParser;
import org.nd4j.shade.jackson.core.JsonToken;

/**
 * Checks a JSON entry token by token, before any object is built from it: nesting depth (a deeply
 * nested document overflows the stack of a recursive reader) and length of numbers (turning a
 * number of a million digits into a {@code BigInteger} takes minutes). The Jackson version DL4J
 * shades (2.13) has no such limits of its own. Also collects the type ids ({@code @class} values)
 * for the class check of {@code configuration.json}. Public so the global model's archive checks
 * its JSON entries the same way.
 */
public final class JsonLimits {
  /** Deepest nesting of objects and arrays; ours nest at most 5 levels. */
  static final int MAXIMUM_DEPTH = 32;
  /** Longest number, in characters; a double needs at most 24. */
  static final int MAXIMUM_NUMBER_LENGTH = 64;

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLimits() {}

  /**
   * @param json the entry's bytes
   * @param file the model file's name, for messages
   * @param entry the entry's name, for messages
   * @return the {@code @class} values, in order
   * @throws ModelFormatException if the entry is not well-formed JSON or exceeds a limit
   */
  public static List<String> check(byte[] json, String file, String entry) {
    List<String> classes = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(json)) {
      int depth = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAXIMUM_DEPTH) {
              throw new ModelFormatException(String.format(Locale.ROOT,
                  "%s: %s nests deeper than %d levels, the limit for a model file's JSON",
                  file, entry, MAXIMUM_DEPTH));
            }
          }
          case END_OBJECT, END_ARRAY -> depth--;
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
            if (parser.getTextLength() > MAXIMUM_NUMBER_LENGTH) {
              throw new ModelFormatException(String.format(Locale.ROOT,
                  "%s: %s holds a number of %d characters; the limit is %d",
                  file, entry, parser.getTextLength(), MAXIMUM_NUMBER_LENGTH));
            }
          }
          case FIELD_NAME -> {
            if ("@class".equals(parser.getCurrentName())) {
              if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw new ModelFormatException(file + ": " + entry
                    + " holds an @class that is not a string");
              }
              classes.add(parser.getText());
            }
          }
          default -> { }
        }
      }
    } catch (IOException e) {
      throw new ModelFormatException(file + ": " + entry + " is not valid JSON ("
          + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    return classes;
  }
}
