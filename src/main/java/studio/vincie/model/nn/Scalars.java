package studio.vincie.model.nn;

import ai.djl.ndarray.NDArray;

/**
 * Scalar arithmetic that is safe inside an autograd graph.
 *
 * <p>DJL's {@code NDArray.mul(Number)} (and {@code div}, {@code pow}, ... with a {@code Number}) wraps
 * the number in a scalar array whose memory is a JVM direct buffer (PyTorch {@code from_blob}, no copy)
 * and closes it right after the operation. Autograd saves that scalar for backward ({@code d(x*s)/dx = s}),
 * so once the garbage collector frees the buffer, backward reads freed memory: gradients scaled by
 * garbage, sometimes NaN or infinite, depending on when a GC ran. Here the scalar belongs to the
 * operand's manager and lives until that manager is closed, which for training is after backward.
 */
public final class Scalars {

    private Scalars() {
    }

    /** {@code x * s}, differentiable; the scalar is kept in {@code x}'s manager. */
    public static NDArray times(NDArray x, float s) {
        return x.mul(x.getManager().create(s));
    }
}
