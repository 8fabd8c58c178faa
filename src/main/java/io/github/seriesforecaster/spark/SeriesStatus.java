package io.github.seriesforecaster.spark;

/** What happened to one series in a {@link SparkForecaster} job (the {@code status} column). */
public enum SeriesStatus {
  /** The LSTM was fitted (or a stored model loaded) and produced the forecasts. */
  OK,
  /**
   * The series is too short for the configured LSTM, so the forecasts are the seasonal naive
   * forecast (with a season and at least one season of values) or the naive forecast; the
   * {@code error_class} and {@code error_message} columns say why the LSTM was not used. No model.
   */
  FALLBACK,
  /**
   * Nothing could be forecast: the {@code error_class} and {@code error_message} columns hold the
   * exception. Other series are not affected.
   */
  FAILED
}
