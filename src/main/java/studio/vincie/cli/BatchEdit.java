package studio.vincie.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.model.EditModel;
import studio.vincie.session.EditJob;
import studio.vincie.session.EditSettings;
import studio.vincie.session.Session;
import studio.vincie.session.SessionController;
import studio.vincie.session.SessionEvent;
import studio.vincie.session.Turn;
import studio.vincie.session.io.ImageFiles;
import studio.vincie.session.io.SessionStore;
import studio.vincie.session.io.StoryboardExporter;
import studio.vincie.session.io.TurnExporter;

/**
 * The work behind {@code vincie edit}, apart from the command line: applies instructions as
 * successive turns of one session through a {@link SessionController} running on the calling thread
 * (so each turn's output is the next turn's context, as in the paper's e-commerce workflow), then
 * writes every turn, its predicted masks, the {@code .vincie} session and a storyboard into a folder.
 * Turn {@code k} is sampled with seed {@code seed + k - 1}, so turns do not share their noise.
 */
public final class BatchEdit {

    private static final Logger LOG = LoggerFactory.getLogger(BatchEdit.class);

    static final String SESSION_FILE = "session" + SessionStore.EXTENSION;
    static final String STORYBOARD_FILE = "storyboard.png";

    /** Reports the progress of the whole batch: turn {@code turn} of {@code turns}, step {@code done} of {@code total}. */
    @FunctionalInterface
    public interface Progress {
        void step(int turn, int turns, int done, int total);
    }

    /**
     * One batch: the source image, its session title, the instructions in order, an optional mask for
     * the first turn (the image's size) and the sampler settings of turn 1.
     */
    public record Job(BufferedImage source, String title, List<String> instructions, BufferedImage firstMask,
                      EditSettings settings) {

        public Job {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(settings, "settings");
            title = title == null || title.isBlank() ? "edit" : title;
            instructions = List.copyOf(instructions);
            if (instructions.isEmpty()) {
                throw new IllegalArgumentException("give at least one --instruction");
            }
            for (String i : instructions) {
                if (i.isBlank()) {
                    throw new IllegalArgumentException("an --instruction is empty; type what to change");
                }
            }
            if (firstMask != null && (firstMask.getWidth() != source.getWidth()
                    || firstMask.getHeight() != source.getHeight())) {
                throw new IllegalArgumentException("the mask is " + firstMask.getWidth() + "x" + firstMask.getHeight()
                        + " but the image is " + source.getWidth() + "x" + source.getHeight()
                        + "; paint the mask at the image's size");
            }
        }
    }

    private BatchEdit() {
    }

    /**
     * Runs the turns and returns the session (source plus one turn per instruction).
     *
     * @throws IllegalStateException naming the turn when the model fails or is cancelled
     */
    public static Session run(EditModel model, Job job, Progress progress) {
        SessionController controller = new SessionController(Runnable::run, Runnable::run);
        controller.setModel(model);
        controller.startFrom(job.source(), job.title());
        int turns = job.instructions().size();
        for (int k = 1; k <= turns; k++) {
            String instruction = job.instructions().get(k - 1);
            EditSettings settings = job.settings().withSeed(job.settings().seed() + k - 1);
            int turn = k;
            // Same-thread executors: the listener sees the progress events and edit() returns finished.
            var listener = progressListener(controller, turn, turns, progress);
            controller.addListener(listener);
            EditJob done;
            try {
                done = controller.edit(instruction, k == 1 ? job.firstMask() : null, settings);
            } finally {
                controller.removeListener(listener);
            }
            if (done.state() != EditJob.State.SUCCEEDED) {
                throw new IllegalStateException("turn " + k + " (\"" + instruction + "\") "
                        + (done.state() == EditJob.State.FAILED ? "failed: " + done.errorMessage() : "was cancelled"));
            }
            LOG.debug("turn {} of {} done: {}", k, turns, instruction);
        }
        // Not controller.setModel(null): that would close the model, which the caller owns.
        return controller.session();
    }

    private static Consumer<SessionEvent> progressListener(
            SessionController controller, int turn, int turns, Progress progress) {
        return event -> {
            if (event instanceof SessionEvent.JobChanged changed
                    && changed.job().stepsTotal() > 0) {
                progress.step(turn, turns, changed.job().stepsDone(), changed.job().stepsTotal());
            }
        };
    }

    /** Every file {@link #write} may create for {@code turns} turns, so callers can refuse to overwrite. */
    public static List<Path> outputs(Path dir, int turns) {
        List<Path> files = new ArrayList<>();
        for (int k = 1; k <= turns; k++) {
            files.add(turnFile(dir, k));
            files.add(currentMaskFile(dir, k));
            files.add(nextMaskFile(dir, k));
        }
        files.add(dir.resolve(SESSION_FILE));
        files.add(dir.resolve(STORYBOARD_FILE));
        return files;
    }

    /** Output files that already exist. */
    public static List<Path> existing(Path dir, int turns) {
        return outputs(dir, turns).stream().filter(Files::exists).toList();
    }

    /** Writes the turns (PNG with metadata), their predicted masks, the session and the storyboard; returns the files. */
    public static List<Path> write(Session session, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        List<Turn> branch = session.branch();
        for (Turn turn : branch) {
            if (turn.isRoot()) {
                continue;
            }
            int k = turn.depth();
            Path file = turnFile(dir, k);
            TurnExporter.exportPng(turn, file);
            written.add(file);
            if (turn.predictedCurrentMask() != null) {
                Path mask = currentMaskFile(dir, k);
                ImageFiles.writePng(turn.predictedCurrentMask(), mask);
                written.add(mask);
            }
            if (turn.predictedNextMask() != null) {
                Path mask = nextMaskFile(dir, k);
                ImageFiles.writePng(turn.predictedNextMask(), mask);
                written.add(mask);
            }
        }
        Path sessionFile = dir.resolve(SESSION_FILE);
        SessionStore.save(session, sessionFile);
        written.add(sessionFile);
        Path board = dir.resolve(STORYBOARD_FILE);
        StoryboardExporter.exportPng(session, branch, board);
        written.add(board);
        return written;
    }

    static Path turnFile(Path dir, int k) {
        return dir.resolve("turn-" + k + ".png");
    }

    static Path currentMaskFile(Path dir, int k) {
        return dir.resolve("turn-" + k + "-current-mask.png");
    }

    static Path nextMaskFile(Path dir, int k) {
        return dir.resolve("turn-" + k + "-next-mask.png");
    }
}
