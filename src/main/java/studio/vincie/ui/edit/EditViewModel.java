package studio.vincie.ui.edit;

import java.util.Objects;
import java.util.random.RandomGenerator;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import studio.vincie.model.ModelInfo;
import studio.vincie.session.EditJob;
import studio.vincie.session.EditSettings;
import studio.vincie.session.SessionController;
import studio.vincie.session.SessionEvent;
import studio.vincie.ui.ErrorReporter;
import studio.vincie.ui.mask.MaskViewModel;

/**
 * The instruction, the sampler settings (seed, steps, guidance; defaults from the loaded model) and
 * the running edit: starts {@link SessionController#edit} with the painted mask, mirrors the job's
 * progress as "step i / n", cancels it, reports a failure, and clears the mask after a success.
 */
public final class EditViewModel {

    public static final String NO_MODEL = "No model installed — File > Open model folder…";

    private final SessionController controller;
    private final MaskViewModel mask;
    private final ErrorReporter errors;
    private final RandomGenerator random;

    private final StringProperty instruction = new SimpleStringProperty("");
    private final LongProperty seed = new SimpleLongProperty(42);
    private final IntegerProperty steps = new SimpleIntegerProperty(EditSettings.DEFAULT_STEPS);
    private final DoubleProperty guidance = new SimpleDoubleProperty(EditSettings.DEFAULT_GUIDANCE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasSession = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final BooleanProperty modelLoading = new SimpleBooleanProperty();
    private final BooleanBinding canEdit;

    public EditViewModel(SessionController controller, MaskViewModel mask, ErrorReporter errors,
                         RandomGenerator random) {
        this.controller = Objects.requireNonNull(controller, "controller");
        this.mask = Objects.requireNonNull(mask, "mask");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.random = Objects.requireNonNull(random, "random");
        canEdit = Bindings.createBooleanBinding(
                () -> !busy.get() && hasSession.get() && !instruction.get().isBlank(),
                busy, hasSession, instruction);
        controller.addListener(this::onEvent);
        hasSession.set(controller.session() != null);
        applyDefaults(controller.modelInfo());
    }

    // Properties

    public StringProperty instructionProperty() {
        return instruction;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public DoubleProperty guidanceProperty() {
        return guidance;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** In [0, 1]; the progress bar. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "step 3 / 20" while an edit runs, else the outcome of the last one. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** True while a model loads; an edit asked for meanwhile is told to wait rather than to install one. */
    public BooleanProperty modelLoadingProperty() {
        return modelLoading;
    }

    public BooleanBinding canEditBinding() {
        return canEdit;
    }

    // Commands

    /** Runs the instruction on the selected turn with the painted mask; returns whether it started. */
    public boolean edit() {
        if (!canEdit.get()) {
            return false;
        }
        if (controller.model() == null) {
            errors.report("No model", modelLoading.get()
                    ? "The model is still loading; try again in a moment." : NO_MODEL);
            return false;
        }
        EditSettings settings;
        try {
            settings = new EditSettings(seed.get(), steps.get(), (float) guidance.get());
        } catch (IllegalArgumentException e) {
            errors.report("Check the settings", e.getMessage());
            return false;
        }
        try {
            controller.edit(instruction.get(), mask.maskForEdit(), settings);
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            errors.report("Cannot edit", e.getMessage());
            return false;
        }
    }

    public void cancel() {
        controller.cancelJob();
    }

    public void randomizeSeed() {
        seed.set(random.nextLong(0, 1L << 31));
    }

    private void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.JobChanged changed) {
            onJob(changed.job());
        } else if (event instanceof SessionEvent.SessionReplaced) {
            hasSession.set(controller.session() != null);
        } else if (event instanceof SessionEvent.ModelChanged changed) {
            applyDefaults(changed.info());
        }
    }

    private void onJob(EditJob job) {
        busy.set(job.isRunning());
        progress.set(job.progress());
        switch (job.state()) {
            case RUNNING -> progressText.set(job.stepsDone() == 0
                    ? "starting…" : "step " + job.stepsDone() + " / " + job.stepsTotal());
            case SUCCEEDED -> {
                progressText.set("done");
                mask.clear();
                instruction.set("");
            }
            case CANCELLED -> {
                progressText.set("cancelled");
                progress.set(0);
            }
            case FAILED -> {
                progressText.set("failed");
                progress.set(0);
                errors.report("The edit failed", job.errorMessage()
                        + "\nYour session, instruction and mask are unchanged.");
            }
        }
    }

    private void applyDefaults(ModelInfo info) {
        if (info != null) {
            steps.set(info.defaultSteps());
            guidance.set(info.defaultGuidance());
        }
    }
}
