package studio.vincie.model.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import studio.vincie.model.ModelConfig;

/**
 * The block-causal diffusion transformer of design.md section 3: per-kind input projections plus a
 * role embedding, {@code depth} DiT blocks (adaLN-zero with a per-token timestep, block-causal
 * attention with 3D RoPE, GELU MLP) and per-kind output projections predicting the flow velocity.
 *
 * <p>Two ways to run it. {@link #forward} runs a whole {@link TokenBatch} with the additive
 * block-causal mask (training, tests, and the uncached baseline). {@link #append} and
 * {@link #velocity} run only new tokens against a {@link KvCache}: a new segment sees every cached
 * token and itself, which is exactly what the mask allows it, so both ways give the same numbers.
 *
 * <p>Output parameterisation (x-prediction, as JiT, "Back to Basics", Li and He 2025): the heads
 * predict the clean values {@code x0}; the velocity is {@code v = (x_t - x0) / max(t, T_MIN)}. A
 * pixel patch has more values (768 for 16x16 RGB) than the width (256), so a head predicting {@code v}
 * directly could never remove the noise outside its 256-dimensional range and images would stay
 * noisy; clean patches, in contrast, lie near a low-dimensional set that the head can reach. Training
 * still uses the velocity loss, through the same conversion.
 *
 * <p>Shapes: B batch, T tokens, D width, H heads, E head size, U distinct timesteps, P patch values.
 */
public final class BlockCausalDiT {

    /** Lower bound of t in {@code v = (x_t - x0) / t}, keeping the conversion stable near t = 0. */
    public static final float T_MIN = 0.05f;

    private final ModelConfig c;
    private final DitWeights w;
    private final NDArray ones;
    private final NDArray zeros;

    public BlockCausalDiT(DitWeights weights) {
        this.w = weights;
        this.c = weights.config();
        // LayerNorm.layerNorm needs non-null gamma/beta; DiT's norms have no affine parameters.
        this.ones = weights.manager().ones(new Shape(c.width()));
        this.zeros = weights.manager().zeros(new Shape(c.width()));
    }

    public ModelConfig config() {
        return c;
    }

    public DitWeights weights() {
        return w;
    }

    /**
     * Full pass with the block-causal mask. Returns the final hidden states (B, T, D) after the final
     * adaLN, ready for {@link #head}.
     *
     * @param scoped free each layer's intermediates (inference only; training needs them for backward)
     */
    public NDArray forward(NDManager m, TokenBatch b, boolean scoped) {
        NDArray x = embed(m, b); // (B, T, D)
        NDArray[] rope = Rope.tables(m, b.seg, b.row, b.col, b.batch, b.length, c.headSize(), c.ropeBase());
        NDArray mask = m.create(b.additiveMask(), new Shape(b.batch, 1, b.length, b.length)); // (B, 1, T, T)
        if (!c.textModulation() || b.pooledTexts.size() < 2) {
            NDArray cond = timestepCondition(m, b.tTable); // (U, D)
            NDArray onehot = b.tTable.length > 1 ? oneHot(m, b.tIndex, b.tTable.length) : null; // (B*T, U)
            return run(m, x, rope[0], rope[1], mask, cond, onehot, null, Store.NONE, scoped);
        }
        // textModulation: one condition per distinct (timestep, instruction) pair among the tokens
        Map<Long, Integer> pairs = new LinkedHashMap<>();
        int[] pairOf = new int[b.tIndex.length];
        for (int i = 0; i < pairOf.length; i++) {
            long key = (long) b.tIndex[i] * b.pooledTexts.size() + b.pooledIndex[i];
            pairOf[i] = pairs.computeIfAbsent(key, k -> pairs.size());
        }
        long[] pairT = new long[pairs.size()];
        long[] pairText = new long[pairs.size()];
        for (Map.Entry<Long, Integer> e : pairs.entrySet()) {
            pairT[e.getValue()] = e.getKey() / b.pooledTexts.size();
            pairText[e.getValue()] = e.getKey() % b.pooledTexts.size();
        }
        NDArray text = m.zeros(new Shape(1, c.width())) // "none" (clean tokens), then one row per instruction
                .concat(projectWords(pooledWords(m, b.pooledTexts.subList(1, b.pooledTexts.size())), "text_mod"), 0); // (U + 1, D)
        NDArray cond = silu(rows(timestepEmbedding(m, b.tTable), m.create(pairT))
                .add(rows(text, m.create(pairText)))); // (pairs, D)
        NDArray onehot = pairs.size() > 1 ? oneHot(m, pairOf, pairs.size()) : null; // (B*T, pairs)
        return run(m, x, rope[0], rope[1], mask, cond, onehot, null, Store.NONE, scoped);
    }

    /**
     * Appends a clean segment to the cache: row i of {@code rows} is the segment for cache row i (one row
     * for the shared prefix, or one per guidance branch when {@code toBranch}). Runs only these tokens.
     */
    public void append(NDManager m, KvCache cache, List<Segment> rows, String key, boolean toBranch) {
        try (NDManager step = m.newSubManager()) {
            TokenBatch.Builder tb = new TokenBatch.Builder(c);
            for (Segment s : rows) {
                tb.newRow().addClean(s);
            }
            TokenBatch b = tb.build();
            NDArray x = embed(step, b);
            NDArray[] rope = Rope.tables(step, b.seg, b.row, b.col, 1, b.length, c.headSize(), c.ropeBase());
            NDArray cond = timestepCondition(step, new float[] {0f});
            run(step, x, rope[0], rope[1], null, cond, null, cache, toBranch ? Store.BRANCH : Store.COMMITTED, true);
            cache.recordSegment(key, b.length, toBranch);
        }
    }

    /**
     * Velocity of a noisy target segment against the cache: {@code xt} (B, T, P) holds the noisy values
     * (B = cache branch rows, or 1), {@code template} gives kind and index, {@code source} the values of
     * the image the edit starts from (image layout; under {@code sourceConditioning}, else null),
     * {@code instructions} per row the instruction pooled into the target (under {@code pooledText},
     * else null).
     * Result (B, T, P) in m.
     */
    public NDArray velocity(NDManager m, KvCache cache, Segment template, NDArray xt, float t, float[] source,
                            int[][] instructions) {
        Shape s = xt.getShape();
        TokenBatch.Builder tb = new TokenBatch.Builder(c).newRow();
        // checks the source and instruction; only its RoPE positions are used
        tb.addNoisy(template, t, 1, source, instructions == null ? null : instructions[0]);
        TokenBatch pos = tb.build();
        try (NDManager step = m.newSubManager()) {
            NDArray values = xt.duplicate();
            values.attach(step);
            boolean image = template.kind() == SegmentKind.IMAGE;
            NDArray src = source == null || !image ? null : step.create(source, new Shape(1, s.get(1), s.get(2))); // (1, T, P)
            NDArray x = inputProjection(values, template.kind()) // (B, T, D)
                    .add(w.get("role_embed.weight").get(step, template.kind().ordinal()));
            if (src != null) {
                x = x.add(sourceProjection(src)); // (B, T, D)
            } else if (source != null) {
                NDArray under = step.create(TokenBatch.maskSource(c, source), new Shape(1, s.get(1), c.maskSourceDim()));
                x = x.add(maskSourceProjection(under)); // (B, T, D)
            }
            NDArray words = null; // (B, D), each row's instruction
            if (instructions != null) {
                if (instructions.length != s.get(0)) {
                    throw new IllegalArgumentException(instructions.length + " instructions for " + s.get(0) + " rows");
                }
                words = pooledWords(step, java.util.Arrays.asList(instructions));
                x = x.add(projectWords(words, "text_pool").reshape(s.get(0), 1, c.width())); // (B, T, D)
            }
            NDArray[] rope = Rope.tables(step, pos.seg, pos.row, pos.col, 1, pos.length, c.headSize(), c.ropeBase());
            NDArray cond = words != null && c.textModulation()
                    ? silu(timestepEmbedding(step, new float[] {t}).add(projectWords(words, "text_mod"))) // (B, D)
                    : timestepCondition(step, new float[] {t}); // (1, D)
            NDArray hidden = run(step, x, rope[0], rope[1], null, cond, null, cache, Store.NONE, true);
            NDArray x0 = predictClean(hidden, template.kind(), src, values, t).reshape(s); // (B, T, P)
            NDArray out = toVelocity(values, x0, t); // (B, T, P)
            out.attach(m);
            return out;
        }
    }

    /**
     * Multiply-add FLOPs (x2) of running {@code queries} tokens through the blocks when each attends
     * {@code keys} keys: the QKV, output and MLP projections, plus QK^T and PV. Used for achieved GFLOP/s.
     */
    public static double flops(ModelConfig c, long queries, long keys) {
        double d = c.width();
        double perToken = 2 * d * d * (4 + 2.0 * c.mlpRatio()) + 4 * d * keys;
        return c.depth() * queries * perToken;
    }

    /** {@code v = (x_t - x0) / max(t, T_MIN)} for one timestep. */
    public static NDArray toVelocity(NDArray xt, NDArray x0, float t) {
        return xt.sub(x0).div(Math.max(t, T_MIN));
    }

    /**
     * Predicted clean values x0 (.., P) from final hidden states (.., D): the head's output, plus the
     * source values under {@code sourceConditioning} (the image head then predicts the change from the
     * source), plus under {@code noisySkip} a learned per-token share of the noisy input's departure
     * from the source, {@code gate(h) * (x_t - (1 - t) source)} (images only; {@code x_t} alone when
     * there is no source). At low noise that departure is nearly the edit itself, so the model can pass
     * it through rather than rebuild every pixel from the hidden state; the gate is zero-initialised.
     *
     * @param source values of the image the edit starts from (same leading shape, or broadcastable;
     *               null for none)
     * @param xt     the noisy values the hidden states were computed from (the result's shape)
     * @param keep   {@code 1 - t}: a scalar array, or one value per row broadcastable against {@code xt}
     */
    public NDArray predictClean(NDArray hidden, SegmentKind kind, NDArray source, NDArray xt, NDArray keep) {
        NDArray out = source == null ? head(hidden, kind) : head(hidden, kind).add(source);
        if (kind != SegmentKind.IMAGE || !c.noisySkip()) {
            return out;
        }
        return out.add(skipGate(hidden).mul(source == null ? xt : xt.sub(source.mul(keep))));
    }

    /**
     * As {@link #predictClean(NDArray, SegmentKind, NDArray, NDArray, NDArray)} at one timestep t (the
     * sampler); the {@code 1 - t} scalar lives in the hidden states' manager, a per-step one.
     */
    public NDArray predictClean(NDArray hidden, SegmentKind kind, NDArray source, NDArray xt, float t) {
        NDArray keep = kind == SegmentKind.IMAGE && c.noisySkip() && source != null
                ? hidden.getManager().create(1f - t) : null;
        return predictClean(hidden, kind, source, xt, keep);
    }

    /** The noisy skip's per-token share, (.., D) to (.., 1). */
    private NDArray skipGate(NDArray hidden) {
        return Linear.linear(hidden, w.get("image_out_skip.weight"), w.get("image_out_skip.bias")).singletonOrThrow();
    }

    /** Output projection of one kind, (.., D) to (.., P). */
    public NDArray head(NDArray hidden, SegmentKind kind) {
        String p = kind == SegmentKind.IMAGE ? "image_out" : "mask_out";
        if (kind == SegmentKind.TEXT) {
            throw new IllegalArgumentException("text segments are never generated");
        }
        return Linear.linear(hidden, w.get(p + ".weight"), w.get(p + ".bias")).singletonOrThrow();
    }

    // ---------------------------------------------------------------- internals

    private NDArray sourceProjection(NDArray source) {
        return Linear.linear(source, w.get("source_in.weight"), w.get("source_in.bias")).singletonOrThrow();
    }

    private NDArray maskSourceProjection(NDArray under) {
        return Linear.linear(under, w.get("mask_source_in.weight"), w.get("mask_source_in.bias")).singletonOrThrow();
    }

    private NDArray inputProjection(NDArray values, SegmentKind kind) {
        String p = kind == SegmentKind.IMAGE ? "image_in" : "mask_in";
        return Linear.linear(values, w.get(p + ".weight"), w.get(p + ".bias")).singletonOrThrow();
    }

    /** Token embeddings (B, T, D): text lookup, per-kind projections, plus the role embedding. */
    NDArray embed(NDManager m, TokenBatch b) {
        int n = b.batch * b.length;
        int kinds = (b.hasText ? 1 : 0) + (b.hasImage ? 1 : 0) + (b.hasMask ? 1 : 0);
        NDArray x = rows(w.get("role_embed.weight"), m.create(toLong(b.role))); // (N, D)
        if (b.hasText) {
            NDArray e = rows(w.get("text_embed.weight"), m.create(toLong(b.textId))); // (N, D)
            x = x.add(kinds > 1 ? e.mul(indicator(m, b, k -> k == SegmentKind.TEXT.ordinal())) : e);
        }
        if (b.hasImage) {
            NDArray v = m.create(b.image, new Shape(n, c.imagePatchDim())); // (N, Pi)
            NDArray e = inputProjection(v, SegmentKind.IMAGE); // (N, D)
            x = x.add(kinds > 1 ? e.mul(indicator(m, b, k -> k == SegmentKind.IMAGE.ordinal())) : e);
        }
        if (b.hasMask) {
            NDArray v = m.create(b.mask, new Shape(n, c.maskPatchDim())); // (N, Pm)
            NDArray e = inputProjection(v, SegmentKind.CURRENT_MASK); // (N, D)
            x = x.add(kinds > 1 ? e.mul(indicator(m, b, k -> k >= SegmentKind.CURRENT_MASK.ordinal())) : e);
        }
        if (b.sourceCount > 0) {
            NDArray v = m.create(b.sourceRows, new Shape(b.sourceCount, c.imagePatchDim())); // (K, Pi)
            x = x.add(spread(m, sourceProjection(v), b.sourceRow)); // (N, D)
        }
        if (b.maskSourceCount > 0) {
            NDArray v = m.create(b.maskSourceRows, new Shape(b.maskSourceCount, c.maskSourceDim())); // (K, Pms)
            x = x.add(spread(m, maskSourceProjection(v), b.maskSourceRow)); // (N, D)
        }
        if (b.pooledTexts.size() > 1) {
            int u = b.pooledTexts.size() - 1;
            float[] pick = new float[n * u]; // (N, U): token -> its instruction; all zero for "none"
            for (int i = 0; i < n; i++) {
                if (b.pooledIndex[i] > 0) {
                    pick[i * u + b.pooledIndex[i] - 1] = 1f;
                }
            }
            NDArray pooled = projectWords(pooledWords(m, b.pooledTexts.subList(1, u + 1)), "text_pool"); // (U, D)
            x = x.add(m.create(pick, new Shape(n, u)).matMul(pooled));
        }
        return x.reshape(b.batch, b.length, c.width());
    }

    /**
     * Rows of {@code projected} (K, D) placed at the tokens that own them: (N, D), token i taking row
     * {@code row[i] - 1} and zeros where {@code row[i] == 0}. Only the K tokens with a source are
     * projected (a dense projection of all N tokens cost ~9 GFLOP per base training step).
     */
    private NDArray spread(NDManager m, NDArray projected, int[] row) {
        NDArray table = m.zeros(new Shape(1, c.width())).concat(projected, 0); // (K + 1, D)
        return rows(table, m.create(toLong(row))); // (N, D)
    }

    /**
     * Pooled instructions ({@link #pooledWords}, (U, D)) through one of the instruction's projections: {@code text_pool}, added
     * to the noisy tokens' input (ModelConfig.pooledText), or {@code text_mod}, added to their timestep
     * embedding before the adaLN's SiLU (ModelConfig.textModulation).
     */
    private NDArray projectWords(NDArray words, String projection) {
        return Linear.linear(words, w.get(projection + ".weight"), w.get(projection + ".bias")).singletonOrThrow();
    }

    /**
     * The pooled instruction of each, (U, D): under {@code wordPooling} the mean embedding of its words
     * (padding left out), layer-normalised; otherwise the plain mean over all {@code textLength} positions.
     */
    public NDArray pooledWords(NDManager m, List<int[]> instructions) {
        int l = c.textLength();
        long[] ids = new long[instructions.size() * l];
        for (int i = 0; i < instructions.size(); i++) {
            for (int j = 0; j < l; j++) {
                ids[i * l + j] = instructions.get(i)[j];
            }
        }
        NDArray e = rows(w.get("text_embed.weight"), m.create(ids)) // (U*L, D)
                .reshape(instructions.size(), l, c.width());
        if (!c.wordPooling()) {
            return e.mean(new int[] {1}); // (U, D)
        }
        float[] keep = new float[ids.length];
        float[] count = new float[instructions.size()];
        for (int i = 0; i < ids.length; i++) {
            keep[i] = ids[i] == studio.vincie.model.text.Tokenizer.PAD ? 0f : 1f;
            count[i / l] += keep[i];
        }
        for (int i = 0; i < count.length; i++) {
            count[i] = 1f / Math.max(1f, count[i]);
        }
        NDArray mean = e.mul(m.create(keep, new Shape(instructions.size(), l, 1))).sum(new int[] {1})
                .mul(m.create(count, new Shape(instructions.size(), 1))); // (U, D)
        return LayerNorm.layerNorm(mean, new Shape(c.width()), ones, zeros, 1e-6f).singletonOrThrow();
    }

    private static NDArray indicator(NDManager m, TokenBatch b, java.util.function.IntPredicate role) {
        float[] v = new float[b.role.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = role.test(b.role[i]) ? 1f : 0f;
        }
        return m.create(v, new Shape(v.length, 1));
    }

    /** Rows {@code idx} of a 2-D table: (N, F); differentiable (torch.gather). */
    static NDArray rows(NDArray table, NDArray idx) {
        long f = table.getShape().get(1);
        long n = idx.getShape().get(0);
        NDArray out = table.gather(idx.reshape(n, 1).repeat(1, f), 0);
        out.attach(idx.getManager()); // the result would otherwise belong to the weights' manager and leak
        return out;
    }

    static long[] toLong(int[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static NDArray oneHot(NDManager m, int[] index, int classes) {
        float[] v = new float[index.length * classes];
        for (int i = 0; i < index.length; i++) {
            v[i * classes + index[i]] = 1f;
        }
        return m.create(v, new Shape(index.length, classes));
    }

    /** SiLU of the timestep embedding MLP, (U, D): the input of every adaLN. */
    private NDArray timestepCondition(NDManager m, float[] ts) {
        return silu(timestepEmbedding(m, ts));
    }

    /** The timestep embedding MLP's output before the SiLU, (U, D). */
    private NDArray timestepEmbedding(NDManager m, float[] ts) {
        int half = c.timestepDim() / 2;
        float[] f = new float[ts.length * c.timestepDim()];
        for (int u = 0; u < ts.length; u++) {
            for (int i = 0; i < half; i++) {
                double freq = Math.exp(-Math.log(10000.0) * i / half);
                double arg = ts[u] * 1000.0 * freq; // DiT's timesteps run 0..1000
                f[u * c.timestepDim() + i] = (float) Math.cos(arg);
                f[u * c.timestepDim() + half + i] = (float) Math.sin(arg);
            }
        }
        NDArray freq = m.create(f, new Shape(ts.length, c.timestepDim())); // (U, F)
        NDArray h = Linear.linear(freq, w.get("t_embed.mlp.0.weight"), w.get("t_embed.mlp.0.bias")).singletonOrThrow();
        return Linear.linear(silu(h), w.get("t_embed.mlp.2.weight"), w.get("t_embed.mlp.2.bias"))
                .singletonOrThrow(); // (U, D)
    }

    private static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /**
     * Per-token modulation: (1, 1, kD) for one condition, (B, 1, kD) for one per batch row (the sampler's
     * guidance branches under textModulation), else (B, T, kD) through the one-hot.
     */
    private static NDArray perToken(NDArray table, NDArray onehot, long batch, long length) {
        if (onehot == null) {
            return table.reshape(table.getShape().get(0), 1, table.getShape().get(1));
        }
        return onehot.matMul(table).reshape(batch, length, table.getShape().get(1));
    }

    /** Where the K/V of the tokens being run go. */
    private enum Store { NONE, COMMITTED, BRANCH }

    private NDArray run(NDManager m, NDArray x, NDArray cos, NDArray sin, NDArray mask, NDArray cond,
                        NDArray onehot, KvCache cache, Store storeTo, boolean scoped) {
        boolean store = storeTo != Store.NONE;
        boolean toBranch = storeTo == Store.BRANCH;
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        for (int i = 0; i < c.depth(); i++) {
            if (!scoped) {
                x = block(i, x, cos, sin, mask, cond, onehot, cache, store, toBranch, batch, length, false);
                continue;
            }
            try (NDManager layer = m.newSubManager()) {
                x.attach(layer);
                for (NDArray shared : new NDArray[] {cos, sin, mask, cond, onehot}) {
                    if (shared != null) {
                        shared.tempAttach(layer);
                    }
                }
                x = block(i, x, cos, sin, mask, cond, onehot, cache, store, toBranch, batch, length, true);
                x.attach(m);
            }
        }
        NDArray mod = perToken(Linear.linear(cond, w.get("final.adaLN.weight"), w.get("final.adaLN.bias"))
                .singletonOrThrow(), onehot, batch, length); // (B|1, T|1, 2D)
        NDList sm = mod.split(2, 2);
        return modulate(norm(x), sm.get(0), sm.get(1)); // (B, T, D)
    }

    /**
     * Softmax over the last axis of (B, H, T, K) scores, written out: DJL's {@code softmax} measured
     * ~7x slower on CPU at these sizes (3.7 ms vs 0.5 ms for 2x4x64x656 on one thread).
     */
    private static NDArray softmax(NDArray scores, boolean inPlace) {
        if (inPlace) {
            // Inference only (autograd forbids in-place on saved tensors): fewer large allocations,
            // which on CPU cost page faults as glibc returns freed blocks to the OS.
            NDArray e = scores.subi(scores.max(new int[] {3}, true)).exp();
            return e.divi(e.sum(new int[] {3}, true));
        }
        // Training: subtracting in place is allowed (the producer of scores, matmul or add, does not
        // save its output for backward); the max is detached, which softmax's shift invariance permits.
        NDArray e = scores.subi(scores.stopGradient().max(new int[] {3}, true)).exp();
        return e.div(e.sum(new int[] {3}, true));
    }

    private NDArray norm(NDArray x) {
        return LayerNorm.layerNorm(x, new Shape(c.width()), ones, zeros, 1e-6f).singletonOrThrow();
    }

    private static NDArray modulate(NDArray x, NDArray shift, NDArray scale) {
        return x.mul(scale.add(1f)).add(shift);
    }

    private NDArray block(int i, NDArray x, NDArray cos, NDArray sin, NDArray mask, NDArray cond, NDArray onehot,
                          KvCache cache, boolean store, boolean toBranch, long batch, long length,
                          boolean inPlace) {
        String p = "blocks." + i + ".";
        int d = c.width();
        int heads = c.heads();
        int e = c.headSize();
        NDArray mod = perToken(Linear.linear(cond, w.get(p + "adaLN.weight"), w.get(p + "adaLN.bias"))
                .singletonOrThrow(), onehot, batch, length); // (B|1, T|1, 6D)
        NDList ms = mod.split(6, 2); // shift1, scale1, gate1, shift2, scale2, gate2

        NDArray h = modulate(norm(x), ms.get(0), ms.get(1)); // (B, T, D)
        NDArray qkv = Linear.linear(h, w.get(p + "attn.qkv.weight"), w.get(p + "attn.qkv.bias"))
                .singletonOrThrow() // (B, T, 3D)
                .reshape(batch, length, 3, heads, e).transpose(2, 0, 3, 1, 4); // (3, B, H, T, E)
        NDArray q = Scalars.times(Rope.apply(qkv.get(0), cos, sin), (float) (1.0 / Math.sqrt(e))); // (B, H, T, E)
        NDArray k = Rope.apply(qkv.get(1), cos, sin); // (B, H, T, E)
        NDArray v = qkv.get(2); // (B, H, T, E)
        NDArray kT = k.transpose(0, 1, 3, 2); // (B, H, E, T)
        NDArray self = q.matMul(kT); // (B, H, T, T)
        if (mask != null) {
            self = self.addi(mask); // in place: matmul does not keep its output for backward
        }
        NDArray[] ctx = cache == null ? null : cache.context(i); // {K^T (b, H, E, P), V (b, H, P, E)}
        NDArray att;
        if (ctx == null) {
            att = softmax(self, inPlace).matMul(v); // (B, H, T, E)
        } else {
            NDArray cs = q.matMul(ctx[0]); // (B, H, T, P)
            long cached = cs.getShape().get(3);
            NDList probs = softmax(NDArrays.concat(new NDList(cs, self), 3), true).split(new long[] {cached}, 3);
            att = probs.get(0).matMul(ctx[1]).add(probs.get(1).matMul(v)); // (B, H, T, E)
        }
        if (store) {
            cache.put(i, kT, v, toBranch);
        }
        NDArray o = att.transpose(0, 2, 1, 3).reshape(batch, length, d); // (B, T, D)
        o = Linear.linear(o, w.get(p + "attn.proj.weight"), w.get(p + "attn.proj.bias")).singletonOrThrow();
        x = x.add(ms.get(2).mul(o));

        NDArray h2 = modulate(norm(x), ms.get(3), ms.get(4));
        NDArray f = Linear.linear(h2, w.get(p + "mlp.fc1.weight"), w.get(p + "mlp.fc1.bias")).singletonOrThrow();
        f = Linear.linear(Activation.gelu(f), w.get(p + "mlp.fc2.weight"), w.get(p + "mlp.fc2.bias"))
                .singletonOrThrow(); // (B, T, D)
        return x.add(ms.get(5).mul(f));
    }

}
