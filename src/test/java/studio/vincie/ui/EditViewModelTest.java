package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import studio.vincie.model.Cancellation;
import studio.vincie.model.EditModel;
import studio.vincie.model.EditProgress;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;
import studio.vincie.model.ModelInfo;
import studio.vincie.session.ScriptedEditModel;
import studio.vincie.session.SessionController;
import studio.vincie.session.TestImages;
import studio.vincie.ui.edit.EditViewModel;
import studio.vincie.ui.mask.MaskViewModel;

class EditViewModelTest {

    /** Background work waits here until the test runs it, so the busy state can be observed. */
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final SessionController controller = new SessionController(background::add, Runnable::run);
    private final ScriptedEditModel model = new ScriptedEditModel();
    private final MaskViewModel mask = new MaskViewModel();
    private final RecordingErrors errors = new RecordingErrors();
    private EditViewModel edit;

    @BeforeEach
    void setUp() {
        edit = new EditViewModel(controller, mask, errors, new SplittableRandom(1));
        controller.startFrom(TestImages.gradient(32, 24), "t");
        mask.resizeTo(32, 24);
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void defaultsComeFromTheLoadedModel() {
        controller.setModel(model);
        assertThat(edit.stepsProperty().get()).isEqualTo(4);
        assertThat(edit.guidanceProperty().get()).isEqualTo(1.0);
    }

    @Test
    void editRunsWithTheMaskShowsProgressAndClearsTheMaskAfterwards() {
        controller.setModel(model);
        mask.brushSizeProperty().set(6);
        mask.beginStroke(4, 4);
        mask.endStroke();
        assertThat(edit.canEditBinding().get()).isFalse();
        edit.instructionProperty().set("paint it");
        assertThat(edit.canEditBinding().get()).isTrue();

        assertThat(edit.edit()).isTrue();
        assertThat(edit.busyProperty().get()).isTrue();
        assertThat(edit.canEditBinding().get()).isFalse();
        assertThat(edit.progressTextProperty().get()).isEqualTo("starting…");

        runBackground();

        assertThat(edit.busyProperty().get()).isFalse();
        BufferedImage sent = model.requests().get(0).userMask();
        assertThat(sent.getRaster().getSample(4, 4, 0)).isEqualTo(255);
        assertThat(model.requests().get(0).steps()).isEqualTo(4);
        assertThat(controller.session().current().instruction()).isEqualTo("paint it");
        assertThat(mask.emptyProperty().get()).isTrue();
        assertThat(edit.instructionProperty().get()).isEmpty();
        assertThat(edit.progressTextProperty().get()).isEqualTo("done");
        assertThat(errors.messages).isEmpty();
    }

    @Test
    void progressReadsStepOfTotal() {
        controller.setModel(model);
        java.util.List<String> texts = new java.util.ArrayList<>();
        edit.progressTextProperty().addListener((obs, o, n) -> texts.add(n));
        edit.instructionProperty().set("x");
        edit.edit();
        runBackground();
        assertThat(texts).containsSubsequence("starting…", "step 1 / 4", "step 2 / 4", "step 4 / 4", "done");
        assertThat(edit.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void withoutAModelTheUserIsToldWhatToDo() {
        edit.instructionProperty().set("x");
        assertThat(edit.edit()).isFalse();
        assertThat(errors.messages).containsExactly(EditViewModel.NO_MODEL);
        edit.modelLoadingProperty().set(true);
        edit.edit();
        assertThat(errors.messages.get(1)).contains("still loading");
    }

    @Test
    void aFailingModelIsReportedAndKeepsTheMaskAndInstruction() {
        controller.setModel(new EditModel() {
            @Override
            public ModelInfo info() {
                return new ModelInfo("broken", "Broken", "", 2, 1f);
            }

            @Override
            public EditResult edit(EditRequest request, EditProgress progress, Cancellation cancellation) {
                throw new IllegalStateException("out of memory");
            }
        });
        mask.beginStroke(4, 4);
        mask.endStroke();
        edit.instructionProperty().set("x");
        edit.edit();
        runBackground();

        assertThat(errors.messages).singleElement().asString().contains("out of memory");
        assertThat(mask.emptyProperty().get()).isFalse();
        assertThat(edit.instructionProperty().get()).isEqualTo("x");
        assertThat(controller.session().size()).isEqualTo(1);
    }

    @Test
    void cancelEndsTheJobWithoutATurn() {
        controller.setModel(model);
        edit.instructionProperty().set("x");
        edit.edit();
        edit.cancel();
        runBackground();
        assertThat(edit.progressTextProperty().get()).isEqualTo("cancelled");
        assertThat(edit.busyProperty().get()).isFalse();
        assertThat(controller.session().size()).isEqualTo(1);
    }

    @Test
    void diceChangesTheSeed() {
        long before = edit.seedProperty().get();
        edit.randomizeSeed();
        assertThat(edit.seedProperty().get()).isNotEqualTo(before).isNotNegative();
    }
}
