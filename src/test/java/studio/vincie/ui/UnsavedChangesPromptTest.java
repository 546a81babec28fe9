package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import studio.vincie.session.TestImages;

/** The Save / Discard / Cancel prompt before unsaved work is replaced, and which dropped files open. */
@ExtendWith(ApplicationExtension.class)
class UnsavedChangesPromptTest {

    @TempDir
    static Path dir;

    private EditorHarness editor;

    @Start
    void start(Stage stage) {
        editor = new EditorHarness(stage, dir.resolve("autosave"), 900, 600);
    }

    @AfterEach
    void tearDown() {
        editor.shutdown();
    }

    private boolean answerPrompt(FxRobot robot, String button) throws Exception {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(editor.view.actions().confirmLoseChanges()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialogButton(robot, button).isPresent());
        robot.clickOn(dialogButton(robot, button).orElseThrow());
        return answer.get(5, TimeUnit.SECONDS);
    }

    private static java.util.Optional<javafx.scene.Node> dialogButton(FxRobot robot, String text) {
        return robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText(text)).tryQuery();
    }

    @Test
    void cancelKeepsTheWorkAndDiscardLetsItGo(FxRobot robot) throws Exception {
        robot.interact(() -> editor.controller.startFrom(TestImages.gradient(32, 32), "draft"));
        assertThat(editor.vm.files().dirtyProperty().get()).isTrue();

        assertThat(answerPrompt(robot, "Cancel")).isFalse();
        assertThat(editor.controller.session()).isNotNull();
        assertThat(answerPrompt(robot, "Discard")).isTrue();
    }

    @Test
    void nothingToLoseMeansNoPrompt(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(editor.view.actions().confirmLoseChanges()));
        assertThat(answer.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void onlyImagesAndSessionsAreDroppable() throws Exception {
        File text = Files.writeString(dir.resolve("notes.txt"), "x").toFile();
        File png = Files.writeString(dir.resolve("photo.png"), "x").toFile();
        File session = Files.writeString(dir.resolve("walk.vincie"), "x").toFile();
        assertThat(editor.view.droppable(List.of(text))).isNull();
        assertThat(editor.view.droppable(List.of(text, png))).isEqualTo(png);
        assertThat(editor.view.droppable(List.of(session))).isEqualTo(session);
    }
}
