package studio.vincie.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;

import studio.vincie.model.EditModel;
import studio.vincie.session.ScriptedEditModel;
import studio.vincie.session.SessionController;
import studio.vincie.session.io.Autosave;
import studio.vincie.ui.file.ModelFolderLoader;

/**
 * The editor as the app wires it (edits on a daemon thread, events on the FX thread), on the scripted
 * fake or on a given model.
 */
final class EditorHarness {

    /** The scripted fake; the editor uses it unless the harness was given a model. */
    final ScriptedEditModel model = new ScriptedEditModel();
    final RecordingErrors errors = new RecordingErrors();
    final ExecutorService editThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-edit");
        t.setDaemon(true);
        return t;
    });
    final SessionController controller = new SessionController(editThread, Platform::runLater);
    final EditorViewModel vm;
    final EditorView view;

    EditorHarness(Stage stage, Path autosaveDir, double width, double height) {
        this(stage, autosaveDir, width, height, null);
    }

    /** With {@code editModel} as the loaded model, or the scripted fake when null. */
    EditorHarness(Stage stage, Path autosaveDir, double width, double height, EditModel editModel) {
        EditModel used = editModel != null ? editModel : model;
        ModelFolderLoader loader = new ModelFolderLoader() {
            @Override
            public Optional<EditModel> loadDefault() {
                return Optional.of(used);
            }

            @Override
            public EditModel load(Path folder) {
                return used;
            }
        };
        vm = new EditorViewModel(controller, loader, new Autosave(autosaveDir), Runnable::run, Runnable::run,
                errors, new SplittableRandom(7));
        vm.model().loadDefault();
        view = new EditorView(vm, stage::close);
        stage.setScene(new Scene(view, width, height));
        stage.titleProperty().bind(vm.files().titleProperty());
        stage.show();
    }

    /** Snapshots the window's scene on the FX thread and writes it to {@code file} as an RGB PNG. */
    BufferedImage screenshot(FxRobot robot, Path file) throws IOException {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.getScene().snapshot(null));
        BufferedImage png = SwingFXUtils.fromFXImage(shot[0], null);
        BufferedImage rgb = new BufferedImage(png.getWidth(), png.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(png, 0, 0, null);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(rgb, "png", file.toFile());
        return rgb;
    }

    /** Stops the edit thread and waits for an edit in flight, so a real model can be closed after. */
    void shutdown() {
        editThread.shutdownNow();
        try {
            editThread.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
