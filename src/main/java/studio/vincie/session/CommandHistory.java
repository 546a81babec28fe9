package studio.vincie.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Undo/redo as a list of commands with a pointer, plus a clean pointer marking the state last saved
 * (the session has unsaved changes when the two differ).
 */
final class CommandHistory {

    private final List<SessionCommand> commands = new ArrayList<>();
    private int pointer;
    /** -1 when the saved state can no longer be reached (it was on a redo branch that got dropped). */
    private int cleanPointer;

    SessionEvent execute(SessionCommand command, Session session) {
        SessionEvent event = command.apply(session);
        while (commands.size() > pointer) {
            commands.remove(commands.size() - 1);
        }
        if (cleanPointer > pointer) {
            cleanPointer = -1;
        }
        commands.add(command);
        pointer++;
        return event;
    }

    boolean canUndo() {
        return pointer > 0;
    }

    boolean canRedo() {
        return pointer < commands.size();
    }

    String undoLabel() {
        return canUndo() ? commands.get(pointer - 1).label() : "";
    }

    String redoLabel() {
        return canRedo() ? commands.get(pointer).label() : "";
    }

    SessionEvent undo(Session session) {
        if (!canUndo()) {
            throw new IllegalStateException("nothing to undo");
        }
        pointer--;
        return commands.get(pointer).revert(session);
    }

    SessionEvent redo(Session session) {
        if (!canRedo()) {
            throw new IllegalStateException("nothing to redo");
        }
        SessionEvent event = commands.get(pointer).apply(session);
        pointer++;
        return event;
    }

    boolean isDirty() {
        return pointer != cleanPointer;
    }

    /** The current state, to be marked clean later (a save that finishes in the background). */
    SavedState state() {
        return new SavedState(pointer, pointer == 0 ? null : commands.get(pointer - 1));
    }

    /**
     * Marks {@code state} as the saved one: it stays the clean state while undo/redo can reach it, so
     * edits made while the save was written still count as unsaved. When the history since dropped
     * it (undone, then replaced by a new edit), no state is clean.
     */
    void markClean(SavedState state) {
        boolean reachable = state.pointer() <= commands.size()
                && (state.pointer() == 0 || commands.get(state.pointer() - 1) == state.last());
        cleanPointer = reachable ? state.pointer() : -1;
    }

    /** A position in the history and the command just before it (null at the start). */
    record SavedState(int pointer, SessionCommand last) {
    }

    void markDirty() {
        cleanPointer = -1;
    }

    void clear() {
        commands.clear();
        pointer = 0;
        cleanPointer = 0;
    }
}
