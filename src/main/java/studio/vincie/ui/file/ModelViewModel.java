package studio.vincie.ui.file;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.model.EditModel;
import studio.vincie.model.ModelInfo;
import studio.vincie.session.SessionController;
import studio.vincie.session.SessionEvent;
import studio.vincie.ui.ErrorReporter;
import studio.vincie.ui.edit.EditViewModel;

/**
 * Which model the editor runs: loads the default model at start and a user-picked model folder on
 * request, on the background executor (loading takes seconds), then hands it to the controller on the
 * foreground executor. Exposes the status-bar text: the model's display name and domain, or how to
 * install one.
 */
public final class ModelViewModel {

    private static final Logger log = LoggerFactory.getLogger(ModelViewModel.class);

    private final SessionController controller;
    private final ModelFolderLoader loader;
    private final Executor background;
    private final Executor foreground;
    private final ErrorReporter errors;

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(EditViewModel.NO_MODEL);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final BooleanProperty regionPrediction = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper regionPredictionSupported = new ReadOnlyBooleanWrapper();

    public ModelViewModel(SessionController controller, ModelFolderLoader loader, Executor background,
                          Executor foreground, ErrorReporter errors) {
        this.controller = Objects.requireNonNull(controller, "controller");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.background = Objects.requireNonNull(background, "background");
        this.foreground = Objects.requireNonNull(foreground, "foreground");
        this.errors = Objects.requireNonNull(errors, "errors");
        controller.addListener(e -> {
            if (e instanceof SessionEvent.ModelChanged changed) {
                status.set(describe(changed.info()));
                applyRegionPrediction();
            }
        });
        status.set(describe(controller.modelInfo()));
        // The choice outlives model changes: a newly loaded model gets it too.
        regionPrediction.addListener((obs, was, on) -> applyRegionPrediction());
        applyRegionPrediction();
    }

    // Properties

    /** "Model: <name> · <domain>", "Loading model…" or the no-model hint. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * "Predict edit regions first": the model predicts where the edit happens ({@code Ck}, {@code Nk})
     * before the image, and the editor shows those masks. Only has an effect when
     * {@link #regionPredictionSupportedProperty()} is true.
     */
    public BooleanProperty regionPredictionProperty() {
        return regionPrediction;
    }

    /** Whether the loaded model can predict edit regions first. */
    public ReadOnlyBooleanProperty regionPredictionSupportedProperty() {
        return regionPredictionSupported.getReadOnlyProperty();
    }

    // Commands

    /** Loads the default model if one is installed; without one the editor stays usable for masks and files. */
    public void loadDefault() {
        start("the default model", () -> loader.loadDefault(), false);
    }

    /** Loads the model in a folder the user picked; failures are reported. */
    public void loadFolder(Path folder) {
        start(folder.toString(), () -> Optional.of(loader.load(folder)), true);
    }

    private interface Load {
        Optional<EditModel> run() throws Exception;
    }

    private void start(String what, Load load, boolean reportAbsence) {
        if (loading.get()) {
            return;
        }
        if (controller.isBusy()) {
            errors.report("Cannot change the model", "Wait for the running edit to finish or cancel it.");
            return;
        }
        loading.set(true);
        String before = status.get();
        status.set("Loading model…");
        background.execute(() -> {
            Optional<EditModel> loaded;
            try {
                loaded = load.run();
            } catch (Exception | Error e) {
                log.warn("could not load {}", what, e);
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                foreground.execute(() -> {
                    loading.set(false);
                    status.set(before);
                    errors.report("Cannot load the model", "Could not load " + what + ": " + message);
                });
                return;
            }
            foreground.execute(() -> {
                loading.set(false);
                if (loaded.isPresent() && !controller.isBusy()) {
                    controller.setModel(loaded.get());
                } else {
                    status.set(before);
                    if (reportAbsence) {
                        errors.report("Cannot load the model", "No model found in " + what + ".");
                    }
                    loaded.ifPresent(EditModel::close);
                }
            });
        });
    }

    private void applyRegionPrediction() {
        EditModel m = controller.model();
        boolean supported = m != null && m.supportsRegionPrediction();
        regionPredictionSupported.set(supported);
        if (supported) {
            m.setRegionPrediction(regionPrediction.get());
        }
    }

    static String describe(ModelInfo info) {
        if (info == null) {
            return EditViewModel.NO_MODEL;
        }
        return info.domain().isBlank() ? "Model: " + info.displayName()
                : "Model: " + info.displayName() + " · " + info.domain();
    }
}
