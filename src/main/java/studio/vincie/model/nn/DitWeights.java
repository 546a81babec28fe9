package studio.vincie.model.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import studio.vincie.model.ModelConfig;

/**
 * The parameters of a {@link BlockCausalDiT}: an ordered map from PyTorch-style names
 * ({@code blocks.3.attn.qkv.weight}) to float32 NDArrays, linear weights stored {@code (out, in)} as
 * PyTorch does. This plain map is the trainer's parameter list: call {@link #attachGradients()} and
 * hand each (name, array, array.getGradient()) to a DJL {@code Optimizer.update}.
 *
 * <p>Initialisation lives in {@link #init}: xavier-uniform linears, N(0, 0.02) embeddings, zero biases,
 * and, as in DiT, zeroed adaLN modulation and output layers so every block starts as the identity.
 */
public final class DitWeights implements AutoCloseable {

    private final ModelConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> tensors;

    DitWeights(ModelConfig config, NDManager manager, Map<String, NDArray> tensors) {
        this.config = config;
        this.manager = manager;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** Expected names and shapes, in a stable order; loading checks every entry against this. */
    public static Map<String, Shape> expectedShapes(ModelConfig c) {
        int d = c.width();
        int mlp = d * c.mlpRatio();
        Map<String, Shape> s = new LinkedHashMap<>();
        s.put("text_embed.weight", new Shape(c.vocabSize(), d));
        s.put("role_embed.weight", new Shape(SegmentKind.values().length, d));
        s.put("image_in.weight", new Shape(d, c.imagePatchDim()));
        s.put("image_in.bias", new Shape(d));
        s.put("mask_in.weight", new Shape(d, c.maskPatchDim()));
        s.put("mask_in.bias", new Shape(d));
        if (c.sourceConditioning()) {
            s.put("source_in.weight", new Shape(d, c.imagePatchDim()));
            s.put("source_in.bias", new Shape(d));
            s.put("mask_source_in.weight", new Shape(d, c.maskSourceDim()));
            s.put("mask_source_in.bias", new Shape(d));
        }
        if (c.pooledText()) {
            s.put("text_pool.weight", new Shape(d, d));
            s.put("text_pool.bias", new Shape(d));
        }
        s.put("t_embed.mlp.0.weight", new Shape(d, c.timestepDim()));
        s.put("t_embed.mlp.0.bias", new Shape(d));
        s.put("t_embed.mlp.2.weight", new Shape(d, d));
        s.put("t_embed.mlp.2.bias", new Shape(d));
        for (int i = 0; i < c.depth(); i++) {
            String p = "blocks." + i + ".";
            s.put(p + "adaLN.weight", new Shape(6L * d, d));
            s.put(p + "adaLN.bias", new Shape(6L * d));
            s.put(p + "attn.qkv.weight", new Shape(3L * d, d));
            s.put(p + "attn.qkv.bias", new Shape(3L * d));
            s.put(p + "attn.proj.weight", new Shape(d, d));
            s.put(p + "attn.proj.bias", new Shape(d));
            s.put(p + "mlp.fc1.weight", new Shape(mlp, d));
            s.put(p + "mlp.fc1.bias", new Shape(mlp));
            s.put(p + "mlp.fc2.weight", new Shape(d, mlp));
            s.put(p + "mlp.fc2.bias", new Shape(d));
        }
        s.put("final.adaLN.weight", new Shape(2L * d, d));
        s.put("final.adaLN.bias", new Shape(2L * d));
        s.put("image_out.weight", new Shape(c.imagePatchDim(), d));
        s.put("image_out.bias", new Shape(c.imagePatchDim()));
        if (c.noisySkip()) {
            s.put("image_out_skip.weight", new Shape(1, d));
            s.put("image_out_skip.bias", new Shape(1));
        }
        s.put("mask_out.weight", new Shape(c.maskPatchDim(), d));
        s.put("mask_out.bias", new Shape(c.maskPatchDim()));
        if (c.textModulation()) {
            s.put("text_mod.weight", new Shape(d, d));
            s.put("text_mod.bias", new Shape(d));
        }
        return s;
    }

    /**
     * Fresh weights from a seed (host-side Random, so the same on every device).
     *
     * @param zeroInit DiT's zero init of adaLN and output layers; tests pass false so every path carries
     *                 signal and the invariants can actually fail
     */
    public static DitWeights init(NDManager manager, ModelConfig config, long seed, boolean zeroInit) {
        Random rng = new Random(seed);
        Map<String, NDArray> t = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : expectedShapes(config).entrySet()) {
            String name = e.getKey();
            Shape shape = e.getValue();
            float[] v = new float[(int) shape.size()];
            boolean zeroed = zeroInit && (name.contains("adaLN") || name.startsWith("image_out")
                    || name.startsWith("mask_out") || name.startsWith("text_pool")
                    || name.startsWith("text_mod"));
            if (name.endsWith(".bias") || zeroed) {
                if (!zeroInit && name.endsWith(".bias")) {
                    fillNormal(v, rng, 0.02f);
                }
            } else if (name.contains("embed.weight") || name.startsWith("t_embed")) {
                fillNormal(v, rng, 0.02f);
            } else {
                // xavier-uniform for (out, in) linears
                float bound = (float) Math.sqrt(6.0 / (shape.get(0) + shape.get(1)));
                for (int i = 0; i < v.length; i++) {
                    v[i] = (rng.nextFloat() * 2f - 1f) * bound;
                }
            }
            NDArray a = manager.create(v, shape);
            a.setName(name);
            t.put(name, a);
        }
        return new DitWeights(config, manager, t);
    }

    private static void fillNormal(float[] v, Random rng, float std) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian() * std;
        }
    }

    /** Wraps loaded tensors; names and shapes must match {@link #expectedShapes} (checked by the loader). */
    public static DitWeights of(ModelConfig config, NDManager manager, Map<String, NDArray> tensors) {
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            if (e.getValue().getDataType() != DataType.FLOAT32) {
                throw new IllegalArgumentException("tensor '" + e.getKey() + "' must be float32, was "
                        + e.getValue().getDataType());
            }
        }
        return new DitWeights(config, manager, tensors);
    }

    public NDArray get(String name) {
        NDArray a = tensors.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no tensor named '" + name + "'");
        }
        return a;
    }

    /** All parameters in a stable order: the trainer's parameter list. */
    public Map<String, NDArray> tensors() {
        return tensors;
    }

    public ModelConfig config() {
        return config;
    }

    public NDManager manager() {
        return manager;
    }

    public long parameterCount() {
        return tensors.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /** Makes every parameter require a gradient (for training inside a GradientCollector). */
    public void attachGradients() {
        tensors.values().forEach(a -> a.setRequiresGradient(true));
    }

    /**
     * One optimizer step over all parameters, then {@link #zeroGradients()}. Each gradient handle is
     * closed after use: {@code getGradient()} returns a new handle owned by the weights' manager, so a
     * loop that does not close it grows that manager by one handle per parameter and step.
     */
    public void applyOptimizer(ai.djl.training.optimizer.Optimizer optimizer) {
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            try (NDArray grad = e.getValue().getGradient()) {
                optimizer.update(e.getKey(), e.getValue(), grad);
            }
        }
        zeroGradients();
    }

    /**
     * Sets every gradient to zero in place. PyTorch accumulates gradients across backward passes, so
     * call this after each optimizer step.
     */
    public void zeroGradients() {
        for (NDArray a : tensors.values()) {
            if (a.hasGradient()) {
                if (a instanceof ai.djl.pytorch.engine.PtNDArray pt) {
                    ai.djl.pytorch.jni.JniUtils.zeroGrad(pt);
                } else {
                    NDArray g = a.getGradient();
                    g.subi(g);
                    g.close();
                }
            }
        }
    }

    @Override
    public void close() {
        tensors.values().forEach(NDArray::close);
    }
}
