package studio.vincie.train;

import java.awt.image.BufferedImage;
import java.util.Locale;

import studio.vincie.bench.ImageMetrics;
import studio.vincie.bench.JudgeTolerances;
import studio.vincie.data.dataset.Dataset;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.data.world.NamedColor;
import studio.vincie.model.DitEditModel;

/**
 * Does the model read the instruction? For recolor sessions of a dataset's train split, turn 1 is
 * edited three times: with its instruction, with the target colour word swapped for another one, and
 * with the instruction at another sampling seed. If the swapped colour changes the output less than
 * the seed does (higher PSNR between the two outputs), the model is not reading the colour word, even
 * though it is all a recolor turn is about. Not a test: a diagnostic for the instruction pathway.
 *
 * <p>Run: {@code java -cp target/vincie.jar studio.vincie.train.InstructionCheck MODEL DATASET SESSIONS SEED}.
 */
public final class InstructionCheck {

    private InstructionCheck() {
    }

    /** Mean PSNR (dB) between outputs: swapped colour word vs same instruction at another seed. */
    public record Figures(int turns, double colourSwap, double seedChange, double changeRecall) {
    }

    /**
     * The instruction with its last colour word replaced by the next colour of {@link NamedColor} that
     * the instruction does not already name (the target colour of a recolor instruction comes last:
     * "make the black cross orange"); null when it names no colour.
     */
    public static String swapTargetColour(String instruction) {
        String[] words = instruction.split(" ", -1);
        for (int i = words.length - 1; i >= 0; i--) {
            String bare = words[i].replaceAll("[^A-Za-z]", "");
            for (NamedColor c : NamedColor.values()) {
                if (c.word().equalsIgnoreCase(bare)) {
                    String lower = " " + instruction.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", " ") + " ";
                    for (int step = 1; step < NamedColor.values().length; step++) {
                        NamedColor other = NamedColor.values()[(c.ordinal() + step) % NamedColor.values().length];
                        if (!lower.contains(" " + other.word() + " ")) {
                            words[i] = words[i].replace(bare, other.word());
                            return String.join(" ", words);
                        }
                    }
                    return null;
                }
            }
        }
        return null;
    }

    public static Figures check(DitEditModel model, Dataset data, int sessions, long seed) {
        double swap = 0;
        double reseed = 0;
        double recall = 0;
        int n = 0;
        for (String id : DatasetCheck.chosen(data, "train", Integer.MAX_VALUE, seed)) {
            if (n == sessions) {
                break;
            }
            TrainingSession s = data.load(id);
            String text = s.instructions().get(0);
            String swapped = swapTargetColour(text);
            if (!"recolor".equals(s.categories().get(0)) || swapped == null) {
                continue;
            }
            BufferedImage source = s.images().get(0);
            BufferedImage a = DatasetCheck.editTurnOne(model, source, text, seed + n);
            swap += ImageMetrics.psnr(a, DatasetCheck.editTurnOne(model, source, swapped, seed + n));
            reseed += ImageMetrics.psnr(a, DatasetCheck.editTurnOne(model, source, text, seed + n + 1_000_003L));
            recall += ImageMetrics.changeRecall(source, s.images().get(1), a, JudgeTolerances.DEFAULT);
            n++;
        }
        int d = Math.max(1, n);
        return new Figures(n, swap / d, reseed / d, recall / d);
    }

    public static void main(String[] args) {
        DatasetCheck.main(args, "usage: InstructionCheck MODEL_FOLDER DATASET SESSIONS SEED", (model, a) -> {
            Figures f = check(model, a.data(), a.sessions(), a.seed());
            if (f.turns() == 0) {
                System.out.println("no recolor turn 1 with a colour word in the train split of " + a.data().dir());
                return;
            }
            System.out.printf(Locale.ROOT, "%d recolor turns (train split): PSNR between outputs, colour word swapped "
                    + "%.2f dB, another seed %.2f dB (%s); change recall %.3f%n", f.turns(), f.colourSwap(),
                    f.seedChange(), f.colourSwap() > f.seedChange() ? "the colour word matters less than the seed"
                            : "the colour word matters more than the seed", f.changeRecall());
        });
    }
}
