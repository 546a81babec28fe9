package studio.vincie.session;

/**
 * Sampler settings of one turn: random seed, number of denoising steps and classifier-free guidance
 * scale on the instruction. Recorded with every turn so an edit can be reproduced.
 */
public record EditSettings(long seed, int steps, float guidance) {

    public static final int DEFAULT_STEPS = 20;
    public static final float DEFAULT_GUIDANCE = 3.0f;

    public EditSettings {
        if (steps < 1 || steps > 1000) {
            throw new IllegalArgumentException("steps must be between 1 and 1000, was " + steps);
        }
        if (!(guidance >= 0 && guidance <= 50)) {
            throw new IllegalArgumentException("guidance must be between 0 and 50, was " + guidance);
        }
    }

    public EditSettings withSeed(long newSeed) {
        return new EditSettings(newSeed, steps, guidance);
    }
}
