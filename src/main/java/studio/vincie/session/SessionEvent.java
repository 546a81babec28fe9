package studio.vincie.session;

/**
 * What changed in the controller; listeners (view-models) react to these on the foreground thread.
 */
public sealed interface SessionEvent {

    /** A different session is now open (new, opened from disk, or started from an image). */
    record SessionReplaced(Session session) implements SessionEvent {
    }

    /** Turns were added or removed; {@code focus} is the turn now current. */
    record TreeChanged(Turn focus) implements SessionEvent {
    }

    /** The current turn changed without a change to the tree. */
    record CurrentChanged(Turn current) implements SessionEvent {
    }

    /** The edit job changed state or progress. */
    record JobChanged(EditJob job) implements SessionEvent {
    }

    /** Unsaved changes appeared or disappeared, or the undo/redo availability changed. */
    record HistoryChanged(boolean dirty, boolean canUndo, boolean canRedo) implements SessionEvent {
    }

    /** The edit model was replaced (or removed: {@code null} info). */
    record ModelChanged(studio.vincie.model.ModelInfo info) implements SessionEvent {
    }
}
