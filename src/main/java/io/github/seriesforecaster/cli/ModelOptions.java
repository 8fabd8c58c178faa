package io.github.seriesforecaster.cli;

import io.github.seriesforecaster.ForecasterConfig;
import io.github.seriesforecaster.MissingValues;
import io.github.seriesforecaster.SeriesForecaster;
import io.github.seriesforecaster.TargetTransform;
import io.github.seriesforecaster.internal.data.CsvSeriesReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The model settings shared by {@code fit} and {@code backtest}, one option per builder method.
 * The defaults are the library's {@code ForecasterConfig.DEFAULT_*} constants.
 */
final class ModelOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--column", paramLabel = "NAME|INDEX",
      description = "Value column: a header name, or a 0-based index when all digits. "
          + "Default: the last column; name it, as the last is often not the one you mean.")
  String column;

  @Option(names = "--date-column", paramLabel = "NAME",
      description = "ISO date/time column (2020-01-31, 2020-01, 2020-01-31T09:30); rows must "
          + "increase. Output and charts then show dates. Default: none (time steps).")
  String dateColumn;

  @Option(names = "--frequency", paramLabel = "ISO",
      description = "Spacing of the dates as ISO-8601 (P1D, P1M, PT30M), for the timestamps after "
          + "the end. Default: inferred from the dates.")
  String frequency;

  @Option(names = "--features", paramLabel = "NAME|INDEX", split = ",",
      description = "Further input columns the network reads at every time step beside the value "
          + "column, comma-separated: header names, or 0-based indices when all digits. A model "
          + "with features forecasts at most --direct-horizon steps (their future is unknown).")
  List<String> features;

  @Option(names = "--feature-transform", paramLabel = "NAME", defaultValue = "AUTO",
      description = "How feature columns are transformed before scaling: AUTO (like the value "
          + "column), LEVELS, DIFFERENCES or LOG_RETURNS.")
  TargetTransform featureTransform;

  @Option(names = "--direct-horizon", paramLabel = "H",
      defaultValue = "" + ForecasterConfig.DEFAULT_HORIZON,
      description = "Values the network outputs at once (direct multi-step forecasting), >= 1; "
          + "1 trains one-step forecasts that are fed back for longer horizons.")
  int directHorizon;

  @Option(names = "--window", paramLabel = "N", defaultValue = "" + ForecasterConfig.DEFAULT_WINDOW,
      description = "Past values per prediction (the LSTM's time steps), >= 1.")
  int window;

  @Option(names = "--hidden", paramLabel = "N", defaultValue = "" + ForecasterConfig.DEFAULT_HIDDEN,
      description = "LSTM units per layer, >= 1.")
  int hidden;

  @Option(names = "--layers", paramLabel = "N", defaultValue = "" + ForecasterConfig.DEFAULT_LAYERS,
      description = "Stacked LSTM layers, >= 1.")
  int layers;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "" + ForecasterConfig.DEFAULT_EPOCHS,
      description = "Most passes over the training windows, >= 1 (early stopping may end sooner).")
  int epochs;

  @Option(names = "--learning-rate", paramLabel = "RATE",
      defaultValue = "" + ForecasterConfig.DEFAULT_LEARNING_RATE,
      description = "Adam's step size, > 0 and < 1.")
  double learningRate;

  @Option(names = "--batch-size", paramLabel = "N",
      defaultValue = "" + ForecasterConfig.DEFAULT_BATCH_SIZE,
      description = "Training windows per mini-batch, >= 1.")
  int batchSize;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + ForecasterConfig.DEFAULT_SEED,
      description = "Seed for weights and batch order; the same seed gives the same model.")
  long seed;

  @Option(names = "--season", paramLabel = "N", defaultValue = "" + ForecasterConfig.DEFAULT_SEASON,
      description = "Season length in steps (12 for monthly data with a yearly cycle), "
          + "0 for none. Adds the seasonal naive forecast to the table.")
  int season;

  @Option(names = "--transform", paramLabel = "NAME", defaultValue = "AUTO",
      description = "What the network predicts: ${COMPLETION-CANDIDATES}.")
  TargetTransform transform;

  @Option(names = "--delimiter", paramLabel = "CHAR",
      defaultValue = "" + ForecasterConfig.DEFAULT_DELIMITER, converter = DelimiterConverter.class,
      description = "CSV field separator: one character, or 'tab'.")
  char delimiter;

  @Option(names = "--validation-fraction", paramLabel = "F",
      defaultValue = "" + ForecasterConfig.DEFAULT_VALIDATION_FRACTION,
      description = "Share of the series, from its end, held out for validation (early stopping "
          + "and scores): >= 0 and < 1.")
  double validationFraction;

  @Option(names = "--patience", paramLabel = "N",
      defaultValue = "" + ForecasterConfig.DEFAULT_PATIENCE,
      description = "Epochs without a better validation loss before training stops; 0 never stops "
          + "early.")
  int patience;

  @Option(names = "--missing-values", paramLabel = "POLICY", defaultValue = "DROP",
      description = "Empty, NA or NaN cells: ${COMPLETION-CANDIDATES}.")
  MissingValues missingValues;

  /**
   * @return a builder with these settings
   * @throws ParameterException naming the option if the library rejects a value
   */
  SeriesForecaster.Builder builder() {
    SeriesForecaster.Builder builder = SeriesForecaster.builder();
    if (column != null) {
      set("--column", column, value -> {
        if (isIndex(value)) {
          builder.column(Integer.parseInt(value));
        } else {
          builder.column(value);
        }
      });
    }
    if (features != null && !features.isEmpty()) {
      set("--features", features, names -> {
        if (names.stream().allMatch(ModelOptions::isIndex)) {
          builder.features(names.stream().mapToInt(Integer::parseInt).toArray());
        } else if (names.stream().noneMatch(ModelOptions::isIndex)) {
          builder.features(names.toArray(String[]::new));
        } else {
          throw new IllegalArgumentException(
              "give all features by name or all by index, was " + names);
        }
      });
    }
    if (dateColumn != null) {
      set("--date-column", dateColumn, builder::dateColumn);
    }
    if (frequency != null) {
      set("--frequency", frequency, builder::frequency);
    }
    set("--feature-transform", featureTransform, builder::featureTransform);
    set("--direct-horizon", directHorizon, builder::horizon);
    set("--window", window, builder::window);
    set("--hidden", hidden, builder::hidden);
    set("--layers", layers, builder::layers);
    set("--epochs", epochs, builder::epochs);
    set("--learning-rate", learningRate, builder::learningRate);
    set("--batch-size", batchSize, builder::batchSize);
    builder.seed(seed);
    set("--season", season, builder::season);
    builder.transform(transform);
    builder.delimiter(delimiter);
    set("--validation-fraction", validationFraction, builder::validationFraction);
    set("--patience", patience, builder::patience);
    builder.missingValues(missingValues);
    try {
      builder.config(); // checks combinations, such as a seasonal transform without a season
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    return builder;
  }

  /**
   * Checks {@code --column}, {@code --features} and {@code --date-column} against the file's
   * header.
   *
   * @param csv the CSV file
   * @throws ParameterException naming the option if the file has no such column
   * @throws IOException if the file is missing or unreadable
   */
  void checkColumns(Path csv) throws IOException {
    List<String> header = new CsvSeriesReader(delimiter, missingValues).header(csv);
    String file = csv.getFileName().toString();
    Columns.check(spec, file, header, "--column", column);
    if (features != null) {
      for (String feature : features) {
        Columns.check(spec, file, header, "--features", feature);
      }
    }
    Columns.check(spec, file, header, "--date-column", dateColumn);
  }

  /**
   * @param config the settings
   * @param actual the name of the column read
   * @return the value column for people: {@code column 'Close'}, {@code column 4}, or for the
   *     default {@code column 'AdjClose' (the last; choose one with --column)}
   */
  static String column(ForecasterConfig config, String actual) {
    if (config.columnName() == null && config.columnIndex() < 0) {
      return "column '" + actual + "' (the last; choose one with --column)";
    }
    return column(config);
  }

  /**
   * @param config the settings
   * @return the value column for people: {@code column 'Close'}, {@code column 4} or
   *     {@code last column}
   */
  static String column(ForecasterConfig config) {
    if (config.columnName() != null) {
      return "column '" + config.columnName() + "'";
    }
    return config.columnIndex() >= 0 ? "column " + config.columnIndex() : "last column";
  }

  /** @return true for a 0-based column index: all digits */
  static boolean isIndex(String value) {
    return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private <T> void set(String option, T value, Consumer<T> setter) {
    try {
      setter.accept(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(),
          "invalid value for option '" + option + "': " + e.getMessage(), e);
    }
  }
}
