package studio.vincie.model.pack;

import ai.djl.ndarray.NDArray;

/**
 * Flow-matching losses of one packed batch: MSE over the noisy copies of each task. {@code total} is
 * what to call {@code backward} on; each part is a scalar NDArray (zero when the batch has no copy of
 * that task, with the matching count 0).
 */
public record FlowLosses(NDArray total, NDArray nip, NDArray csp, NDArray nsp, int nipCopies, int cspCopies,
                         int nspCopies) {

    /** Host values {total, nip, csp, nsp} for logging. */
    public float[] values() {
        return new float[] {total.getFloat(), nip.getFloat(), csp.getFloat(), nsp.getFloat()};
    }
}
