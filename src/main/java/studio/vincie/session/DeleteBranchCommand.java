package studio.vincie.session;

/** Removes a turn and everything after it on its branch; undo puts the subtree back in place. */
final class DeleteBranchCommand implements SessionCommand {

    private final Turn turn;
    private final Turn parent;
    private Turn selectedBefore;
    private int index;

    DeleteBranchCommand(Turn turn) {
        if (turn.isRoot()) {
            throw new IllegalArgumentException("the source image cannot be deleted");
        }
        this.turn = turn;
        this.parent = turn.parent();
    }

    @Override
    public String label() {
        return "Delete \"" + turn.instruction() + "\"";
    }

    @Override
    public SessionEvent apply(Session session) {
        selectedBefore = session.current();
        index = session.detach(turn);
        return new SessionEvent.TreeChanged(session.current());
    }

    @Override
    public SessionEvent revert(Session session) {
        session.attach(parent, turn, index);
        session.select(selectedBefore);
        return new SessionEvent.TreeChanged(selectedBefore);
    }
}
