package io.github.seriesforecaster.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a CSV delimiter: one character, or {@code tab} / {@code \t} for a tab. */
final class DelimiterConverter implements ITypeConverter<Character> {
  @Override
  public Character convert(String value) {
    if (value.equals("tab") || value.equals("\\t")) {
      return '\t';
    }
    if (value.length() != 1) {
      throw new TypeConversionException(
          "'" + value + "' is not a delimiter; give one character, or 'tab'");
    }
    return value.charAt(0);
  }
}
