package studio.vincie.train;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import studio.vincie.bench.ImageMetrics;
import studio.vincie.bench.JudgeTolerances;
import studio.vincie.data.dataset.Dataset;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.model.DitEditModel;

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
        List<String> ids = DatasetCheck.chosen(data, split, sessions, seed);
        double recall = 0;
        double psnrModel = 0;
        double psnrIdentity = 0;
        for (int i = 0; i < ids.size(); i++) {
            TrainingSession s = data.load(ids.get(i));
            BufferedImage before = s.images().get(0);
            BufferedImage after = s.images().get(1);
            BufferedImage out = DatasetCheck.editTurnOne(model, before, s.instructions().get(0), seed + i);
            recall += ImageMetrics.changeRecall(before, after, out, JudgeTolerances.DEFAULT);
            psnrModel += ImageMetrics.psnr(out, after);
            psnrIdentity += ImageMetrics.psnr(before, after);
        }
        int n = Math.max(1, ids.size());
        return new SplitFigures(split, ids.size(), recall / n, psnrModel / n, psnrIdentity / n);
    }

    public static void main(String[] args) {
        DatasetCheck.main(args, "usage: FitCheck MODEL_FOLDER DATASET SESSIONS SEED", (model, a) -> {
            System.out.printf(Locale.ROOT, "turn 1 of up to %d sessions per split, seed %d: change recall, PSNR dB "
                    + "model / returning the input%n", a.sessions(), a.seed());
            for (String split : List.of("train", "test")) {
                SplitFigures f = check(model, a.data(), split, a.sessions(), a.seed());
                if (f.turns() == 0) {
                    System.out.printf(Locale.ROOT, "%-6s no sessions%n", split);
                } else {
                    System.out.printf(Locale.ROOT, "%-6s %4d turns   recall %.3f   PSNR %.2f / %.2f%n", f.split(),
                            f.turns(), f.changeRecall(), f.psnrModel(), f.psnrIdentity());
                }
            }
        });
    }
}
