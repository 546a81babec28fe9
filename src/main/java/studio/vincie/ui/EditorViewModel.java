package studio.vincie.ui;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import studio.vincie.session.EditJob;
import studio.vincie.session.SessionController;
import studio.vincie.session.SessionEvent;
import studio.vincie.session.Turn;
import studio.vincie.session.io.Autosave;
import studio.vincie.ui.canvas.CanvasViewModel;
import studio.vincie.ui.edit.EditViewModel;
import studio.vincie.ui.file.FileViewModel;
import studio.vincie.ui.file.ModelFolderLoader;
import studio.vincie.ui.file.ModelViewModel;
import studio.vincie.ui.history.HistoryViewModel;
import studio.vincie.ui.mask.MaskViewModel;

/**
 * The editor window's view-model: builds the feature view-models around one {@link SessionController}
 * and connects them (the selected turn is what the canvas shows, and sizes the mask of the next turn),
 * plus the status bar's image-size text.
 */
public final class EditorViewModel {

    private final SessionController controller;
    private final CanvasViewModel canvas = new CanvasViewModel();
    private final MaskViewModel mask = new MaskViewModel();
    private final HistoryViewModel history;
    private final EditViewModel edit;
    private final FileViewModel files;
    private final ModelViewModel model;
    private final ReadOnlyStringWrapper imageSize = new ReadOnlyStringWrapper("");

    /**
     * @param background runs model loading, saves and autosaves, in order (the controller has its own executor for edits)
     * @param foreground the UI thread ({@code Platform::runLater}; same-thread in tests)
     */
    public EditorViewModel(SessionController controller, ModelFolderLoader loader, Autosave autosave,
                           Executor background, Executor foreground, ErrorReporter errors, RandomGenerator random) {
        this(controller, loader, autosave, background, background, foreground, errors, random, null);
    }

    /**
     * @param background   runs model loading
     * @param fileIo       writes saves and autosaves, in order (its own thread in the editor, so a save
     *                     never waits for a model load, nor the window for either)
     * @param studioScenes random scenes of the model's training world for File > New studio scene
     *                     (null: the menu item is disabled)
     */
    public EditorViewModel(SessionController controller, ModelFolderLoader loader, Autosave autosave,
                           Executor background, Executor fileIo, Executor foreground, ErrorReporter errors,
                           RandomGenerator random, Supplier<BufferedImage> studioScenes) {
        this.controller = Objects.requireNonNull(controller, "controller");
        history = new HistoryViewModel(controller, errors);
        edit = new EditViewModel(controller, mask, errors, random);
        files = new FileViewModel(controller, autosave, errors, fileIo, foreground, studioScenes);
        model = new ModelViewModel(controller, loader, background, foreground, errors);
        edit.modelLoadingProperty().bind(model.loadingProperty());
        history.selectedProperty().addListener((obs, o, n) -> show(n));
        show(history.selectedProperty().get());
        controller.addListener(this::showPredictedRegions);
    }

    // Properties

    public SessionController controller() {
        return controller;
    }

    public CanvasViewModel canvas() {
        return canvas;
    }

    public MaskViewModel mask() {
        return mask;
    }

    public HistoryViewModel history() {
        return history;
    }

    public EditViewModel edit() {
        return edit;
    }

    public FileViewModel files() {
        return files;
    }

    public ModelViewModel model() {
        return model;
    }

    /** "512 × 384 px" for the shown image, empty without one. */
    public ReadOnlyStringProperty imageSizeProperty() {
        return imageSize.getReadOnlyProperty();
    }

    /** After an edit made with "Predict edit regions first", the predicted masks are what the user wants to see. */
    private void showPredictedRegions(SessionEvent event) {
        if (event instanceof SessionEvent.JobChanged changed && changed.job().state() == EditJob.State.SUCCEEDED
                && model.regionPredictionProperty().get() && model.regionPredictionSupportedProperty().get()) {
            Turn result = changed.job().result();
            if (result != null && (result.predictedCurrentMask() != null || result.predictedNextMask() != null)) {
                mask.showPredictedProperty().set(true);
            }
        }
    }

    private void show(Turn turn) {
        if (turn == null) {
            canvas.show(null, null, null);
            imageSize.set("");
            return;
        }
        BufferedImage img = turn.image();
        canvas.show(img, turn.predictedCurrentMask(), turn.predictedNextMask());
        // The mask belongs to the next turn: it survives a change of selection unless the size differs.
        mask.resizeTo(img.getWidth(), img.getHeight());
        imageSize.set(img.getWidth() + " × " + img.getHeight() + " px");
    }
}
