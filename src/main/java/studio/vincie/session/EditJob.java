package studio.vincie.session;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One edit running in the background: its state, step progress, and cancel. State and progress are
 * published by the controller on the foreground thread through {@link SessionEvent.JobChanged}.
 */
public final class EditJob {

    public enum State { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final String instruction;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile State state = State.RUNNING;
    private volatile int stepsDone;
    private volatile int stepsTotal;
    private volatile String errorMessage = "";
    private volatile Turn result;

    EditJob(String instruction, int stepsTotal) {
        this.instruction = instruction;
        this.stepsTotal = stepsTotal;
    }

    public String instruction() {
        return instruction;
    }

    public State state() {
        return state;
    }

    public boolean isRunning() {
        return state == State.RUNNING;
    }

    public int stepsDone() {
        return stepsDone;
    }

    public int stepsTotal() {
        return stepsTotal;
    }

    /** Fraction done in [0, 1]. */
    public double progress() {
        return stepsTotal <= 0 ? 0 : Math.min(1.0, (double) stepsDone / stepsTotal);
    }

    /** Why the job failed, empty otherwise. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The new turn once the job succeeded, else null. */
    public Turn result() {
        return result;
    }

    /** Asks the model to stop at its next step; the job then ends CANCELLED. */
    public void cancel() {
        cancelRequested.set(true);
    }

    public boolean isCancelRequested() {
        return cancelRequested.get();
    }

    void progress(int done, int total) {
        stepsDone = done;
        stepsTotal = total;
    }

    void succeed(Turn turn) {
        result = turn;
        stepsDone = stepsTotal;
        state = State.SUCCEEDED;
    }

    void fail(String message) {
        errorMessage = message;
        state = State.FAILED;
    }

    void cancelled() {
        state = State.CANCELLED;
    }
}
