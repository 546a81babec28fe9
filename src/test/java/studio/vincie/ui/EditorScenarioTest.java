package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import studio.vincie.session.ScriptedEditModel;
import studio.vincie.session.TestImages;
import studio.vincie.session.Turn;
import studio.vincie.ui.canvas.CanvasViewModel;

/**
 * The scenario, headless: open an image, paint a mask stroke with the mouse, type an
 * instruction, run the edit on the scripted fake, see the second history row, save, reopen, and find
 * the same turns and pixels.
 */
@ExtendWith(ApplicationExtension.class)
class EditorScenarioTest {

    @TempDir
    static Path dir;

    private EditorHarness editor;

    @Start
    void start(Stage stage) {
        editor = new EditorHarness(stage, dir.resolve("autosave"), 1100, 760);
    }

    @AfterEach
    void tearDown() {
        editor.shutdown();
    }

    @Test
    void openPaintEditSaveReopen(FxRobot robot) throws Exception {
        Path png = dir.resolve("street.png");
        ImageIO.write(TestImages.gradient(160, 120), "png", png.toFile());
        robot.interact(() -> editor.vm.files().open(png));
        assertThat(editor.vm.imageSizeProperty().get()).isEqualTo("160 × 120 px");
        assertThat(robot.lookup("#modelStatus").queryLabeled().getText()).isEqualTo("Model: Scripted fake · tests");

        // Paint a horizontal stroke across the image's middle, from x=40 to x=120 at y=60.
        robot.interact(() -> editor.vm.mask().brushSizeProperty().set(10));
        robot.moveTo(screenPoint(robot, 40, 60)).press(MouseButton.PRIMARY)
                .moveTo(screenPoint(robot, 80, 60)).moveTo(screenPoint(robot, 120, 60)).release(MouseButton.PRIMARY);
        BufferedImage mask = editor.vm.mask().mask();
        assertThat(editor.vm.mask().emptyProperty().get()).isFalse();
        assertThat(mask.getRaster().getSample(80, 60, 0)).isEqualTo(255);
        assertThat(mask.getRaster().getSample(80, 20, 0)).isZero();

        // Type the instruction and press Enter; while the fake is held, Edit is disabled and Cancel shows.
        editor.model.holdAtFirstStep();
        robot.clickOn("#instruction").write("make it red").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> editor.vm.edit().busyProperty().get());
        assertThat(robot.lookup("#editButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#cancelEdit").queryAs(Button.class).isVisible()).isTrue();
        editor.model.release();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> editor.view.historyView().tree().getExpandedItemCount() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        TreeItem<Turn> second = editor.view.historyView().tree().getTreeItem(1);
        assertThat(second.getValue().instruction()).isEqualTo("make it red");
        assertThat(robot.lookup(".turn-cell").queryAll()).anySatisfy(
                cell -> assertThat(((javafx.scene.control.TreeCell<?>) cell).getText()).isEqualTo("1. make it red"));
        int red = ScriptedEditModel.colorFor("make it red").getRGB();
        BufferedImage result = second.getValue().image();
        assertThat(result.getRGB(80, 60)).isEqualTo(red);
        assertThat(result.getRGB(80, 20)).isEqualTo(editor.controller.session().root().image().getRGB(80, 20));
        assertThat(editor.model.requests().get(0).userMask().getRaster().getSample(80, 60, 0)).isEqualTo(255);
        assertThat(editor.vm.mask().emptyProperty().get()).as("mask cleared after the edit").isTrue();
        assertThat(editor.vm.canvas().imageProperty().get()).isSameAs(result);

        Path file = dir.resolve("street.vincie");
        robot.interact(() -> assertThat(editor.vm.files().saveAsAndWait(file)).isTrue());
        assertThat(Files.size(file)).isPositive();
        robot.interact(() -> editor.vm.files().newSession());
        assertThat(editor.view.historyView().tree().getRoot()).isNull();
        robot.interact(() -> editor.vm.files().open(file));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(editor.view.historyView().tree().getExpandedItemCount()).isEqualTo(2);
        Turn reopened = editor.view.historyView().tree().getTreeItem(1).getValue();
        assertThat(reopened.instruction()).isEqualTo("make it red");
        assertThat(reopened.image().getRGB(80, 60)).isEqualTo(red);
        assertThat(reopened.userMask().getRaster().getSample(80, 60, 0)).isEqualTo(255);
        for (int y = 0; y < 120; y += 7) {
            for (int x = 0; x < 160; x += 7) {
                assertThat(reopened.image().getRGB(x, y)).isEqualTo(result.getRGB(x, y));
            }
        }
        assertThat(editor.errors.messages).isEmpty();
    }

    /** Screen coordinates of an image pixel, through the canvas's zoom and pan. */
    private Point2D screenPoint(FxRobot robot, double imageX, double imageY) {
        CanvasViewModel canvas = editor.vm.canvas();
        double z = canvas.zoomProperty().get();
        return editor.view.canvasView().localToScreen(canvas.panXProperty().get() + (imageX + 0.5) * z,
                canvas.panYProperty().get() + (imageY + 0.5) * z);
    }
}
