package studio.vincie.train;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Exponential moving average of the weights; this, not the raw weights, is what gets exported. The
 * decay ramps up as {@code min(decay, (1 + t) / (10 + t))} so the average is useful after a few
 * hundred steps instead of remembering the random initialisation for thousands.
 */
public final class Ema {

    private final float decay;
    private final Map<String, NDArray> shadow = new LinkedHashMap<>();

    public Ema(NDManager manager, Map<String, NDArray> params, float decay) {
        this.decay = decay;
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray copy = e.getValue().duplicate();
            copy.attach(manager);
            copy.setName(e.getKey());
            shadow.put(e.getKey(), copy);
        }
    }

    /** Folds the current weights in after optimizer step {@code step} (1-based); temporaries go to
     * {@code scratch}. Grad mode must be off. */
    public void update(NDManager scratch, Map<String, NDArray> params, long step) {
        float d = Math.min(decay, (1f + step) / (10f + step));
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray s = shadow.get(e.getKey());
            try (NDManager scope = scratch.newSubManager()) {
                NDArray p = e.getValue();
                p.tempAttach(scope); // the product p * (1 - d) is created in p's manager: keep it in scope
                s.muli(d).addi(p.mul(1 - d));
            }
        }
    }

    /** The averaged weights by parameter name. */
    public Map<String, NDArray> weights() {
        return shadow;
    }

    public void restore(Map<String, float[]> saved) {
        for (Map.Entry<String, NDArray> e : shadow.entrySet()) {
            float[] v = saved.get(e.getKey());
            if (v == null || v.length != e.getValue().getShape().size()) {
                throw new IllegalArgumentException("EMA tensor '" + e.getKey() + "' is missing or has the wrong size"
                        + " in the checkpoint");
            }
            e.getValue().set(v);
        }
    }
}
