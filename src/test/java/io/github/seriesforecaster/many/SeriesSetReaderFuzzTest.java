package io.github.seriesforecaster.many;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.RandomCsv;
import io.github.seriesforecaster.SeriesFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeded random CSV text in long and wide format, mostly malformed, as {@code CsvFuzzTest} does
 * for the single-series reader: every input must read into finite series (with DROP or
 * INTERPOLATE) or fail with a {@link SeriesFormatException} that names the file and, unless the
 * problem is the file as a whole, a line of it; never anything else.
 */
class SeriesSetReaderFuzzTest {
  private static final Logger log = LoggerFactory.getLogger(SeriesSetReaderFuzzTest.class);
  private static final String[] CELLS = {
      "1", "2.5", "-3e2", "NA", "N/A", "", "NaN", "null", "abc", "\"4\"", "\"5,5\"", "1e400",
      "Infinity", "-Infinity", "0x10", "1d", "\"", "''", " 7 ", "8;9", "\uFEFF1", "1,5", "+.5",
      "-0", "9999999999999999999", "\"a\"\"b\"", "\r", "\u0000", "\uD800"};
  private static final String[] TIMES = {
      "2020-01-31", "2020-01-31T09:00", "2020-02-30", "31/01/2020", "1", "2", "2.5", "-1", "",
      "NA", "x", "2020-01-31T09:00:00Z", "1e400", "99999999999999999999"};
  private static final String[] IDS = {"a", "b", "c", "\"d\"", "", " ", "NA", "\"e,f\"", "é"};
  /** Problems of the file as a whole, which no single line shows. */
  private static final List<String> FILE_LEVEL = List.of(" is empty; expected a header row",
      " has no header row", " has a header but no data rows", " has no column '");
  private static final Pattern LINE = Pattern.compile(" line (\\d+)");

  @TempDir Path folder;

  @Test
  void readLong_everyInputReadsOrFailsWithFileAndLine() throws IOException {
    fuzz(true, 1, 1_000);
  }

  @Test
  void readWide_everyInputReadsOrFailsWithFileAndLine() throws IOException {
    fuzz(false, 1, 1_000);
  }

  @Test
  @Tag("slow")
  void readBoth_manyMoreInputs() throws IOException {
    fuzz(true, 1_000_000, 30_000);
    fuzz(false, 1_000_000, 30_000);
  }

  private void fuzz(boolean longFormat, long firstSeed, int cases) throws IOException {
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (long seed = firstSeed; seed < firstSeed + cases; seed++) {
      Random random = new Random(seed);
      String text = longFormat ? randomLong(random) : randomWide(random);
      Path file = folder.resolve((longFormat ? "long-" : "wide-") + (seed % 10) + ".csv");
      Files.write(file, text.getBytes(StandardCharsets.UTF_8));
      MissingValues policy = MissingValues.values()[random.nextInt(MissingValues.values().length)];
      SeriesSetReader.Builder builder = SeriesSetReader.builder().missingValues(policy);
      if (longFormat) {
        builder.idColumn("id").valueColumn("v");
        if (random.nextBoolean()) {
          builder.timeColumn("t");
        }
      }
      String outcome = check(builder.build(), longFormat, file, text, policy);
      if (outcome.startsWith("failed")) {
        failures.add("seed " + seed + ": " + outcome + " for:\n" + abbreviate(text));
      }
      outcomes.merge(outcome.startsWith("failed") ? "failed" : outcome, 1, Integer::sum);
    }
    log.info("{} {}-format CSV inputs from seed {}: {}", cases, longFormat ? "long" : "wide",
        firstSeed, outcomes);
    assertThat(failures).as("inputs that neither read nor failed with file and line").isEmpty();
    assertThat(outcomes.getOrDefault("read", 0)).as("some inputs read").isGreaterThan(cases / 20);
    assertThat(outcomes.getOrDefault("rejected", 0)).as("some inputs fail")
        .isGreaterThan(cases / 20);
  }

  /** @return {@code read}, {@code rejected} or {@code failed: why} */
  private static String check(SeriesSetReader reader, boolean longFormat, Path file, String text,
      MissingValues policy) {
    try {
      SeriesSet set = longFormat ? reader.readLong(file) : reader.readWide(file);
      if (set.size() == 0) {
        return "failed: an empty set";
      }
      for (String id : set.ids()) {
        for (double value : set.get(id)) {
          if (!Double.isFinite(value)) {
            return "failed: series '" + id + "' holds " + value + " under " + policy;
          }
        }
      }
      return "read";
    } catch (SeriesFormatException e) {
      return checkMessage(e.getMessage(), file, text);
    } catch (IOException | RuntimeException | Error e) {
      return "failed: " + e;
    }
  }

  private static String checkMessage(String message, Path file, String text) {
    String name = file.getFileName().toString();
    if (message == null || !message.startsWith(name)) {
      return "failed: message does not start with the file name: " + message;
    }
    Matcher line = LINE.matcher(message);
    if (line.find() && line.start() == name.length()) {
      long number = Long.parseLong(line.group(1));
      long lines = text.lines().count() + 1;
      return number >= 1 && number <= lines ? "rejected"
          : "failed: line " + number + " of " + lines + ": " + message;
    }
    return FILE_LEVEL.stream().anyMatch(message::contains) ? "rejected"
        : "failed: no line in: " + message;
  }

  private static String randomLong(Random random) {
    RandomCsv csv = RandomCsv.start(random);
    List<String> header = new ArrayList<>(List.of("id", "t", "v"));
    if (random.nextInt(4) == 0) {
      header.add(random.nextInt(header.size() + 1), "extra");
    }
    if (random.nextInt(15) == 0) {
      header.remove(random.nextInt(header.size()));
    }
    if (random.nextInt(20) == 0) {
      header.set(random.nextInt(header.size()), header.get(0)); // a repeated header name
    }
    csv.line(header);
    int rows = random.nextInt(40);
    for (int r = 0; r < rows; r++) {
      int fields = RandomCsv.rowLength(random, header.size(), 20, 2);
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < fields; c++) {
        String column = c < header.size() ? header.get(c) : "";
        cells.add(switch (column) {
          case "id" -> random.nextInt(6) == 0 ? RandomCsv.pick(random, IDS)
              : String.valueOf((char) ('a' + random.nextInt(3)));
          case "t" -> random.nextInt(3) == 0 ? RandomCsv.pick(random, TIMES)
              : String.valueOf(2 * r + random.nextInt(2));
          default -> cell(random);
        });
      }
      csv.line(cells);
    }
    return garble(csv.text(), random);
  }

  private static String randomWide(Random random) {
    RandomCsv csv = RandomCsv.start(random);
    int columns = 2 + random.nextInt(11);
    List<String> header = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      header.add(random.nextInt(30) == 0 ? "" : "V" + (c + 1));
    }
    csv.line(header);
    int rows = random.nextInt(12);
    for (int r = 0; r < rows; r++) {
      int fields = RandomCsv.rowLength(random, columns, 10, 3);
      int padding = random.nextInt(3) == 0 ? random.nextInt(columns / 2 + 1) : 0;
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < fields; c++) {
        if (c == 0) {
          cells.add(random.nextInt(8) == 0 ? RandomCsv.pick(random, IDS) : "S" + r);
        } else {
          cells.add(c >= fields - padding ? "" : cell(random));
        }
      }
      csv.line(cells);
    }
    return garble(csv.text(), random);
  }

  private static String cell(Random random) {
    return RandomCsv.cell(random, 12, CELLS);
  }

  /** Now and then inserts a stray quote, delimiter, line break or control character. */
  private static String garble(StringBuilder text, Random random) {
    if (text.length() > 0 && random.nextInt(8) == 0) {
      String[] stray = {"\"", ",", "\n", "\r", "\u0000", "\t", ";", "\"\"", "\uFEFF"};
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        text.insert(random.nextInt(text.length()), stray[random.nextInt(stray.length)]);
      }
    }
    if (random.nextInt(40) == 0) {
      text.setLength(random.nextInt(text.length() + 1)); // cut short
    }
    return text.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "... (" + text.length()
        + " chars)";
  }
}
