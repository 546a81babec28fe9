package studio.vincie.model.pack;

/**
 * How {@link SessionPacker} builds a training sequence (design.md 3.5 and the paper's context dropout).
 *
 * @param instructionDropout probability that an instruction is replaced by the null instruction (trains
 *                           the unconditional branch of guidance; ~0.1)
 * @param maskContextDropout probability that a clean {@code Ck}/{@code Nk} is left out of the context
 *                           (teaches editing without masks; ~0.7). Its noisy copy stays a target.
 * @param imageContextDropout probability that an intermediate clean image {@code I1..I(n-1)} is left
 *                            out of the context (rare, ~0.05)
 * @param maxTargets at most this many noisy copies per session, chosen at random (0 = all); bounds tokens
 * @param maskTargets whether masks get noisy copies (CSP/NSP tasks) or only images (NIP)
 * @param lowNoiseShare share of noisy copies whose timestep comes from the low-noise density instead of
 *                      the default mixture ({@link SessionPacker#trainingTime}); 0 = off
 */
public record PackOptions(float instructionDropout, float maskContextDropout, float imageContextDropout,
                          int maxTargets, boolean maskTargets, float lowNoiseShare) {

    /** Without low-noise timesteps (every run before they existed). */
    public PackOptions(float instructionDropout, float maskContextDropout, float imageContextDropout,
                       int maxTargets, boolean maskTargets) {
        this(instructionDropout, maskContextDropout, imageContextDropout, maxTargets, maskTargets, 0f);
    }

    public PackOptions {
        prob("instructionDropout", instructionDropout);
        prob("maskContextDropout", maskContextDropout);
        prob("imageContextDropout", imageContextDropout);
        prob("lowNoiseShare", lowNoiseShare);
        if (maxTargets < 0) {
            throw new IllegalArgumentException("maxTargets must be >= 0 (0 = all), was " + maxTargets);
        }
    }

    private static void prob(String name, float p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], was " + p);
        }
    }

    /** The paper's recipe: 10% instruction dropout, 70% mask-context dropout, 5% image dropout, all targets. */
    public static PackOptions defaults() {
        return new PackOptions(0.1f, 0.7f, 0.05f, 0, true);
    }

    /** The same recipe with another low-noise share (the validation loss packs with 0). */
    public PackOptions withLowNoiseShare(float share) {
        return new PackOptions(instructionDropout, maskContextDropout, imageContextDropout, maxTargets, maskTargets,
                share);
    }

    /** No dropout at all (tests, validation loss). */
    public static PackOptions none() {
        return new PackOptions(0f, 0f, 0f, 0, true);
    }
}
