package studio.vincie.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.model.DitEditModel;
import studio.vincie.model.EditModel;
import studio.vincie.session.SessionController;
import studio.vincie.session.io.Autosave;
import studio.vincie.ui.EditorView;
import studio.vincie.ui.EditorViewModel;
import studio.vincie.ui.ErrorReporter;
import studio.vincie.ui.file.ModelFolderLoader;

/**
 * The JavaFX application: creates the session controller (edits on a background daemon thread,
 * events on the FX thread), the editor's view-model and view, the model loader, the autosave timer
 * and the unsaved-changes prompt on close. Started by {@link Launcher}, which does not extend
 * Application so JavaFX loads from the plain classpath.
 */
public final class EditorApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(EditorApp.class);
    private static final Duration AUTOSAVE_EVERY = Duration.seconds(60);
    private static final double MAX_WIDTH = 1280;
    private static final double MAX_HEIGHT = 800;

    private ExecutorService editThread;
    private ExecutorService backgroundThread;
    private ExecutorService fileThread;
    private SessionController controller;
    private Timeline autosave;

    static void launchEditor(String[] args) {
        Application.launch(EditorApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        editThread = Executors.newSingleThreadExecutor(daemon("vincie-edit"));
        backgroundThread = Executors.newSingleThreadExecutor(daemon("vincie-background"));
        fileThread = Executors.newSingleThreadExecutor(daemon("vincie-files"));
        controller = new SessionController(editThread, Platform::runLater);
        ErrorReporter errors = (title, message) -> Platform.runLater(() -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, message);
            alert.initOwner(stage);
            alert.setTitle(title);
            alert.setHeaderText(title);
            alert.showAndWait();
        });
        // models/default relative to the working directory, then beside the jar; DitEditModel picks GPU 0 or the CPU.
        ModelLoader models = FolderModelLoader.standard(DitEditModel::load);
        EditorViewModel vm = new EditorViewModel(controller, adapt(models), Autosave.inUserHome(),
                backgroundThread, fileThread, Platform::runLater, errors, new Random(), new StudioScenes(new Random()));
        EditorView view = new EditorView(vm, () -> quit(stage));

        stage.titleProperty().bind(vm.files().titleProperty());
        // Fit the screen's usable area (a 1280x800 display minus panels must still show the status bar).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(MAX_WIDTH, screen.getWidth());
        double height = Math.min(MAX_HEIGHT, screen.getHeight());
        stage.setScene(new Scene(view, width, height));
        stage.setMinWidth(Math.min(900, width));
        stage.setMinHeight(Math.min(600, height));
        stage.setOnCloseRequest(e -> {
            if (!view.actions().confirmLoseChanges()) {
                e.consume();
            } else {
                vm.files().clearAutosave(); // nothing unsaved is left behind: saved, discarded or clean
            }
        });
        stage.show();
        // The window decorations come on top of the scene: keep the whole window inside the screen.
        if (stage.getHeight() > screen.getHeight() || stage.getY() < screen.getMinY()) {
            stage.setHeight(Math.min(stage.getHeight(), screen.getHeight()));
            stage.setY(screen.getMinY());
        }
        if (stage.getWidth() > screen.getWidth() || stage.getX() < screen.getMinX()) {
            stage.setWidth(Math.min(stage.getWidth(), screen.getWidth()));
            stage.setX(screen.getMinX());
        }

        autosave = new Timeline(new KeyFrame(AUTOSAVE_EVERY, e -> vm.files().autosaveIfDirty()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();

        view.actions().offerRecovery();
        Optional<Path> file = getParameters().getRaw().stream().findFirst().map(Path::of);
        if (file.isPresent() && Files.exists(file.get())) {
            view.actions().open(file.get());
        } else if (file.isPresent()) {
            errors.report("Cannot open file", file.get() + " does not exist.");
        }
        vm.model().loadDefault();
        view.focusInstruction();
    }

    @Override
    public void stop() {
        if (autosave != null) {
            autosave.stop();
        }
        if (controller == null) {
            return;
        }
        controller.cancelJob();
        editThread.shutdown();
        backgroundThread.shutdown();
        fileThread.shutdown();
        try {
            // Let a cancelled edit reach its next step before the model's native memory is released.
            editThread.awaitTermination(3, TimeUnit.SECONDS);
            backgroundThread.awaitTermination(3, TimeUnit.SECONDS);
            // A save or autosave still being written finishes (closing the window waited for saves already).
            fileThread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        EditModel model = controller.model();
        if (model != null && editThread.isTerminated()) {
            model.close();
        }
        log.debug("editor stopped");
    }

    private static EditorView view(Stage stage) {
        return (EditorView) stage.getScene().getRoot();
    }

    private static void quit(Stage stage) {
        EditorView view = view(stage);
        if (view.actions().confirmLoseChanges()) {
            view.clearAutosave();
            stage.close();
            Platform.exit();
        }
    }

    static ModelFolderLoader adapt(ModelLoader loader) {
        return new ModelFolderLoader() {
            @Override
            public Optional<EditModel> loadDefault() throws Exception {
                return loader.loadDefault();
            }

            @Override
            public EditModel load(Path folder) throws Exception {
                return loader.load(folder);
            }
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
