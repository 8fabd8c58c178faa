package io.github.seriesforecaster.many;

import io.github.seriesforecaster.FitReport;
import io.github.seriesforecaster.SeriesForecaster;
import java.util.Objects;

/**
 * The outcome of fitting one series of a {@link SeriesSet}: the fitted forecaster, its report and
 * its forecast, or why the fit failed.
 *
 * @param id the series id
 * @param status {@link Status#OK} or {@link Status#FAILED}
 * @param forecaster the fitted forecaster, or {@code null} when the fit failed
 * @param report what the fit did, or {@code null} when it failed
 * @param forecast the values forecast after the series' end (as many as asked, possibly none), or
 *     {@code null} when the fit failed
 * @param error why the fit failed, starting with the series id, or {@code null} when it succeeded
 */
public record SeriesFit(String id, Status status, SeriesForecaster forecaster, FitReport report,
    double[] forecast, String error) {

  /** Whether a series was fitted. */
  public enum Status {
    /** Fitted and forecast. */
    OK,
    /** The fit or the forecast threw; {@link SeriesFit#error()} says why. */
    FAILED
  }

  /**
   * Checks the values.
   *
   * @param id see {@link #id()}
   * @param status see {@link #status()}
   * @param forecaster see {@link #forecaster()}
   * @param report see {@link #report()}
   * @param forecast see {@link #forecast()}
   * @param error see {@link #error()}
   */
  public SeriesFit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    forecast = forecast == null ? null : forecast.clone();
    if ((status == Status.OK) != (error == null)) {
      throw new IllegalArgumentException("a fit has an error message exactly when it failed");
    }
  }

  /** @return a copy of the forecast, or {@code null} when the fit failed */
  @Override
  public double[] forecast() {
    return forecast == null ? null : forecast.clone();
  }

  /** @return true if the series was fitted */
  public boolean ok() {
    return status == Status.OK;
  }
}
