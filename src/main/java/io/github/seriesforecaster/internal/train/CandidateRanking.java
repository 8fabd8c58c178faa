package io.github.seriesforecaster.internal.train;

import io.github.seriesforecaster.internal.train.CandidateChoice.Candidate;
import io.github.seriesforecaster.internal.train.CandidateChoice.Kind;
import java.util.List;

/**
 * Which candidate a fit keeps, from the squared errors of every candidate's forecasts of the same
 * fold values: the simplest seasonal baseline whose mean is within one standard error of the
 * lowest mean, else the candidate with the lowest mean.
 *
 * <p>This is the one-standard-error rule of cross-validation (Hastie, Tibshirani and Friedman,
 * <i>The Elements of Statistical Learning</i>, 2nd ed., section 7.10): of the models whose
 * validation error cannot be told apart from the best one's, keep the simplest. It matters on
 * short series, whose folds score a few dozen values: there the best of three networks wins the
 * folds by a few percent as often from luck as from skill (the minimum of several noisy scores is
 * biased low), while a baseline's handful of parameters cannot be overfitted to the folds.
 * Simplicity is the order the candidates are tried in (seasonal naive, with drift, the airline
 * model's two coefficients, Holt-Winters' two to four); networks are never preferred to a lower
 * score. The standard error is that of the mean paired difference {@code e_candidate² -
 * e_lowest²} over the scored values; forecasts of one fold are correlated, so it is, if
 * anything, too small, and the rule then errs towards the lowest score.
 */
final class CandidateRanking {
  private CandidateRanking() {}

  /**
   * @param candidates the candidates, simplest first
   * @param squaredErrors per candidate, the squared errors of its forecasts of the fold values,
   *     every candidate's in the same order
   * @return the index of the candidate to keep
   */
  static int keep(List<Candidate> candidates, List<double[]> squaredErrors) {
    int lowest = lowest(squaredErrors);
    double[] lowestErrors = squaredErrors.get(lowest);
    for (int c = 0; c < lowest; c++) {
      double[] errors = squaredErrors.get(c);
      if (candidates.get(c).kind() != Kind.NETWORK && errors.length == lowestErrors.length
          && withinOneStandardError(errors, lowestErrors)) {
        return c;
      }
    }
    return lowest;
  }

  /** @return the index of the lowest mean, the first of equal ones */
  static int lowest(List<double[]> squaredErrors) {
    int best = 0;
    double bestMean = mean(squaredErrors.get(0));
    for (int c = 1; c < squaredErrors.size(); c++) {
      double mean = mean(squaredErrors.get(c));
      if (mean < bestMean) {
        best = c;
        bestMean = mean;
      }
    }
    return best;
  }

  /**
   * @return whether the mean of {@code errors} exceeds the mean of {@code best} by no more than
   *     the standard error of the mean paired difference
   */
  static boolean withinOneStandardError(double[] errors, double[] best) {
    int n = errors.length;
    if (n < 2) {
      return false;
    }
    double[] differences = new double[n];
    for (int i = 0; i < n; i++) {
      differences[i] = errors[i] - best[i];
    }
    double meanDifference = mean(differences);
    double squares = 0;
    for (double difference : differences) {
      squares += (difference - meanDifference) * (difference - meanDifference);
    }
    double standardError = Math.sqrt(squares / (n - 1) / n);
    return meanDifference <= standardError;
  }

  /** @return the root of the mean of {@code squaredErrors} */
  static double rmse(double[] squaredErrors) {
    return Math.sqrt(mean(squaredErrors));
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
