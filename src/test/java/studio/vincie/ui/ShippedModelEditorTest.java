package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import studio.vincie.data.world.StudioSession;
import studio.vincie.data.world.StudioSessionGenerator;
import studio.vincie.data.world.StudioTurn;
import studio.vincie.model.DitEditModel;
import studio.vincie.session.EditSettings;
import studio.vincie.session.Turn;

/**
 * The editor on the model shipped in {@code models/default}, as a user meets it: the status bar names the
 * model and its domain, and two turns on a studio scene, the first inside a painted mask, come back as
 * new images in the history; with the mask, nothing outside it changes. Renders
 * {@code target/screenshots/editor-default-model.png} (with {@code -Dvincie.updateScreenshot=true}
 * {@code docs/images/editor-default-model.png}).
 */
@ExtendWith(ApplicationExtension.class)
class ShippedModelEditorTest {

    private static final Path FOLDER = Path.of("models", "default");
    static final Path SCREENSHOT = Boolean.getBoolean("vincie.updateScreenshot")
            ? Path.of("docs", "images", "editor-default-model.png")
            : Path.of("target", "screenshots", "editor-default-model.png");

    @TempDir
    static Path dir;

    private static DitEditModel model;
    private EditorHarness editor;

    @BeforeAll
    static void load() throws Exception {
        assertThat(FOLDER.resolve("config.json")).as("the shipped model").exists();
        model = DitEditModel.load(FOLDER);
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Start
    void start(Stage stage) {
        editor = new EditorHarness(stage, dir.resolve("autosave"), 1280, 800, model);
    }

    @AfterEach
    void tearDown() {
        editor.shutdown();
    }

    @Test
    void editsAStudioSceneInsideThePaintedMask(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !editor.vm.model().loadingProperty().get());
        assertThat(editor.vm.model().statusProperty().get()).contains("Model: ").containsIgnoringCase("studio");

        StudioSession s = StudioSessionGenerator.generate(27, 2, model.config().imageSize());
        StudioTurn first = s.turns().get(0);
        Turn[] turns = new Turn[2];
        robot.interact(() -> {
            editor.controller.startFrom(s.startImage(), "studio scene 27");
            turns[0] = editor.controller.session().current();
        });
        edit(robot, first.text(), first.currentMask());
        robot.interact(() -> turns[1] = editor.controller.session().current());
        edit(robot, s.turns().get(1).text(), null);

        int[] counts = new int[2];
        robot.interact(() -> {
            counts[0] = editor.controller.session().size();
            counts[1] = editor.view.historyView().tree().getExpandedItemCount();
        });
        assertThat(counts).containsExactly(3, 3);
        int[] changed = changedPixels(turns[0].image(), turns[1].image(), first.currentMask());
        assertThat(changed[0]).as("pixels changed inside the painted mask").isPositive();
        assertThat(changed[1]).as("pixels changed outside the painted mask").isZero();
        assertThat(editor.errors.messages).isEmpty();
        editor.screenshot(robot, SCREENSHOT);
    }

    /** Runs one edit as the Edit button does and waits until its turn is in the history (or it failed). */
    private void edit(FxRobot robot, String instruction, BufferedImage mask) throws Exception {
        int[] before = new int[1];
        robot.interact(() -> {
            before[0] = editor.controller.session().size();
            editor.vm.edit().instructionProperty().set(instruction);
            editor.controller.edit(instruction, mask,
                    new EditSettings(1, model.config().defaultSteps(), model.config().defaultGuidance()));
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> editor.controller.session().size() > before[0] || !editor.errors.messages.isEmpty()).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.errors.messages).as("errors reported by the editor").isEmpty();
    }

    /**
     * {inside, outside}: pixels of {@code b} that differ from {@code a} inside the mask (white), and
     * farther than {@link #BAND} px from it (the edit's region is grown and feathered by a few pixels).
     */
    private static int[] changedPixels(BufferedImage a, BufferedImage b, BufferedImage mask) {
        int[] n = new int[2];
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) == b.getRGB(x, y)) {
                    continue;
                }
                if (white(mask, x, y)) {
                    n[0]++;
                } else if (!nearWhite(mask, x, y)) {
                    n[1]++;
                }
            }
        }
        return n;
    }

    private static final int BAND = 5;

    private static boolean white(BufferedImage mask, int x, int y) {
        return mask.getRaster().getSample(x, y, 0) > 127;
    }

    private static boolean nearWhite(BufferedImage mask, int x, int y) {
        for (int v = Math.max(0, y - BAND); v <= Math.min(mask.getHeight() - 1, y + BAND); v++) {
            for (int u = Math.max(0, x - BAND); u <= Math.min(mask.getWidth() - 1, x + BAND); u++) {
                if (white(mask, u, v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
