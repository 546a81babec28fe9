package studio.vincie.train;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import studio.vincie.bench.ImageMetrics;
import studio.vincie.data.dataset.Dataset;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.model.DitEditModel;

/**
 * Which colour does the model paint? On a {@link RecolorContrast} dataset (one scene, one object, every
 * other colour), each session's turn 1 is edited and the mean colour of the output inside the object's
 * region is classified as the nearest of the scene's ground-truth target colours (their mean in the
 * same region). Accuracy 1 means the model paints the named colour; chance is one in the number of
 * colours (1/11). Also prints how far the output's region mean lies from the truth and from the source,
 * in RGB units (0-255). Scenes of the train and the test split are reported apart.
 *
 * <p>Run: {@code java -cp target/vincie.jar studio.vincie.train.ColourCheck MODEL DATASET SCENES SEED}.
 */
public final class ColourCheck {

    private ColourCheck() {
    }

    /** Over {@code sessions} edits: accuracy, mean RGB distance of the output to the truth and to the source. */
    public record Figures(int scenes, int sessions, double accuracy, double toTruth, double toSource) {
    }

    public static Figures check(DitEditModel model, Dataset data, String split, int scenes, long seed) {
        Map<String, List<String>> byScene = WordLossCheck.scenes(data, split);
        int n = 0;
        int right = 0;
        double toTruth = 0;
        double toSource = 0;
        int used = 0;
        for (String scene : DatasetCheck.chosen(new ArrayList<>(byScene.keySet()), scenes, seed)) {
            List<TrainingSession> set = new ArrayList<>();
            for (String id : byScene.get(scene)) {
                set.add(data.load(id));
            }
            BufferedImage region = set.get(0).currentMasks().get(0);
            double[] source = meanIn(set.get(0).images().get(0), region);
            double[][] truth = new double[set.size()][];
            for (int i = 0; i < set.size(); i++) {
                truth[i] = meanIn(set.get(i).images().get(1), region);
            }
            for (int i = 0; i < set.size(); i++) {
                TrainingSession s = set.get(i);
                BufferedImage out = DatasetCheck.editTurnOne(model, s.images().get(0), s.instructions().get(0), seed + n);
                double[] got = meanIn(out, region);
                int best = 0;
                for (int j = 1; j < truth.length; j++) {
                    if (distance(got, truth[j]) < distance(got, truth[best])) {
                        best = j;
                    }
                }
                right += best == i ? 1 : 0;
                toTruth += distance(got, truth[i]);
                toSource += distance(got, source);
                n++;
            }
            used++;
        }
        int d = Math.max(1, n);
        return new Figures(used, n, right / (double) d, toTruth / d, toSource / d);
    }

    /** Mean RGB (0-255) of {@code image} where {@code mask} (the same size) is set ({@link ImageMetrics#binary}). */
    static double[] meanIn(BufferedImage image, BufferedImage mask) {
        boolean[] in = ImageMetrics.binary(mask);
        int w = image.getWidth();
        double[] sum = new double[3];
        int count = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                int p = image.getRGB(i % w, i / w);
                sum[0] += (p >> 16) & 0xFF;
                sum[1] += (p >> 8) & 0xFF;
                sum[2] += p & 0xFF;
                count++;
            }
        }
        int d = Math.max(1, count);
        return new double[] {sum[0] / d, sum[1] / d, sum[2] / d};
    }

    private static double distance(double[] a, double[] b) {
        double r = a[0] - b[0];
        double g = a[1] - b[1];
        double bl = a[2] - b[2];
        return Math.sqrt(r * r + g * g + bl * bl);
    }

    public static void main(String[] args) {
        DatasetCheck.main(args, "usage: ColourCheck MODEL_FOLDER RECOLOR_CONTRAST_DATASET SCENES SEED", (model, a) -> {
            for (String split : List.of("train", "test")) {
                Figures f = check(model, a.data(), split, a.sessions(), a.seed());
                if (f.sessions() == 0) {
                    System.out.println(split + ": no scenes");
                    continue;
                }
                System.out.printf(Locale.ROOT, "%s: %d scenes, %d edits: colour accuracy %.3f (chance %.3f); "
                        + "region mean %.1f from the truth, %.1f from the source (RGB units)%n", split, f.scenes(),
                        f.sessions(), f.accuracy(), f.scenes() / (double) f.sessions(),
                        f.toTruth(), f.toSource());
            }
        });
    }
}
