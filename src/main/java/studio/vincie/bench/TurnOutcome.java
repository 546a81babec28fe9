package studio.vincie.bench;

/**
 * What happened in one turn of one benchmark session: the judge's verdict, the pixel metrics against
 * the ground truth, the IoU of the model's predicted region masks (null when it predicted none) and
 * the time the model took.
 *
 * @param turn                1-based turn number
 * @param highFrequencyExcess the output's high-frequency energy minus the ground truth's
 *                            ({@link ImageMetrics#highFrequency}, 0..255): above 0 it is noisier
 *                            than the truth, below 0 smoother
 */
public record TurnOutcome(String sessionId, int turn, String category, String instruction, TurnVerdict verdict, double l1, double psnr,
                          double highFrequencyExcess,
                          Double currentMaskIou, Double nextMaskIou, double modelSeconds) {
}
