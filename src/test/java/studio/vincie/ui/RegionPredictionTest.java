package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.model.Cancellation;
import studio.vincie.model.EditModel;
import studio.vincie.model.EditProgress;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;
import studio.vincie.model.ModelInfo;
import studio.vincie.session.EditSettings;
import studio.vincie.session.ScriptedEditModel;
import studio.vincie.session.SessionController;
import studio.vincie.session.TestImages;

/** Edit > Predict edit regions first: reaches models that support it, and shows the predicted masks. */
class RegionPredictionTest {

    @TempDir
    Path dir;

    private final SessionController controller = new SessionController(Runnable::run, Runnable::run);
    private EditorViewModel vm;

    /** Predicts masks only in region-first mode, like DitEditModel. */
    static final class RegionModel implements EditModel {
        final ScriptedEditModel inner = new ScriptedEditModel();
        boolean regionFirst;

        @Override
        public ModelInfo info() {
            return inner.info();
        }

        @Override
        public EditResult edit(EditRequest request, EditProgress progress, Cancellation cancellation) {
            EditResult r = inner.edit(request, progress, cancellation);
            return regionFirst ? r : new EditResult(r.image(), null, null);
        }

        @Override
        public boolean supportsRegionPrediction() {
            return true;
        }

        @Override
        public void setRegionPrediction(boolean on) {
            regionFirst = on;
        }
    }

    @BeforeEach
    void setUp() {
        vm = TestEditors.inline(controller, dir);
        controller.startFrom(TestImages.gradient(48, 32), "t");
    }

    @Test
    void theToggleIsOffAndDisabledForModelsThatCannot() {
        controller.setModel(new ScriptedEditModel());
        assertThat(vm.model().regionPredictionSupportedProperty().get()).isFalse();
        vm.model().regionPredictionProperty().set(true);
        controller.edit("make it red", null, new EditSettings(1, 2, 1f));
        assertThat(vm.mask().showPredictedProperty().get())
                .as("the scripted fake returns masks but was never asked for regions").isFalse();
    }

    @Test
    void turningItOnReachesTheModelAndShowsThePredictedMasksAfterTheEdit() {
        RegionModel model = new RegionModel();
        vm.model().regionPredictionProperty().set(true); // chosen before the model loaded
        controller.setModel(model);
        assertThat(vm.model().regionPredictionSupportedProperty().get()).isTrue();
        assertThat(model.regionFirst).isTrue();

        controller.edit("make it red", null, new EditSettings(1, 2, 1f));
        assertThat(controller.session().current().predictedNextMask()).isNotNull();
        assertThat(vm.mask().showPredictedProperty().get()).isTrue();
        assertThat(vm.canvas().predictedNextMaskProperty().get()).isNotNull();

        vm.mask().showPredictedProperty().set(false);
        vm.model().regionPredictionProperty().set(false);
        assertThat(model.regionFirst).isFalse();
        controller.edit("make it blue", null, new EditSettings(2, 2, 1f));
        assertThat(controller.session().current().predictedNextMask()).isNull();
        assertThat(vm.mask().showPredictedProperty().get()).isFalse();
    }
}
