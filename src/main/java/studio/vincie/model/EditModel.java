package studio.vincie.model;

import java.util.concurrent.CancellationException;

/**
 * An image-editing model that works in context: given the whole session so far and a new instruction
 * (plus an optional user mask), it produces the next image and, when it can, the predicted region
 * masks of the edit.
 *
 * <p>The session talks to models only through this interface, so the editor can run on a scripted
 * fake in tests and a larger model or another engine can be swapped in. Implementations must report
 * progress through {@link EditProgress} and stop promptly with a {@link CancellationException} once
 * {@link Cancellation#isCancelled()} turns true. Calls may come from any background thread, one at a
 * time per instance.
 */
public interface EditModel extends AutoCloseable {

    /** What is loaded: shown in the editor and recorded with every turn. */
    ModelInfo info();

    /**
     * Runs one edit turn.
     *
     * @throws CancellationException when cancelled before the image was finished
     */
    EditResult edit(EditRequest request, EditProgress progress, Cancellation cancellation);

    /**
     * Whether this model can predict the edit regions ({@code Ck}, {@code Nk}) before the image, so
     * the editor can offer its "Predict edit regions first" toggle. False unless a model says so.
     */
    default boolean supportsRegionPrediction() {
        return false;
    }

    /** Turns region-first editing on or off for the next edits; ignored by models that cannot. */
    default void setRegionPrediction(boolean on) {
    }

    @Override
    default void close() {
    }
}
