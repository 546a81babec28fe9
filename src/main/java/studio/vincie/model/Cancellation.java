package studio.vincie.model;

import java.util.concurrent.CancellationException;

/** Polled by a model between steps; once true the model throws {@link CancellationException}. */
@FunctionalInterface
public interface Cancellation {

    Cancellation NEVER = () -> false;

    boolean isCancelled();

    /** Throws {@link CancellationException} when cancelled; call between units of work. */
    default void check() {
        if (isCancelled()) {
            throw new CancellationException("edit cancelled");
        }
    }
}
