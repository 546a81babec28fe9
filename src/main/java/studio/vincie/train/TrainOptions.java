package studio.vincie.train;

/**
 * Everything that decides a training run besides the data: model preset, schedule, optimizer, EMA,
 * packing and bookkeeping. Stored in every checkpoint; {@code --resume} checks that the fields which
 * change the numbers ({@link #sameRun}) did not change.
 *
 * @param preset           model preset ({@code tiny} or {@code base})
 * @param steps            total optimizer steps of the run (the cosine schedule ends here)
 * @param batch            sessions per step
 * @param lr               peak learning rate (after warm-up)
 * @param warmupSteps      linear warm-up steps from 0 to {@code lr}
 * @param minLrRatio       the cosine decays to {@code lr * minLrRatio}
 * @param weightDecay      AdamW decoupled weight decay on matrices (not on biases or embeddings)
 * @param clipNorm         global gradient-norm clip (0 = off)
 * @param emaDecay         EMA decay of the exported weights (with the usual (1+t)/(10+t) warm-up)
 * @param seed             seeds initial weights, data order, dropout and noise
 * @param maxTargets       at most this many noisy copies per session (0 = all); bounds tokens per row
 * @param maskWeight       weight of CSP + NSP against NIP in the total loss
 * @param editBoost        extra NIP weight of the image tokens the edit changes ({@code FlowObjective}); 0 = off
 * @param lowNoiseShare    share of noisy copies whose timestep is drawn from the low-noise density
 *                         ({@code SessionPacker.trainingTime}); 0 = off (every run before it)
 * @param lossTFloor       the loss weights a copy at timestep t by {@code 1 / max(t, lossTFloor)^2}
 *                         ({@code FlowObjective}); 0.05 = {@code BlockCausalDiT.T_MIN}, every run before it
 * @param maxVocab         tokenizer vocabulary limit (specials included)
 * @param valEvery         validation loss every this many steps (0 = only at the end)
 * @param valSessions      number of val sessions used for the validation loss
 * @param checkpointMinutes wall-clock minutes between checkpoints
 * @param minutes          stop (checkpoint and export) after this many minutes of this sitting (0 = no limit)
 * @param stopAtStep       stop (checkpoint and export) once this step is done, before {@code steps} (0 = no)
 * @param queueSize        prepared batches the loader thread may hold ahead of the trainer
 * @param progressBar      show a console progress bar
 */
public record TrainOptions(String preset, int steps, int batch, float lr, int warmupSteps, float minLrRatio,
                           float weightDecay, float clipNorm, float emaDecay, long seed, int maxTargets,
                           float maskWeight, float editBoost, float lowNoiseShare, float lossTFloor, int maxVocab, int valEvery, int valSessions,
                           double checkpointMinutes, double minutes, int stopAtStep, int queueSize,
                           boolean progressBar) {

    public TrainOptions {
        if (!preset.equals("tiny") && !preset.equals("small") && !preset.equals("base")) {
            throw new IllegalArgumentException("--config must be tiny, small or base, was '" + preset + "'");
        }
        atLeast("--steps", steps, 1);
        atLeast("--batch", batch, 1);
        if (!(lr > 0 && lr < 1)) {
            throw new IllegalArgumentException("--lr must be in (0, 1), was " + lr + "; try 5e-4");
        }
        atLeast("warmupSteps", warmupSteps, 0);
        if (!(minLrRatio >= 0 && minLrRatio <= 1)) {
            throw new IllegalArgumentException("minLrRatio must be in [0, 1], was " + minLrRatio);
        }
        if (!(weightDecay >= 0) || !(clipNorm >= 0)) {
            throw new IllegalArgumentException("weight decay and clip norm must be >= 0");
        }
        if (!(emaDecay >= 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("emaDecay must be in [0, 1), was " + emaDecay + "; try 0.999");
        }
        atLeast("maxTargets", maxTargets, 0);
        if (!(maskWeight >= 0 && maskWeight <= 100)) {
            throw new IllegalArgumentException("--mask-weight must be in [0, 100], was " + maskWeight + "; try 1");
        }
        if (!(editBoost >= 0 && editBoost <= 100)) {
            throw new IllegalArgumentException("--edit-boost must be in [0, 100], was " + editBoost + "; try 4");
        }
        if (!(lowNoiseShare >= 0 && lowNoiseShare <= 1)) {
            throw new IllegalArgumentException("--low-noise-share must be in [0, 1], was " + lowNoiseShare
                    + "; try 0.25");
        }
        if (lossTFloor == 0) {
            lossTFloor = studio.vincie.model.nn.BlockCausalDiT.T_MIN; // a checkpoint from before the option
        }
        if (!(lossTFloor >= studio.vincie.model.nn.BlockCausalDiT.T_MIN && lossTFloor <= 1)) {
            throw new IllegalArgumentException("--loss-t-floor must be in [0.05, 1], was " + lossTFloor
                    + "; try 0.5");
        }
        atLeast("maxVocab", maxVocab, 4);
        atLeast("valEvery", valEvery, 0);
        atLeast("valSessions", valSessions, 0);
        if (!(checkpointMinutes > 0) || !(minutes >= 0)) {
            throw new IllegalArgumentException("checkpoint interval must be > 0 and --minutes >= 0");
        }
        atLeast("stopAtStep", stopAtStep, 0);
        atLeast("queueSize", queueSize, 1);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
    }

    /**
     * The loss floor of new runs: 1, every noise level weighted alike (the plain clean-value error). The
     * velocity loss's {@code 1 / t^2} (floor {@link studio.vincie.model.nn.BlockCausalDiT#T_MIN}) left
     * almost no gradient to the high noise levels, the only ones where the instruction's words decide
     * the output, and models trained with it never learnt to read them (docs/training.md).
     */
    public static final float DEFAULT_LOSS_T_FLOOR = 1f;

    /**
     * Defaults for a preset: the values the shipped model was trained with, scaled down for tiny, except
     * the loss floor ({@link #DEFAULT_LOSS_T_FLOOR}; the shipped model had 0.05).
     */
    public static TrainOptions defaults(String preset) {
        boolean tiny = preset.equals("tiny");
        return new TrainOptions(preset, tiny ? 60 : 1500, tiny ? 4 : 4, tiny ? 3e-3f : 5e-4f, tiny ? 5 : 50, 0.1f,
                0.01f, 1.0f, tiny ? 0.9f : 0.999f, 1L, tiny ? 0 : 8, 1.0f, 0f, 0f, DEFAULT_LOSS_T_FLOOR, 512, tiny ? 0 : 100, tiny ? 4 : 64,
                5.0, 0, 0, 4, !tiny);
    }

    /** Whether a checkpoint written under {@code other} can be continued with these options bit-identically. */
    public String sameRun(TrainOptions other) {
        if (!preset.equals(other.preset)) {
            return "config " + other.preset + " (now " + preset + ")";
        }
        if (steps != other.steps || batch != other.batch || lr != other.lr || warmupSteps != other.warmupSteps
                || minLrRatio != other.minLrRatio || weightDecay != other.weightDecay || clipNorm != other.clipNorm
                || emaDecay != other.emaDecay || seed != other.seed || maxTargets != other.maxTargets
                || maskWeight != other.maskWeight || editBoost != other.editBoost
                || lowNoiseShare != other.lowNoiseShare || lossTFloor != other.lossTFloor || maxVocab != other.maxVocab) {
            return "steps/batch/lr/seed or another training option (checkpoint: " + other.describe() + ")";
        }
        return null;
    }

    public String describe() {
        return String.format("config=%s steps=%d batch=%d lr=%g warmup=%d minLr=%.2f wd=%g clip=%g ema=%g seed=%d "
                        + "maxTargets=%d maskWeight=%g editBoost=%g lowNoiseShare=%g lossTFloor=%g maxVocab=%d", preset, steps,
                batch, lr, warmupSteps, minLrRatio, weightDecay, clipNorm, emaDecay, seed, maxTargets, maskWeight,
                editBoost, lowNoiseShare, lossTFloor, maxVocab);
    }

    public TrainOptions withStopAtStep(int step) {
        return new TrainOptions(preset, steps, batch, lr, warmupSteps, minLrRatio, weightDecay, clipNorm, emaDecay,
                seed, maxTargets, maskWeight, editBoost, lowNoiseShare, lossTFloor, maxVocab, valEvery, valSessions, checkpointMinutes, minutes,
                step, queueSize, progressBar);
    }
}
