package io.github.seriesforecaster.internal.train;

/**
 * @param epochsRun epochs trained
 * @param bestEpoch the epoch whose network was kept
 * @param stopReason why training ended
 * @param trainingLoss MSE on the training windows in scaled units: the mean of the kept epoch's
 *     mini-batch losses, each computed before its update (no extra pass over the windows); NaN
 *     when the kept network's parameters are not all finite
 * @param millis training time
 */
public record TrainingSummary(
    int epochsRun, int bestEpoch, String stopReason, double trainingLoss, long millis) {}
