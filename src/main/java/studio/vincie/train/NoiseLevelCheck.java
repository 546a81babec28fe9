package studio.vincie.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import studio.vincie.data.frames.Psnr;
import studio.vincie.data.world.StudioSession;
import studio.vincie.data.world.StudioTurn;
import studio.vincie.model.DitEditModel;
import studio.vincie.model.InferenceThreads;
import studio.vincie.model.ModelConfig;
import studio.vincie.model.codec.PatchCodec;
import studio.vincie.model.io.ModelFolder;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.Segment;
import studio.vincie.model.nn.SegmentKind;
import studio.vincie.model.nn.TokenBatch;

/**
 * Where in the noise schedule a trained model is good or bad: for held-out studio sessions, turn 1's
 * ground-truth image is noised to several t ({@code x_t = (1-t) x0 + t eps}) and the model's one-shot
 * clean prediction is compared with the truth, inside and outside the edit region (PSNR over the
 * region's pixels), next to the source (what "change nothing" scores) and the noisy input x_t itself
 * (what no denoising scores: a model below it at small t has not learnt to denoise there, and the
 * last sampling step's prediction is the output). Sampling starts at t = 1, so a
 * model that is poor there paints whatever it guesses first. Not a test: a diagnostic for training runs.
 *
 * <p>Run: {@code java -cp target/vincie.jar studio.vincie.train.NoiseLevelCheck MODEL SESSIONS SEED [STEPS [GUIDANCE]]};
 * the last line samples the same turns with the editor's model at STEPS (1) and GUIDANCE (1), to
 * tell a poor prediction from a poor sampling.
 */
public final class NoiseLevelCheck {

    private static final float[] LEVELS = {1f, 0.9f, 0.7f, 0.5f, 0.3f, 0.1f, 0.05f};

    private NoiseLevelCheck() {
    }

    public static void main(String[] args) throws Exception {
        String usage = "usage: NoiseLevelCheck MODEL_FOLDER SESSIONS SEED [STEPS [GUIDANCE]]";
        if (args.length < 3) {
            System.err.println(usage);
            System.exit(2);
        }
        int sessions = TurnOneCheck.positive(args[1], "SESSIONS", usage);
        long seed = Long.parseLong(args[2]);
        int steps = args.length > 3 ? TurnOneCheck.positive(args[3], "STEPS", usage) : 1;
        float guidance = args.length > 4 ? Float.parseFloat(args[4]) : 1f;
        InferenceThreads.prepare();
        double[][] sum = new double[LEVELS.length][4]; // pooled squared error and count, inside then outside
        double[][] noisy = new double[LEVELS.length][4]; // the same for x_t itself: what no denoising scores
        double[] identity = new double[4];
        double[] sampled = new double[4];
        try (NDManager m = NDManager.newBaseManager();
             ModelFolder.Loaded loaded = ModelFolder.load(Path.of(args[0]), m);
             DitEditModel edit = DitEditModel.load(Path.of(args[0]))) {
            ModelConfig c = loaded.config();
            if (c.learnedCodec()) {
                throw new IllegalArgumentException("NoiseLevelCheck measures pixel-patch models; " + args[0]
                        + " uses a learned codec");
            }
            BlockCausalDiT model = new BlockCausalDiT(loaded.weights());
            PatchCodec codec = PatchCodec.of(c);
            Random rng = new Random(seed);
            for (int i = 0; i < sessions; i++) {
                StudioSession s = TurnOneCheck.session(seed, i, c.imageSize());
                StudioTurn turn = s.turns().get(0);
                float[] source = codec.encodeImage(s.startImage());
                float[] truth = codec.encodeImage(turn.image());
                boolean[] region = region(codec, turn);
                add(identity, source, truth, region);
                int[] text = loaded.tokenizer().encode(turn.text());
                add(sampled, codec.encodeImage(TurnOneCheck.edit(edit, s, seed + i, steps, guidance)), truth, region);
                for (int l = 0; l < LEVELS.length; l++) {
                    float t = LEVELS[l];
                    float[] xt = new float[truth.length];
                    for (int j = 0; j < xt.length; j++) {
                        xt[j] = (1 - t) * truth[j] + t * (float) rng.nextGaussian();
                    }
                    float[] x0 = predict(m, model, c, source, text, xt, t);
                    add(sum[l], x0, truth, region);
                    add(noisy[l], xt, truth, region);
                }
            }
        }
        System.out.printf(Locale.ROOT, "one-shot x0 PSNR dB over %d sessions, pooled (inside / outside the edit region;"
                + " x_t: the noisy input itself)%n", sessions);
        for (int l = 0; l < LEVELS.length; l++) {
            System.out.printf(Locale.ROOT, "t = %.2f  %6.2f / %6.2f   (x_t %6.2f / %6.2f)%n", LEVELS[l],
                    psnr(sum[l], 0), psnr(sum[l], 2), psnr(noisy[l], 0), psnr(noisy[l], 2));
        }
        System.out.printf(Locale.ROOT, "source    %6.2f / %6.2f  (change nothing; %.0f = exact)%n", psnr(identity, 0), psnr(identity, 2), Psnr.CAP);
        System.out.printf(Locale.ROOT, "edit      %6.2f / %6.2f  (DitEditModel, %d steps, guidance %.1f)%n",
                psnr(sampled, 0), psnr(sampled, 2), steps, guidance);
    }

    private static float[] predict(NDManager parent, BlockCausalDiT model, ModelConfig c, float[] source, int[] text,
                                   float[] xt, float t) {
        TokenBatch.Builder b = new TokenBatch.Builder(c).newRow();
        b.addClean(Segment.image(0, source));
        b.addClean(Segment.text(1, text));
        b.addNoisy(Segment.image(1, xt), t, 1);
        TokenBatch batch = b.build();
        try (NDManager m = parent.newSubManager()) {
            int g = c.gridTokens();
            NDArray hidden = model.forward(m, batch, true);
            NDArray src = c.sourceConditioning() ? m.create(source, new Shape(1, g, c.imagePatchDim())) : null;
            NDArray noisy = m.create(xt, new Shape(1, g, c.imagePatchDim()));
            return model.predictClean(hidden.get(":, " + (batch.length - g) + ":, :"), SegmentKind.IMAGE, src, noisy,
                    t).toFloatArray();
        }
    }

    /** Per codec value: whether its pixel lies in the turn's edit region (Ck or Nk). */
    private static boolean[] region(PatchCodec codec, StudioTurn turn) {
        float[] c = turn.currentMask() == null ? null : codec.encodeImage(turn.currentMask());
        float[] n = turn.nextMask() == null ? null : codec.encodeImage(turn.nextMask());
        boolean[] out = new boolean[codec.tokens() * codec.imageTokenDim()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (c != null && c[i] > 0) || (n != null && n[i] > 0);
        }
        return out;
    }

    /** Adds squared errors (values in [-1, 1], as 0..1 differences) and counts, inside then outside the region. */
    private static void add(double[] acc, float[] a, float[] b, boolean[] region) {
        for (int i = 0; i < a.length; i++) {
            int k = region[i] ? 0 : 2;
            double d = (a[i] - b[i]) / 2.0;
            acc[k] += d * d;
            acc[k + 1]++;
        }
    }

    /** PSNR of pooled squared errors at {@code k}, capped like {@link Psnr}; the cap when exact or empty. */
    private static double psnr(double[] acc, int k) {
        return acc[k + 1] == 0 || acc[k] == 0 ? Psnr.CAP : Math.min(Psnr.CAP, 10 * Math.log10(acc[k + 1] / acc[k]));
    }
}
