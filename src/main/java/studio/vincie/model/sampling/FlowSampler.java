package studio.vincie.model.sampling;

import ai.djl.ndarray.NDArray;

/**
 * Euler sampler of the flow-matching ODE (design.md 3.4), kept apart from the network as in minRF:
 * it integrates {@code dx/dt = v(x, t)} from pure noise at t = 1 down to t = 0 over a shifted schedule
 * {@code t' = s t / (1 + (s - 1) t)}, which spends more steps at high noise when s > 1 (SD3/VINCIE).
 * It takes any {@link Velocity}, so it is testable on an analytic field; guidance is the velocity
 * function's business (see {@link #guided}).
 */
public final class FlowSampler {

    /** A velocity field v(x, t); the result is a new array of x's shape that the sampler closes. */
    @FunctionalInterface
    public interface Velocity {
        NDArray at(NDArray x, float t);
    }

    /** Called after each step; may throw (e.g. CancellationException) to stop sampling. */
    @FunctionalInterface
    public interface StepListener {
        StepListener NONE = (done, total) -> { };

        void stepDone(int done, int total);
    }

    private FlowSampler() {
    }

    /** {@code steps + 1} timesteps from 1 to 0, shifted by {@code shift}. */
    public static float[] schedule(int steps, float shift) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
        if (!(shift > 0)) {
            throw new IllegalArgumentException("shift must be > 0, was " + shift);
        }
        float[] t = new float[steps + 1];
        for (int i = 0; i <= steps; i++) {
            double u = 1.0 - (double) i / steps;
            t[i] = (float) (shift * u / (1 + (shift - 1) * u));
        }
        return t;
    }

    /**
     * Integrates from {@code noise} (x at t = 1; not closed) and returns x at t = 0 in the noise's
     * manager. Intermediate states are closed as soon as they are used.
     */
    public static NDArray sample(NDArray noise, int steps, float shift, Velocity v, StepListener listener) {
        return sample(noise, schedule(steps, shift), v, listener);
    }

    /** Integrates from {@code start} (x at {@code ts[0]}; not closed) over decreasing timesteps {@code ts}. */
    public static NDArray sample(NDArray start, float[] ts, Velocity v, StepListener listener) {
        int steps = ts.length - 1;
        NDArray x = start;
        for (int i = 0; i < steps; i++) {
            NDArray vel = v.at(x, ts[i]);
            NDArray delta = vel.mul(ts[i + 1] - ts[i]);
            NDArray next = x.add(delta);
            delta.close();
            vel.close();
            if (x != start) {
                x.close();
            }
            x = next;
            listener.stepDone(i + 1, steps);
        }
        return x == start ? start.duplicate() : x;
    }

    /**
     * Classifier-free guidance on a batched field: {@code both} returns (2, ...) for x repeated twice,
     * row 0 conditioned, row 1 unconditioned; the result is {@code v_u + g (v_c - v_u)}, shape (1, ...).
     * With g = 1 only the conditioned row is needed, so callers should then run one branch instead.
     */
    public static Velocity guided(Velocity both, float guidance) {
        return (x, t) -> {
            NDArray pair = x.concat(x, 0); // (2, ...)
            NDArray v = both.at(pair, t);
            pair.close();
            NDArray vc = v.get("0:1");
            NDArray vu = v.get("1:2");
            NDArray out = vu.add(vc.sub(vu).mul(guidance));
            v.close();
            return out;
        };
    }
}
