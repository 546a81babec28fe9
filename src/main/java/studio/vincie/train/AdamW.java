package studio.vincie.train;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * AdamW (Loshchilov and Hutter) written on NDArrays: Adam moments with bias correction plus weight
 * decay applied to the weights directly ({@code p -= lr * wd * p}), not through the gradient. DJL's
 * {@code Adam} folds decay into the gradient and hides its moments, which a checkpoint must save; here
 * the moments are plain named arrays ({@link #state}) and the step count is explicit.
 *
 * <p>Call {@link #update} with grad mode off (outside the GradientCollector): it updates parameters in
 * place. Decay applies to matrices only; biases and the embedding tables are not decayed.
 */
public final class AdamW {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final NDManager manager;
    private final float weightDecay;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private long t;

    /** Fresh state (zero moments) for the given parameters. */
    public AdamW(NDManager manager, Map<String, NDArray> params, float weightDecay) {
        this.manager = manager;
        this.weightDecay = weightDecay;
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            m.put(e.getKey(), manager.zeros(e.getValue().getShape()));
            v.put(e.getKey(), manager.zeros(e.getValue().getShape()));
        }
    }

    /**
     * One step over all parameters. {@code gradScale} multiplies every gradient first (gradient
     * clipping); temporaries go to {@code scratch}.
     */
    public void update(NDManager scratch, Map<String, NDArray> params, Map<String, NDArray> grads, float lr,
                       float gradScale) {
        t++;
        float c1 = (float) (1 - Math.pow(BETA1, t));
        float c2 = (float) (1 - Math.pow(BETA2, t));
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            String name = e.getKey();
            NDArray p = e.getValue();
            NDArray mi = m.get(name);
            NDArray vi = v.get(name);
            // DJL puts an op's result in its first operand's manager: lend the long-lived arrays to a
            // per-parameter scope so every temporary dies with it and the state itself survives.
            try (NDManager s = scratch.newSubManager()) {
                p.tempAttach(s);
                mi.tempAttach(s);
                vi.tempAttach(s);
                NDArray g = grads.get(name);
                if (gradScale != 1f) {
                    g = g.mul(gradScale);
                }
                mi.muli(BETA1).addi(g.mul(1 - BETA1));
                vi.muli(BETA2).addi(g.square().mul(1 - BETA2));
                if (weightDecay > 0 && decays(name, p)) {
                    p.muli(1 - lr * weightDecay);
                }
                NDArray step = mi.div(c1).div(vi.div(c2).sqrt().add(EPS)).mul(lr); // same shape as p
                p.subi(step);
            }
        }
    }

    static boolean decays(String name, NDArray p) {
        return p.getShape().dimension() >= 2 && !name.contains("embed");
    }

    /** Number of steps taken (Adam's t). */
    public long steps() {
        return t;
    }

    /** The moments by name, prefixed {@code m.} and {@code v.}, for checkpoints. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        m.forEach((k, a) -> out.put("m." + k, a));
        v.forEach((k, a) -> out.put("v." + k, a));
        return out;
    }

    /** Restores moments and step count saved by {@link #state} and {@link #steps}. */
    public void restore(Map<String, float[]> state, long steps) {
        for (Map.Entry<String, NDArray> e : state().entrySet()) {
            float[] saved = state.get(e.getKey());
            if (saved == null || saved.length != e.getValue().getShape().size()) {
                throw new IllegalArgumentException("optimizer state '" + e.getKey()
                        + "' is missing or has the wrong size in the checkpoint");
            }
            e.getValue().set(saved);
        }
        this.t = steps;
    }

    public NDManager manager() {
        return manager;
    }
}
