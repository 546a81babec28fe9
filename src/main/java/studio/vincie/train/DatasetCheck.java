package studio.vincie.train;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import studio.vincie.data.dataset.Dataset;
import studio.vincie.data.dataset.DatasetFormatException;
import studio.vincie.model.DitEditModel;
import studio.vincie.model.io.ModelLoadException;

/**
 * What {@link FitCheck} and {@link InstructionCheck} share: the arguments {@code MODEL DATASET SESSIONS
 * SEED} (bad ones end the program with a message and exit code 2), a seeded choice of a split's
 * sessions, and one edit of a first turn with the model's own sampler defaults.
 */
final class DatasetCheck {

    /** The parsed arguments; the dataset is already open. */
    record Args(Path model, Dataset data, int sessions, long seed) {
    }

    /** The model's work, given the loaded model and the arguments. */
    interface Body {
        void run(DitEditModel model, Args args);
    }

    private DatasetCheck() {
    }

    /** Parses the arguments, loads the model and runs {@code body}; bad input exits 2 with what is wrong. */
    static void main(String[] args, String usage, Body body) {
        if (args.length != 4) {
            fail(usage);
        }
        int sessions = TurnOneCheck.positive(args[2], "SESSIONS", usage);
        long seed = 0;
        try {
            seed = Long.parseLong(args[3]);
        } catch (NumberFormatException e) {
            fail("SEED must be a whole number, was '" + args[3] + "'\n" + usage);
        }
        try {
            Args parsed = new Args(Path.of(args[0]), Dataset.open(Path.of(args[1])), sessions, seed);
            try (DitEditModel model = DitEditModel.load(parsed.model())) {
                body.run(model, parsed);
            }
        } catch (DatasetFormatException | ModelLoadException | IllegalArgumentException e) {
            fail(e.getMessage());
        }
    }

    /** Up to {@code count} sessions of {@code split}, in a seeded random order. */
    static List<String> chosen(Dataset data, String split, int count, long seed) {
        return chosen(data.ids(split), count, seed);
    }

    /** Up to {@code count} of {@code all}, in a seeded random order. */
    static List<String> chosen(List<String> all, int count, long seed) {
        List<String> ids = new ArrayList<>(all);
        Collections.shuffle(ids, new Random(seed));
        return ids.subList(0, Math.min(count, ids.size()));
    }

    /** Turn 1 edited from {@code source} and the instruction alone, with the model's default steps and guidance. */
    static BufferedImage editTurnOne(DitEditModel model, BufferedImage source, String instruction, long seed) {
        return TurnOneCheck.edit(model, source, instruction, seed, model.config().defaultSteps(),
                model.config().defaultGuidance());
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
