package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import studio.vincie.session.EditSettings;
import studio.vincie.session.ScriptedEditModel;
import studio.vincie.session.SessionController;
import studio.vincie.session.TestImages;
import studio.vincie.session.Turn;
import studio.vincie.ui.history.HistoryViewModel;

class HistoryViewModelTest {

    private final SessionController controller = new SessionController(Runnable::run, Runnable::run);
    private final RecordingErrors errors = new RecordingErrors();
    private final EditSettings settings = new EditSettings(1, 2, 1f);
    private HistoryViewModel history;

    @BeforeEach
    void setUp() {
        history = new HistoryViewModel(controller, errors);
        controller.setModel(new ScriptedEditModel());
        controller.startFrom(TestImages.gradient(16, 16), "t");
    }

    @Test
    void rowsAreNumberedByDepthAndFollowTheCurrentTurn() {
        int version = history.structureVersionProperty().get();
        controller.edit("first", null, settings);
        controller.edit("second", null, settings);

        Turn second = controller.session().current();
        assertThat(history.selectedProperty().get()).isSameAs(second);
        assertThat(history.structureVersionProperty().get()).isGreaterThan(version);
        assertThat(HistoryViewModel.label(history.rootProperty().get())).isEqualTo("0. Source");
        assertThat(HistoryViewModel.label(second)).isEqualTo("2. second");
    }

    @Test
    void selectingAnEarlierTurnAndEditingMakesABranch() {
        controller.edit("first", null, settings);
        Turn first = controller.session().current();
        controller.edit("second", null, settings);

        history.select(first);
        assertThat(controller.session().current()).isSameAs(first);
        controller.edit("other", null, settings);

        assertThat(first.children()).extracting(Turn::instruction).containsExactly("second", "other");
        assertThat(HistoryViewModel.label(history.selectedProperty().get())).isEqualTo("2. other");
    }

    @Test
    void undoRedoLabelsAndDeleteBranch() {
        assertThat(history.canUndoProperty().get()).isFalse();
        controller.edit("first", null, settings);
        assertThat(history.undoLabelProperty().get()).isEqualTo("Undo Edit \"first\"");

        Turn first = controller.session().current();
        history.deleteBranch(first);
        assertThat(controller.session().size()).isEqualTo(1);
        assertThat(history.selectedProperty().get()).isSameAs(controller.session().root());

        history.undo();
        assertThat(controller.session().size()).isEqualTo(2);
        assertThat(history.redoLabelProperty().get()).isEqualTo("Redo Delete \"first\"");
        history.redo();
        assertThat(controller.session().size()).isEqualTo(1);
    }

    @Test
    void theSourceCannotBeDeleted() {
        history.deleteBranch(controller.session().root());
        assertThat(errors.titles).containsExactly("Cannot delete");
        assertThat(controller.session().size()).isEqualTo(1);
    }
}
