package studio.vincie.session;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.model.EditModel;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;
import studio.vincie.model.ModelInfo;

/**
 * Owns the open {@link Session}, runs edits as background jobs through an {@link EditModel}, and
 * keeps undo/redo. All state changes and all events happen on the {@code foreground} executor (the
 * JavaFX thread in the editor, the calling thread in tests); the model runs on {@code background}.
 *
 * <p>An edit always continues the turn that was current when it started: its result becomes a child
 * of that turn (a new branch if the turn already had children) and the new current turn, so it is
 * the context of the next edit.
 */
public final class SessionController {

    private static final Logger log = LoggerFactory.getLogger(SessionController.class);

    private final Executor background;
    private final Executor foreground;
    private final List<Consumer<SessionEvent>> listeners = new CopyOnWriteArrayList<>();
    private final CommandHistory history = new CommandHistory();

    private Session session;
    private EditModel model;
    private EditJob job;

    public SessionController(Executor background, Executor foreground) {
        this.background = Objects.requireNonNull(background, "background");
        this.foreground = Objects.requireNonNull(foreground, "foreground");
    }

    // Queries

    /** The open session, or null before any image or session was opened. */
    public Session session() {
        return session;
    }

    public EditModel model() {
        return model;
    }

    /** The running or last finished job, or null. */
    public EditJob job() {
        return job;
    }

    public boolean isBusy() {
        return job != null && job.isRunning();
    }

    public boolean isDirty() {
        return session != null && history.isDirty();
    }

    public boolean canUndo() {
        return !isBusy() && history.canUndo();
    }

    public boolean canRedo() {
        return !isBusy() && history.canRedo();
    }

    public String undoLabel() {
        return history.undoLabel();
    }

    public String redoLabel() {
        return history.redoLabel();
    }

    public void addListener(Consumer<SessionEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<SessionEvent> listener) {
        listeners.remove(listener);
    }

    // Commands

    public void setModel(EditModel newModel) {
        if (isBusy()) {
            throw new IllegalStateException("cannot change the model while an edit runs");
        }
        EditModel old = model;
        model = newModel;
        if (old != null && old != newModel) {
            old.close();
        }
        fire(new SessionEvent.ModelChanged(newModel == null ? null : newModel.info()));
    }

    /** Starts a new session from a source image; the new session counts as unsaved. */
    public void startFrom(BufferedImage source, String title) {
        replace(new Session(Turn.source(source), title), false);
    }

    /** Shows a session read from disk; it counts as saved. */
    public void open(Session opened) {
        replace(opened, true);
    }

    public void close() {
        cancelJob();
        session = null;
        history.clear();
        fire(new SessionEvent.SessionReplaced(null));
        fireHistory();
    }

    private void replace(Session next, boolean clean) {
        cancelJob();
        session = Objects.requireNonNull(next, "session");
        history.clear();
        if (!clean) {
            history.markDirty();
        }
        fire(new SessionEvent.SessionReplaced(session));
        fireHistory();
    }

    public void select(Turn turn) {
        requireSession();
        if (turn == session.current()) {
            return;
        }
        session.select(turn);
        fire(new SessionEvent.CurrentChanged(turn));
    }

    public void undo() {
        if (!canUndo()) {
            return;
        }
        fire(history.undo(session));
        fireHistory();
    }

    public void redo() {
        if (!canRedo()) {
            return;
        }
        fire(history.redo(session));
        fireHistory();
    }

    /** Deletes a turn and its subtree (undoable). */
    public void deleteBranch(Turn turn) {
        requireSession();
        if (isBusy()) {
            throw new IllegalStateException("cannot delete while an edit runs");
        }
        fire(history.execute(new DeleteBranchCommand(turn), session));
        fireHistory();
    }

    /**
     * The session's current state, to record as saved with {@link #markSaved(SavePoint)} once its file is
     * written (a save in the background captures it together with the snapshot).
     */
    public SavePoint savePoint() {
        requireSession();
        return new SavePoint(session, history.state());
    }

    /**
     * Records that the session was saved as it was at {@code point}. Edits made since stay unsaved.
     * Returns false, changing nothing, when another session has been opened since.
     */
    public boolean markSaved(SavePoint point) {
        if (point.session != session) {
            return false;
        }
        history.markClean(point.state);
        fireHistory();
        return true;
    }

    /** What {@link #savePoint()} captured: which session, and where in its history. */
    public static final class SavePoint {
        private final Session session;
        private final CommandHistory.SavedState state;

        private SavePoint(Session session, CommandHistory.SavedState state) {
            this.session = session;
            this.state = state;
        }

        /** Whether the point belongs to {@code other}. */
        public boolean isOf(Session other) {
            return session == other;
        }
    }

    /**
     * Starts an edit of the current turn.
     *
     * @param userMask where the edit may happen (white), or null to let the model decide
     * @throws IllegalStateException when no session or model is open, or an edit already runs
     */
    public EditJob edit(String instruction, BufferedImage userMask, EditSettings settings) {
        requireSession();
        Objects.requireNonNull(settings, "settings");
        String text = instruction == null ? "" : instruction.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("type an instruction first");
        }
        if (model == null) {
            throw new IllegalStateException("no model is loaded: open a model folder first");
        }
        if (isBusy()) {
            throw new IllegalStateException("an edit is already running");
        }
        Turn parent = session.current();
        EditRequest request = new EditRequest(session.root().image(), priorTurns(parent), text, userMask,
                settings.seed(), settings.steps(), settings.guidance());
        EditModel runWith = model;
        EditJob started = new EditJob(text, settings.steps());
        job = started;
        Session target = session;
        fire(new SessionEvent.JobChanged(started));
        fireHistory();
        background.execute(() -> run(started, target, parent, request, runWith, userMask, settings));
        return started;
    }

    /** Cancels the running edit, if any. */
    public void cancelJob() {
        if (job != null && job.isRunning()) {
            job.cancel();
        }
    }

    private void run(EditJob started, Session target, Turn parent, EditRequest request, EditModel runWith,
                     BufferedImage userMask, EditSettings settings) {
        long t0 = System.nanoTime();
        try {
            EditResult result = runWith.edit(request,
                    (done, total) -> foreground.execute(() -> {
                        started.progress(done, total);
                        fire(new SessionEvent.JobChanged(started));
                    }),
                    started::isCancelRequested);
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            Turn turn = Turn.builder()
                    .instruction(request.instruction())
                    .userMask(userMask)
                    .image(result.image())
                    .predictedCurrentMask(result.currentMask())
                    .predictedNextMask(result.nextMask())
                    .settings(settings)
                    .modelId(runWith.info().id())
                    .elapsedMillis(elapsed)
                    .build();
            foreground.execute(() -> finish(started, target, parent, turn));
        } catch (CancellationException e) {
            foreground.execute(() -> {
                started.cancelled();
                fire(new SessionEvent.JobChanged(started));
                fireHistory();
            });
        } catch (RuntimeException | Error e) {
            log.error("edit \"{}\" failed", request.instruction(), e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            foreground.execute(() -> {
                started.fail(message);
                fire(new SessionEvent.JobChanged(started));
                fireHistory();
            });
        }
    }

    private void finish(EditJob started, Session target, Turn parent, Turn turn) {
        if (started.isCancelRequested() || target != session) {
            started.cancelled();
            fire(new SessionEvent.JobChanged(started));
            fireHistory();
            return;
        }
        started.succeed(turn);
        fire(history.execute(new AddTurnCommand(parent, turn), session));
        fire(new SessionEvent.JobChanged(started));
        fireHistory();
    }

    /** The context turns 1..k of the branch ending at {@code last}, as the model sees them. */
    static List<EditRequest.PriorTurn> priorTurns(Turn last) {
        return Session.pathTo(last).stream()
                .filter(t -> !t.isRoot())
                .map(t -> new EditRequest.PriorTurn(t.instruction(), t.contextCurrentMask(),
                        t.predictedNextMask(), t.image()))
                .toList();
    }

    private void requireSession() {
        if (session == null) {
            throw new IllegalStateException("open an image or a session first");
        }
    }

    private void fireHistory() {
        fire(new SessionEvent.HistoryChanged(isDirty(), canUndo(), canRedo()));
    }

    private void fire(SessionEvent event) {
        for (Consumer<SessionEvent> l : listeners) {
            l.accept(event);
        }
    }

    /** The model info currently loaded, or null. */
    public ModelInfo modelInfo() {
        return model == null ? null : model.info();
    }
}
