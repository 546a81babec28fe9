package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import studio.vincie.session.EditSettings;
import studio.vincie.session.TestImages;
import studio.vincie.session.Turn;

/**
 * Renders the editor with a small branching session to {@code target/screenshots/editor.png}, and checks
 * the picture is the editor and stays small. With {@code -Dvincie.updateScreenshot=true} it writes the
 * README's screenshot {@code docs/images/editor.png} instead, so an ordinary test run never changes
 * tracked files.
 */
@ExtendWith(ApplicationExtension.class)
class EditorScreenshotTest {

    static final Path SCREENSHOT = Boolean.getBoolean("vincie.updateScreenshot")
            ? Path.of("docs", "images", "editor.png")
            : Path.of("target", "screenshots", "editor.png");

    @TempDir
    static Path dir;

    private EditorHarness editor;

    @Start
    void start(Stage stage) {
        editor = new EditorHarness(stage, dir.resolve("autosave"), 1280, 800);
    }

    @AfterEach
    void tearDown() {
        editor.shutdown();
    }

    @Test
    void rendersTheEditorWithABranchingSession(FxRobot robot) throws Exception {
        robot.interact(() -> editor.controller.startFrom(scene(512, 384), "countryside"));
        edit(robot, "add a balloon in the sky", ellipse(512, 384, 70, 40, 90, 110));
        Turn balloon = editor.controller.session().current();
        edit(robot, "paint the door", TestImages.rectMask(512, 384, 300, 262, 36, 58));
        robot.interact(() -> editor.vm.history().select(balloon));
        edit(robot, "make the far hill darker", ellipse(512, 384, 330, 210, 260, 90));
        robot.interact(() -> {
            editor.vm.mask().brushSizeProperty().set(28);
            editor.vm.mask().beginStroke(150, 300);
            editor.vm.mask().strokeTo(200, 312);
            editor.vm.mask().strokeTo(240, 305);
            editor.vm.mask().endStroke();
            editor.vm.edit().instructionProperty().set("add a small dog on the grass");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.view.historyView().tree().getExpandedItemCount()).isEqualTo(4);

        BufferedImage rgb = editor.screenshot(robot, SCREENSHOT);

        assertThat(rgb.getWidth()).isEqualTo(1280);
        assertThat(Files.size(SCREENSHOT)).isLessThan(500_000);
        assertThat(editor.errors.messages).isEmpty();
    }

    private void edit(FxRobot robot, String instruction, BufferedImage mask) throws Exception {
        int before = editor.controller.session().size();
        robot.interact(() -> editor.controller.edit(instruction, mask, new EditSettings(42, 4, 1f)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> editor.controller.session().size() == before + 1);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A small countryside picture: sky, sun, two hills, a house. */
    static BufferedImage scene(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(110, 170, 235), 0, h * 0.6f, new Color(200, 225, 245)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(255, 220, 120));
        g.fill(new Ellipse2D.Double(w * 0.75, h * 0.08, 60, 60));
        g.setColor(new Color(90, 150, 90));
        g.fill(new Ellipse2D.Double(w * 0.35, h * 0.5, w * 0.9, h * 0.5));
        g.setColor(new Color(110, 175, 95));
        g.fill(new Ellipse2D.Double(-w * 0.3, h * 0.6, w * 1.1, h * 0.6));
        g.setColor(new Color(235, 225, 205));
        g.fillRect(260, 220, 110, 100);
        Path2D roof = new Path2D.Double();
        roof.moveTo(250, 222);
        roof.lineTo(315, 170);
        roof.lineTo(380, 222);
        roof.closePath();
        g.setColor(new Color(150, 80, 60));
        g.fill(roof);
        g.setColor(new Color(120, 90, 70));
        g.fillRect(300, 262, 36, 58);
        g.setColor(new Color(140, 190, 230));
        g.fillRect(272, 240, 22, 22);
        g.setStroke(new BasicStroke(2));
        g.setColor(new Color(90, 70, 60));
        g.drawRect(272, 240, 22, 22);
        g.dispose();
        return img;
    }

    private static BufferedImage ellipse(int w, int h, int x, int y, int ew, int eh) {
        BufferedImage m = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = m.createGraphics();
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(x, y, ew, eh));
        g.dispose();
        return m;
    }
}
