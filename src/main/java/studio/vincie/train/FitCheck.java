package studio.vincie.train;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import studio.vincie.bench.ImageMetrics;
import studio.vincie.bench.JudgeTolerances;
import studio.vincie.data.dataset.Dataset;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.model.Cancellation;
import studio.vincie.model.DitEditModel;
import studio.vincie.model.EditProgress;
import studio.vincie.model.EditRequest;

/**
 * Does the model edit the sessions it was trained on better than the ones it was not? For a seeded
 * choice of sessions from each split of a dataset, turn 1 is edited from its instruction alone (the
 * model's default sampler) and compared with the session's own image 1: the benchmark judge's change
 * recall ({@link ImageMetrics#changeRecall}, the share of the pixels the edit changes that moved towards
 * the truth) and the PSNR, beside the PSNR of returning the input. Both splits low means the model has
 * not fitted its data (compute or capacity); train high and test low means it memorised (data). Not a
 * test: a diagnostic for the limits section of a model card.
 *
 * <p>Run: {@code java -cp target/vincie.jar studio.vincie.train.FitCheck MODEL DATASET SESSIONS SEED}.
 */
public final class FitCheck {

    private FitCheck() {
    }

    /** Means over the checked turns of one split. */
    public record SplitFigures(String split, int turns, double changeRecall, double psnrModel, double psnrIdentity) {
    }

    public static SplitFigures check(DitEditModel model, Dataset data, String split, int sessions, long seed) {
        List<String> ids = new ArrayList<>(data.ids(split));
        Collections.shuffle(ids, new Random(seed));
        ids = ids.subList(0, Math.min(sessions, ids.size()));
        double recall = 0;
        double psnrModel = 0;
        double psnrIdentity = 0;
        JudgeTolerances tol = JudgeTolerances.DEFAULT;
        for (int i = 0; i < ids.size(); i++) {
            TrainingSession s = data.load(ids.get(i));
            BufferedImage before = s.images().get(0);
            BufferedImage after = s.images().get(1);
            EditRequest request = new EditRequest(before, List.of(), s.instructions().get(0), null, seed + i,
                    model.config().defaultSteps(), model.config().defaultGuidance());
            BufferedImage out = model.edit(request, EditProgress.NONE, Cancellation.NEVER).image();
            recall += ImageMetrics.changeRecall(before, after, out, tol.changedPixelDelta(), 4);
            psnrModel += ImageMetrics.psnr(out, after);
            psnrIdentity += ImageMetrics.psnr(before, after);
        }
        int n = Math.max(1, ids.size());
        return new SplitFigures(split, ids.size(), recall / n, psnrModel / n, psnrIdentity / n);
    }

    public static void main(String[] args) throws Exception {
        String usage = "usage: FitCheck MODEL_FOLDER DATASET SESSIONS SEED";
        if (args.length < 4) {
            System.err.println(usage);
            System.exit(2);
        }
        int sessions = TurnOneCheck.positive(args[2], "SESSIONS", usage);
        long seed = Long.parseLong(args[3]);
        Dataset data = Dataset.open(Path.of(args[1]));
        try (DitEditModel model = DitEditModel.load(Path.of(args[0]))) {
            System.out.printf(Locale.ROOT, "turn 1 of up to %d sessions per split, seed %d: change recall, PSNR dB "
                    + "model / returning the input%n", sessions, seed);
            for (String split : List.of("train", "test")) {
                SplitFigures f = check(model, data, split, sessions, seed);
                if (f.turns() == 0) {
                    System.out.printf(Locale.ROOT, "%-6s no sessions%n", split);
                    continue;
                }
                System.out.printf(Locale.ROOT, "%-6s %4d turns   recall %.3f   PSNR %.2f / %.2f%n", f.split(), f.turns(),
                        f.changeRecall(), f.psnrModel(), f.psnrIdentity());
            }
        }
    }
}
