package io.github.seriesforecaster;

import java.util.List;
import java.util.Random;

/**
 * Seeded random CSV text for the reader fuzz tests ({@code CsvFuzzTest}, {@code
 * SeriesSetReaderFuzzTest}): the text so far, with its byte order mark (now and then), and the one
 * separator and line end the whole text uses.
 *
 * @param text the text written so far
 * @param separator between the cells of a line: mostly a comma, sometimes {@code ;}, a tab, a
 *     doubled comma or nothing
 * @param lineEnd after every line: mostly {@code \n}, sometimes {@code \r\n}, {@code \r} or an
 *     empty line
 */
public record RandomCsv(StringBuilder text, String separator, String lineEnd) {
  private static final String[] SEPARATORS = {",", ",", ",", ";", "\t", ",,", ""};
  private static final String[] LINE_ENDS = {"\n", "\n", "\r\n", "\r", "\n\n"};

  /** Starts a text: a byte order mark one time in ten, then chooses the separator and line end. */
  public static RandomCsv start(Random random) {
    StringBuilder text = new StringBuilder();
    if (random.nextInt(10) == 0) {
      text.append('\uFEFF');
    }
    String separator = pick(random, SEPARATORS);
    return new RandomCsv(text, separator, pick(random, LINE_ENDS));
  }

  /** Appends the cells joined by the separator, then the line end. */
  public void line(List<String> cells) {
    text.append(String.join(separator, cells)).append(lineEnd);
  }

  /** @return one of the choices, uniformly */
  public static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /**
   * @return {@code columns}, except one time in {@code oneIn} a count below {@code columns +
   *     extra}: a row with cells missing or too many
   */
  public static int rowLength(Random random, int columns, int oneIn, int extra) {
    return random.nextInt(oneIn) == 0 ? random.nextInt(columns + extra) : columns;
  }

  /**
   * @return one of {@code odd} one time in {@code oneIn}, otherwise a number with one decimal
   *     around 0 (standard deviation 100)
   */
  public static String cell(Random random, int oneIn, String[] odd) {
    return random.nextInt(oneIn) == 0 ? pick(random, odd)
        : String.valueOf(Math.round(random.nextGaussian() * 1000) / 10.0);
  }
}
