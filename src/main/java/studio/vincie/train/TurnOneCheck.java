package studio.vincie.train;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import studio.vincie.bench.ImageMetrics;
import studio.vincie.data.frames.Psnr;
import studio.vincie.data.world.StudioSession;
import studio.vincie.data.world.StudioSessionGenerator;
import studio.vincie.data.world.StudioTurn;
import studio.vincie.model.Cancellation;
import studio.vincie.model.DitEditModel;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditProgress;

/**
 * A quick, honest sanity check of a trained model folder on held-out studio sessions (not the
 * benchmark): for each session, turn 1 is edited from its instruction alone, and the result is
 * compared with the ground-truth image: PSNR, and the mean absolute change inside versus outside the
 * ground-truth edit region (union of Ck and Nk), and the benchmark's noise figure (high-frequency
 * energy above the ground truth's). The same numbers for "return the input unchanged"
 * are printed beside, so a reader sees whether the model does better than doing nothing.
 *
 * <p>Run: {@code java -cp target/vincie.jar studio.vincie.train.TurnOneCheck MODEL SESSIONS SEED}.
 */
public final class TurnOneCheck {

    private TurnOneCheck() {
    }

    /**
     * Per-session figures: PSNR model / identity, mean |change| inside / outside the region, and the
     * benchmark's noise figure (the output's high-frequency energy minus the ground truth's,
     * {@link ImageMetrics#highFrequencyExcess}, 0..255; about 0 for a clean edit).
     */
    public record Figures(double psnrModel, double psnrIdentity, double changeInside, double changeOutside,
                          double noise) {
    }

    /**
     * Check session {@code i} of a seed: one turn at {@code size} px. The single definition shared by this
     * check, {@link NoiseLevelCheck} and the shipped-model test, so their figures are about the same turns.
     */
    public static StudioSession session(long seed, int i, int size) {
        return StudioSessionGenerator.generate(seed * 7_000_003L + i, 1, size);
    }

    /** Turn 1 of {@code s} edited from its instruction alone, with the given sampler settings. */
    public static BufferedImage edit(DitEditModel model, StudioSession s, long seed, int steps, float guidance) {
        return edit(model, s.startImage(), s.turns().get(0).text(), seed, steps, guidance);
    }

    /** A first turn edited from {@code source} and the instruction alone (no history, no mask). */
    public static BufferedImage edit(DitEditModel model, BufferedImage source, String instruction, long seed, int steps,
                                     float guidance) {
        EditRequest request = new EditRequest(source, List.of(), instruction, null, seed, steps, guidance);
        return model.edit(request, EditProgress.NONE, Cancellation.NEVER).image();
    }

    /** Parses a count argument, exiting with the usage line when it is not a positive number. */
    static int positive(String value, String name, String usage) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        System.err.println(name + " must be a positive whole number, was '" + value + "'\n" + usage);
        System.exit(2);
        return 0;
    }

    public static Figures check(DitEditModel model, StudioSession s, long seed) {
        StudioTurn t = s.turns().get(0);
        BufferedImage out = edit(model, s, seed, model.config().defaultSteps(), model.config().defaultGuidance());
        return new Figures(Psnr.of(out, t.image()), Psnr.of(s.startImage(), t.image()),
                change(s.startImage(), out, t.currentMask(), t.nextMask(), true),
                change(s.startImage(), out, t.currentMask(), t.nextMask(), false),
                ImageMetrics.highFrequencyExcess(out, t.image()));
    }


    static double change(BufferedImage before, BufferedImage after, BufferedImage c, BufferedImage nx,
                         boolean inside) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < before.getHeight(); y++) {
            for (int x = 0; x < before.getWidth(); x++) {
                boolean region = (c != null && (c.getRaster().getSample(x, y, 0) > 127))
                        || (nx != null && (nx.getRaster().getSample(x, y, 0) > 127));
                if (region != inside) {
                    continue;
                }
                int p = before.getRGB(x, y);
                int q = after.getRGB(x, y);
                for (int sh = 0; sh <= 16; sh += 8) {
                    sum += Math.abs(((p >> sh) & 0xFF) - ((q >> sh) & 0xFF));
                }
                n += 3;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** {@code MODEL SESSIONS SEED}: prints one line per session and the means. */
    public static void main(String[] args) throws Exception {
        String usage = "usage: TurnOneCheck MODEL_FOLDER SESSIONS SEED";
        if (args.length < 3) {
            System.err.println(usage);
            System.exit(2);
        }
        int sessions = positive(args[1], "SESSIONS", usage);
        long seed = Long.parseLong(args[2]);
        double[] sum = new double[5];
        try (DitEditModel model = DitEditModel.load(Path.of(args[0]))) {
            int size = model.config().imageSize();
            for (int i = 0; i < sessions; i++) {
                StudioSession s = session(seed, i, size);
                Figures f = check(model, s, seed + i);
                System.out.printf(Locale.ROOT, "%3d %-12s psnr model %.2f identity %.2f | change in %.1f out %.1f | noise %.2f | %s%n",
                        i, s.turns().get(0).category().label(), f.psnrModel(), f.psnrIdentity(), f.changeInside(),
                        f.changeOutside(), f.noise(), s.turns().get(0).text());
                sum[0] += f.psnrModel();
                sum[1] += f.psnrIdentity();
                sum[2] += f.changeInside();
                sum[3] += f.changeOutside();
                sum[4] += f.noise();
            }
        }
        System.out.printf(Locale.ROOT, "mean over %d sessions: PSNR model %.2f dB, identity %.2f dB; mean |change| "
                + "inside the region %.1f, outside %.1f (0-255); noise (HF excess) %.2f%n", sessions, sum[0] / sessions,
                sum[1] / sessions, sum[2] / sessions, sum[3] / sessions, sum[4] / sessions);
    }
}
