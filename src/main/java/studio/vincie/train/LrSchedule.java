package studio.vincie.train;

/**
 * Learning rate per step: linear warm-up from 0 to the peak over {@code warmup} steps, then a cosine
 * from the peak down to {@code peak * minRatio} at {@code total}. A pure function of the step, so a
 * resumed run gets exactly the same rates.
 */
public record LrSchedule(float peak, int warmup, int total, float minRatio) {

    public LrSchedule {
        if (total < 1 || warmup < 0) {
            throw new IllegalArgumentException("schedule needs total >= 1 and warmup >= 0");
        }
    }

    /** Rate for 0-based step {@code step}. */
    public float at(int step) {
        if (step < warmup) {
            return peak * (step + 1) / (float) warmup;
        }
        int span = Math.max(1, total - warmup);
        double progress = Math.min(1.0, (step - warmup) / (double) span);
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return (float) (peak * (minRatio + (1 - minRatio) * cosine));
    }
}
