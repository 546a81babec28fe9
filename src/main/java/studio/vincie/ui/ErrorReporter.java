package studio.vincie.ui;

/**
 * Where view-models send problems the user must see (a bad image, a bad session file, a failed edit).
 * The editor shows a dialog; tests collect the messages.
 */
@FunctionalInterface
public interface ErrorReporter {

    /** @param title short heading, e.g. "Cannot open image"; @param message what went wrong and what to do */
    void report(String title, String message);
}
