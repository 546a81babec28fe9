package studio.vincie.ui.history;

import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import studio.vincie.session.Session;
import studio.vincie.session.SessionController;
import studio.vincie.session.SessionEvent;
import studio.vincie.session.Turn;
import studio.vincie.ui.ErrorReporter;

/**
 * The session tree as the history panel shows it: the root turn, the selected (current) turn, a
 * version bumped whenever turns are added or removed, and undo/redo with the controller's labels.
 * Selecting a row makes that turn current, so the next edit continues from it (a branch if it already
 * has children).
 */
public final class HistoryViewModel {

    private final SessionController controller;
    private final ErrorReporter errors;

    private final ReadOnlyObjectWrapper<Turn> root = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Turn> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper structureVersion = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper("Redo");

    public HistoryViewModel(SessionController controller, ErrorReporter errors) {
        this.controller = Objects.requireNonNull(controller, "controller");
        this.errors = Objects.requireNonNull(errors, "errors");
        controller.addListener(this::onEvent);
        reload();
    }

    // Properties

    /** The source turn of the open session, or null. */
    public ReadOnlyObjectProperty<Turn> rootProperty() {
        return root.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Turn> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Bumped whenever the tree's shape changes; the view rebuilds its rows then. */
    public ReadOnlyIntegerProperty structureVersionProperty() {
        return structureVersion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Undo Edit "make it red"" or just "Undo". */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    /** The row text: "0. Source" for the root, "k. instruction" for the k-th turn of its branch. */
    public static String label(Turn turn) {
        return turn.isRoot() ? "0. Source" : turn.depth() + ". " + turn.instruction();
    }

    // Commands

    public void select(Turn turn) {
        if (turn == null || controller.session() == null || turn == controller.session().current()) {
            return;
        }
        if (!controller.session().contains(turn)) {
            return;
        }
        controller.select(turn);
    }

    /** Deletes the turn and everything after it on its branch (undoable). */
    public void deleteBranch(Turn turn) {
        if (turn == null || turn.isRoot()) {
            errors.report("Cannot delete", "The source image cannot be deleted; start a new session instead.");
            return;
        }
        try {
            controller.deleteBranch(turn);
        } catch (IllegalStateException | IllegalArgumentException e) {
            errors.report("Cannot delete", e.getMessage());
        }
    }

    public void undo() {
        controller.undo();
    }

    public void redo() {
        controller.redo();
    }

    private void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.SessionReplaced) {
            reload();
        } else if (event instanceof SessionEvent.TreeChanged) {
            structureVersion.set(structureVersion.get() + 1);
            selected.set(currentTurn());
        } else if (event instanceof SessionEvent.CurrentChanged changed) {
            selected.set(changed.current());
        } else if (event instanceof SessionEvent.HistoryChanged) {
            refreshUndo();
        }
    }

    private void reload() {
        Session session = controller.session();
        root.set(session == null ? null : session.root());
        structureVersion.set(structureVersion.get() + 1);
        selected.set(currentTurn());
        refreshUndo();
    }

    private Turn currentTurn() {
        Session session = controller.session();
        return session == null ? null : session.current();
    }

    private void refreshUndo() {
        canUndo.set(controller.canUndo());
        canRedo.set(controller.canRedo());
        undoLabel.set(canUndo.get() ? "Undo " + controller.undoLabel() : "Undo");
        redoLabel.set(canRedo.get() ? "Redo " + controller.redoLabel() : "Redo");
    }
}
