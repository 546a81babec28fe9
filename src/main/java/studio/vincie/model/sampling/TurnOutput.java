package studio.vincie.model.sampling;

/**
 * What a turn produced, as codec values: the image {@code Ik} (null for a masks-only turn), and the masks {@code Ck}/{@code Nk}
 * when they were generated (null otherwise; a user mask is not echoed). {@code flops} counts the
 * model's multiply-adds x2 for the turn; {@code contextTokens} is the number of tokens the image
 * target attended besides itself.
 */
public record TurnOutput(float[] image, float[] currentMask, float[] nextMask, double flops, int contextTokens) {
}
