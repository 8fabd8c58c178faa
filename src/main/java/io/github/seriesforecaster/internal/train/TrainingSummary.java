package io.github.seriesforecaster.internal.train;

/**
 * @param epochsRun epochs trained
 * @param bestEpoch the epoch whose network was kept
 * @param stopReason why training ended
 * @param trainingLoss MSE on all training windows at the end, in scaled units
 * @param millis training time
 */
public record TrainingSummary(
    int epochsRun, int bestEpoch, String stopReason, double trainingLoss, long millis) {}
