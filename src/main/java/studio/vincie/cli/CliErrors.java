package studio.vincie.cli;

import org.slf4j.Logger;

/**
 * The error reporting the batch commands share: the message on stderr without a stack trace (the trace
 * goes to the command's logger at debug), and the exit code to return.
 */
final class CliErrors {

    /** Exit code for a failure that is not the user's input (e.g. the engine failing mid-run). */
    static final int FAILED = 1;
    /** Exit code for bad input or an I/O failure. */
    static final int USAGE = 2;
    /** Exit code after an interrupt (128 + SIGINT), as shells report it. */
    static final int INTERRUPTED = 130;

    private CliErrors() {
    }

    /** Prints {@code Error: message}, logs the trace as "{@code what} failed" and returns {@link #USAGE}. */
    static int error(Logger log, String what, String message, Exception e) {
        System.err.println("Error: " + message);
        log.debug("{} failed", what, e);
        return USAGE;
    }

    /** Like {@link #error} but for a failure that is not the user's input; returns {@link #FAILED}. */
    static int failed(Logger log, String what, Exception e) {
        error(log, what, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        return FAILED;
    }

    /** Restores the interrupt flag, prints {@code Interrupted} and returns {@link #INTERRUPTED}. */
    static int interrupted() {
        Thread.currentThread().interrupt();
        System.err.println("Interrupted");
        return INTERRUPTED;
    }
}
