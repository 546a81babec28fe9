package studio.vincie.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionControllerTest {

    private final ScriptedEditModel model = new ScriptedEditModel();
    private final List<SessionEvent> events = new ArrayList<>();
    private SessionController controller;
    private final EditSettings settings = new EditSettings(7, 4, 2.0f);

    @BeforeEach
    void setUp() {
        controller = new SessionController(Runnable::run, Runnable::run);
        controller.addListener(events::add);
        controller.setModel(model);
        controller.startFrom(TestImages.gradient(32, 24), "test");
    }

    @Test
    void editAppendsTurnWithResultAndPredictedMasks() {
        BufferedImage mask = TestImages.rectMask(32, 24, 0, 0, 8, 8);
        EditJob job = controller.edit("make it red", mask, settings);

        assertThat(job.state()).isEqualTo(EditJob.State.SUCCEEDED);
        Turn turn = controller.session().current();
        assertThat(turn.depth()).isEqualTo(1);
        assertThat(turn.instruction()).isEqualTo("make it red");
        assertThat(turn.userMask()).isSameAs(mask);
        assertThat(turn.predictedCurrentMask()).isNotNull();
        assertThat(turn.settings()).isEqualTo(settings);
        assertThat(turn.modelId()).isEqualTo("scripted-fake");
        assertThat(turn.image().getRGB(1, 1)).isEqualTo(ScriptedEditModel.colorFor("make it red").getRGB());
        assertThat(turn.image().getRGB(20, 20)).isEqualTo(controller.session().root().image().getRGB(20, 20));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(SessionEvent.TreeChanged.class));
        assertThat(controller.isDirty()).isTrue();
    }

    @Test
    void everyEarlierTurnIsContextOfTheNext() {
        controller.edit("first", null, settings);
        controller.edit("second", TestImages.rectMask(32, 24, 0, 0, 4, 4), settings);
        controller.edit("third", null, settings);

        var request = model.requests().get(2);
        assertThat(request.turnNumber()).isEqualTo(3);
        assertThat(request.history()).extracting(p -> p.instruction()).containsExactly("first", "second");
        assertThat(request.history().get(1).currentMask()).isNotNull();
        assertThat(request.currentImage()).isSameAs(controller.session().current().parent().image());
        assertThat(request.source()).isSameAs(controller.session().root().image());
    }

    @Test
    void editingFromAnEarlierTurnStartsABranch() {
        controller.edit("first", null, settings);
        Turn first = controller.session().current();
        controller.edit("second", null, settings);
        controller.select(first);
        controller.edit("alternative", null, settings);

        assertThat(first.children()).extracting(Turn::instruction).containsExactly("second", "alternative");
        assertThat(model.requests().get(2).history()).extracting(p -> p.instruction()).containsExactly("first");
        assertThat(controller.session().size()).isEqualTo(4);
    }

    @Test
    void undoRemovesTheTurnAndRedoRestoresIt() {
        controller.markSaved(controller.savePoint());
        controller.edit("first", null, settings);
        Turn first = controller.session().current();
        assertThat(controller.isDirty()).isTrue();

        controller.undo();
        assertThat(controller.session().current().isRoot()).isTrue();
        assertThat(controller.session().root().children()).isEmpty();
        assertThat(controller.isDirty()).isFalse();
        assertThat(controller.canRedo()).isTrue();

        controller.redo();
        assertThat(controller.session().current()).isSameAs(first);
        assertThat(controller.isDirty()).isTrue();
    }

    @Test
    void newEditAfterUndoDropsRedo() {
        controller.edit("first", null, settings);
        controller.undo();
        controller.edit("other", null, settings);
        assertThat(controller.canRedo()).isFalse();
        assertThat(controller.session().root().children()).extracting(Turn::instruction).containsExactly("other");
    }

    @Test
    void deleteBranchIsUndoable() {
        controller.edit("first", null, settings);
        Turn first = controller.session().current();
        controller.edit("second", null, settings);
        controller.deleteBranch(first);
        assertThat(controller.session().size()).isEqualTo(1);
        assertThat(controller.session().current().isRoot()).isTrue();
        controller.undo();
        assertThat(controller.session().size()).isEqualTo(3);
        assertThat(controller.session().current().instruction()).isEqualTo("second");
    }

    @Test
    void rejectsEmptyInstructionAndMissingModel() {
        assertThatThrownBy(() -> controller.edit("  ", null, settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instruction");
        controller.setModel(null);
        assertThatThrownBy(() -> controller.edit("x", null, settings))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("model");
    }

    @Test
    void progressIsReportedPerStep() {
        List<Integer> done = new ArrayList<>();
        controller.addListener(e -> {
            if (e instanceof SessionEvent.JobChanged changed) {
                done.add(changed.job().stepsDone());
            }
        });
        controller.edit("steps", null, settings);
        assertThat(done).contains(1, 2, 3, 4);
    }

    @Test
    void failingModelLeavesSessionUnchanged() {
        controller.setModel(new studio.vincie.model.EditModel() {
            @Override
            public studio.vincie.model.ModelInfo info() {
                return model.info();
            }

            @Override
            public studio.vincie.model.EditResult edit(studio.vincie.model.EditRequest r,
                    studio.vincie.model.EditProgress p, studio.vincie.model.Cancellation c) {
                throw new IllegalStateException("out of memory on device");
            }
        });
        EditJob job = controller.edit("boom", null, settings);
        assertThat(job.state()).isEqualTo(EditJob.State.FAILED);
        assertThat(job.errorMessage()).contains("out of memory");
        assertThat(controller.session().size()).isEqualTo(1);
    }

    static class Background {
        final ExecutorService pool = Executors.newSingleThreadExecutor();
    }

    private Background background;

    @AfterEach
    void tearDown() {
        if (background != null) {
            background.pool.shutdownNow();
        }
    }

    @Test
    void cancelStopsARunningJobWithoutAddingATurn() throws Exception {
        background = new Background();
        List<Runnable> foregroundQueue = new java.util.concurrent.CopyOnWriteArrayList<>();
        SessionController async = new SessionController(background.pool, foregroundQueue::add);
        async.setModel(model);
        async.startFrom(TestImages.gradient(16, 16), "async");
        model.holdAtFirstStep();

        EditJob job = async.edit("slow", null, settings);
        assertThat(async.isBusy()).isTrue();
        assertThatThrownBy(() -> async.edit("again", null, settings)).isInstanceOf(IllegalStateException.class);
        job.cancel();
        background.pool.shutdown();
        assertThat(background.pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        foregroundQueue.forEach(Runnable::run);

        assertThat(job.state()).isEqualTo(EditJob.State.CANCELLED);
        assertThat(async.session().size()).isEqualTo(1);
        assertThat(async.isBusy()).isFalse();
    }
}
