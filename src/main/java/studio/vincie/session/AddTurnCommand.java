package studio.vincie.session;

/** Appends a finished turn under its parent and makes it current; undo removes it again. */
final class AddTurnCommand implements SessionCommand {

    private final Turn parent;
    private final Turn turn;
    private int index = Integer.MAX_VALUE;

    AddTurnCommand(Turn parent, Turn turn) {
        this.parent = parent;
        this.turn = turn;
    }

    @Override
    public String label() {
        return "Edit \"" + turn.instruction() + "\"";
    }

    @Override
    public SessionEvent apply(Session session) {
        session.attach(parent, turn, index);
        session.select(turn);
        return new SessionEvent.TreeChanged(turn);
    }

    @Override
    public SessionEvent revert(Session session) {
        index = session.detach(turn);
        session.select(parent);
        return new SessionEvent.TreeChanged(parent);
    }
}
