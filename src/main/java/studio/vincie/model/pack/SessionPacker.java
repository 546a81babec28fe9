package studio.vincie.model.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import studio.vincie.model.ModelConfig;
import studio.vincie.model.nn.Segment;
import studio.vincie.model.nn.TokenBatch;
import studio.vincie.model.text.Tokenizer;

/**
 * Packs sessions for training (design.md 3.5): per row, all clean segments in order
 * {@code I0, T1, C1, N1, I1, ...} (after context dropout), then a noisy copy of each target
 * ({@code Ik} for NIP, {@code Ck} for CSP, {@code Nk} for NSP) at a timestep from {@link #trainingTime} with
 * {@code x_t = (1-t) x0 + t eps} and target {@code v = eps - x0}. The last image has no clean copy:
 * nothing after it could attend it. All randomness comes from the given {@link Random}.
 */
public final class SessionPacker {

    private final ModelConfig config;
    private final int[] nullInstruction;
    private final PackOptions options;

    public SessionPacker(ModelConfig config, Tokenizer tokenizer, PackOptions options) {
        if (tokenizer.length() != config.textLength()) {
            throw new IllegalArgumentException("tokenizer length " + tokenizer.length()
                    + " differs from config textLength " + config.textLength());
        }
        this.config = config;
        this.nullInstruction = tokenizer.nullInstruction();
        this.options = options;
    }

    public PackedBatch pack(List<SessionExample> sessions, Random rng) {
        TokenBatch.Builder builder = new TokenBatch.Builder(config);
        List<List<Segment>> cleanRows = new ArrayList<>();
        List<PackedBatch.NoisyCopy> copies = new ArrayList<>();
        for (int row = 0; row < sessions.size(); row++) {
            SessionExample s = sessions.get(row);
            builder.newRow();
            List<Segment> clean = cleanSegments(s, rng);
            clean.forEach(builder::addClean);
            cleanRows.add(clean);
            int position = clean.stream().mapToInt(g -> g.tokenCount(config)).sum();
            int copyId = 1;
            for (Target target : targets(s, rng)) {
                float t = trainingTime(rng, config.scheduleShift(), options.lowNoiseShare());
                Noised n = noise(target.segment.values(), t, rng);
                Segment noisy = target.segment.withValues(n.xt());
                int start = builder.addNoisy(noisy, t, copyId++);
                if (start != position) {
                    throw new IllegalStateException("packing positions out of step");
                }
                position += noisy.tokenCount(config);
                copies.add(new PackedBatch.NoisyCopy(row, start, noisy, t, n.v(), target.task));
            }
        }
        return new PackedBatch(builder.build(), cleanRows, copies);
    }

    private List<Segment> cleanSegments(SessionExample s, Random rng) {
        List<Segment> out = new ArrayList<>();
        out.add(s.images().get(0));
        int n = s.turns();
        for (int k = 1; k <= n; k++) {
            Segment text = s.instructions().get(k - 1);
            out.add(rng.nextFloat() < options.instructionDropout() ? Segment.text(k, nullInstruction) : text);
            Segment c = s.currentMasks().get(k - 1);
            if (c != null && rng.nextFloat() >= options.maskContextDropout()) {
                out.add(c);
            }
            Segment nx = s.nextMasks().get(k - 1);
            if (nx != null && rng.nextFloat() >= options.maskContextDropout()) {
                out.add(nx);
            }
            if (k < n && rng.nextFloat() >= options.imageContextDropout()) {
                out.add(s.images().get(k));
            }
        }
        return out;
    }

    private record Target(Segment segment, PackedBatch.Task task) {
    }

    /** A noisy copy's values {@code x_t = (1-t) x0 + t eps} and its velocity target {@code v = eps - x0}. */
    public record Noised(float[] xt, float[] v) {
    }

    /** Noises {@code x0} at level t with one Gaussian draw of {@code rng} per value, in order. */
    public static Noised noise(float[] x0, float t, Random rng) {
        float[] xt = new float[x0.length];
        float[] v = new float[x0.length];
        for (int i = 0; i < x0.length; i++) {
            float eps = (float) rng.nextGaussian();
            xt[i] = (1 - t) * x0[i] + t * eps;
            v[i] = eps - x0[i];
        }
        return new Noised(xt, v);
    }

    private List<Target> targets(SessionExample s, Random rng) {
        List<Target> out = new ArrayList<>();
        for (int k = 1; k <= s.turns(); k++) {
            if (options.maskTargets()) {
                Segment c = s.currentMasks().get(k - 1);
                if (c != null) {
                    out.add(new Target(c, PackedBatch.Task.CSP));
                }
                Segment nx = s.nextMasks().get(k - 1);
                if (nx != null) {
                    out.add(new Target(nx, PackedBatch.Task.NSP));
                }
            }
            out.add(new Target(s.images().get(k), PackedBatch.Task.NIP));
        }
        if (options.maxTargets() > 0 && out.size() > options.maxTargets()) {
            Collections.shuffle(out, rng);
            out = new ArrayList<>(out.subList(0, options.maxTargets()));
            out.sort((a, b) -> Integer.compare(a.segment.index(), b.segment.index()));
        }
        return out;
    }

    /**
     * Training timesteps, an even mixture of two densities. Half are t = sigmoid(n + ln shift),
     * n ~ N(0, 1): the logit-normal of SD3/VINCIE, shifted the way the sampler's schedule is
     * ({@code t' = s t / (1 + (s - 1) t)} maps sigmoid(n) to sigmoid(n + ln s)). Half are the
     * sampler's own timesteps, {@code t = s u / (1 + (s - 1) u)} with u uniform, so every noise level
     * the sampler visits is trained as often as it is used.
     *
     * <p>Why both: with the plain logit-normal the first model almost never trained at high noise
     * (P(t > 0.9) = 1.4%) and sampled patch noise; shifting it (P(t > 0.95) = 3.2%) still left the
     * first sampling steps (3 of 20 lie above 0.95) rare in training, and there the fourth run's
     * one-shot prediction was poor outside the edit region (19.8 dB at t = 1 against 30.9 dB at
     * t = 0.9, NoiseLevelCheck) and sampling locked that in. The mixture gives P(t > 0.95) = 8.4%.
     * Diagnosis in docs/training.md.
     */
    static float trainingTime(Random rng, float shift) {
        if (rng.nextBoolean()) {
            return (float) (1.0 / (1.0 + Math.exp(-(rng.nextGaussian() + Math.log(shift)))));
        }
        double u = rng.nextDouble();
        return (float) (shift * u / (1 + (shift - 1) * u));
    }

    /**
     * As {@link #trainingTime(Random, float)}, except that a share {@code lowNoise} of the timesteps comes
     * from the mirror image of the sampler's density, {@code t = u / (s - (s - 1) u)}: as much weight
     * near t = 0 as the sampler's schedule puts near t = 1 (with s = 3, P(t <= 0.1) = 25% against 2%
     * for the mixture). The last sampling step predicts the image from t of about 0.14, so the
     * model's precision there is the output's precision (docs/training.md, "Low-noise timesteps").
     * With {@code lowNoise = 0} no extra random number is drawn, so older runs resume bit-identically.
     */
    static float trainingTime(Random rng, float shift, float lowNoise) {
        if (lowNoise > 0 && rng.nextFloat() < lowNoise) {
            double u = rng.nextDouble();
            return (float) (u / (shift - (shift - 1) * u));
        }
        return trainingTime(rng, shift);
    }
}
