package studio.vincie.session;

/**
 * An undoable change to a session's tree. Commands change the model and return the event describing
 * what changed; they never call the UI.
 */
public interface SessionCommand {

    String label();

    SessionEvent apply(Session session);

    SessionEvent revert(Session session);
}
