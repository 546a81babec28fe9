package studio.vincie.model.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import studio.vincie.model.ModelConfig;
import studio.vincie.model.codec.ImageCodec;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.KvCache;
import studio.vincie.model.nn.Segment;
import studio.vincie.model.nn.SegmentKind;
import studio.vincie.model.nn.TokenBatch;

/**
 * Generates one turn of a session (design.md 3.6), either with the exact {@link KvCache} (default:
 * append only the segments the cache lacks, then each Euler step runs only the noisy target, cond and
 * uncond batched against the shared prefix) or by full recomputation (every step re-runs the whole
 * session with the block-causal mask, as the released VINCIE code does; the speed baseline and the
 * reference of the cache test). Segmentation-first: optionally generate {@code Ck} and {@code Nk},
 * commit them (rounded to 8 bits as the session will store them), then {@code Ik}.
 *
 * <p>Not thread-safe; one turn at a time. Noise is drawn on the host from {@code seed}.
 */
public final class TurnGenerator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TurnGenerator.class);

    private final BlockCausalDiT model;
    private final ModelConfig c;
    private final ImageCodec codec;
    private final int[] nullInstruction;
    private final NDManager manager;
    private final KvCache cache;
    private double flops;

    public TurnGenerator(BlockCausalDiT model, ImageCodec codec, int[] nullInstruction, NDManager parent) {
        this.model = model;
        this.c = model.config();
        this.codec = codec;
        this.nullInstruction = nullInstruction.clone();
        this.manager = parent.newSubManager();
        this.cache = new KvCache(manager, c.depth());
    }

    /** Committed tokens currently in the cache (for tests and the benchmark). */
    public int cachedTokens() {
        return cache.committedTokens();
    }

    public TurnOutput generate(TurnInput in, boolean useCache, FlowSampler.StepListener listener) {
        flops = 0;
        boolean guided = in.guidance() != 1f;
        Segment text = Segment.text(in.turn(), in.instruction());
        List<Segment> textRows = guided ? List.of(text, Segment.text(in.turn(), nullInstruction)) : List.of(text);
        int targets = (in.masksOnly() ? 0 : 1) + (in.predictMasks() ? (in.userMask() == null ? 2 : 1) : 0);
        Progress progress = new Progress(listener, targets * in.steps());
        Random rng = new Random(in.seed());
        try (NDManager turn = manager.newSubManager()) {
            List<List<Segment>> suffix = new ArrayList<>(); // per segment after the context: one per row
            if (useCache) {
                syncPrefix(turn, in.context());
                appendBranch(turn, textRows);
            }
            suffix.add(textRows);
            float[] cur = null;
            float[] next = null;
            if (in.userMask() != null) {
                Segment cm = Segment.currentMask(in.turn(), in.userMask());
                addCommitted(turn, useCache, suffix, cm, textRows.size());
            } else if (in.predictMasks()) {
                cur = codec.encodeMask(codec.decodeMask(
                        sample(turn, in, suffix, SegmentKind.CURRENT_MASK, 4 * in.turn() - 2, useCache, rng, progress)));
                addCommitted(turn, useCache, suffix, Segment.currentMask(in.turn(), cur), textRows.size());
            }
            if (in.predictMasks()) {
                next = codec.encodeMask(codec.decodeMask(
                        sample(turn, in, suffix, SegmentKind.NEXT_MASK, 4 * in.turn() - 1, useCache, rng, progress)));
                addCommitted(turn, useCache, suffix, Segment.nextMask(in.turn(), next), textRows.size());
            }
            int context = tokens(in.context()) + suffix.stream().mapToInt(r -> r.get(0).tokenCount(c)).sum();
            if (in.masksOnly()) {
                if (useCache) {
                    cache.dropBranch(); // the user may still change the masks: nothing of this turn is final
                }
                return new TurnOutput(null, cur, next, flops, context);
            }
            float[] image = sample(turn, in, suffix, SegmentKind.IMAGE, 4 * in.turn(), useCache, rng, progress);
            if (useCache) {
                cache.commitBranch(0); // keep the conditioned branch: it is the session's real history
            }
            return new TurnOutput(image, cur, next, flops, context);
        } catch (RuntimeException e) {
            cache.dropBranch();
            throw e;
        }
    }

    private int tokens(List<Segment> segs) {
        return segs.stream().mapToInt(s -> s.tokenCount(c)).sum();
    }

    /** Reuses the longest cached prefix whose keys match, appends the rest (batch 1). */
    private void syncPrefix(NDManager m, List<Segment> context) {
        List<String> have = cache.keys();
        List<String> want = context.stream().map(KeyedSegment::keyOf).toList();
        int common = 0;
        while (common < have.size() && common < want.size() && have.get(common).equals(want.get(common))) {
            common++;
        }
        cache.truncate(common);
        for (int i = common; i < context.size(); i++) {
            Segment s = context.get(i);
            int before = cache.committedTokens();
            model.append(m, cache, List.of(s), want.get(i), false);
            flops += BlockCausalDiT.flops(c, s.tokenCount(c), before + s.tokenCount(c));
        }
        LOG.debug("cache reused {} of {} context segments", common, context.size());
    }

    private void appendBranch(NDManager m, List<Segment> rows) {
        int t = rows.get(0).tokenCount(c);
        flops += BlockCausalDiT.flops(c, (long) rows.size() * t,
                cache.committedTokens() + cache.branchTokens() + t);
        model.append(m, cache, rows, KeyedSegment.keyOf(rows.get(0)), true);
    }

    private void addCommitted(NDManager m, boolean useCache, List<List<Segment>> suffix, Segment s, int rows) {
        List<Segment> r = rows == 2 ? List.of(s, s) : List.of(s);
        if (useCache) {
            appendBranch(m, r);
        }
        suffix.add(r);
    }

    private float[] sample(NDManager m, TurnInput in, List<List<Segment>> suffix, SegmentKind kind, int index,
                           boolean useCache, Random rng, Progress progress) {
        int p = c.patchDim(kind);
        int g = c.tokens(kind);
        float[] noise = new float[g * p];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rng.nextGaussian();
        }
        Segment template = new Segment(kind, index, null, new float[g * p]);
        float[] source = c.sourceConditioning() ? TokenBatch.sourceOf(in.context(), index) : null;
        int rows = suffix.get(0).size();
        int[][] instructions = c.pooledText() ? instructions(suffix.get(0)) : null;
        FlowSampler.Velocity both = useCache
                ? (x, t) -> {
                    flops += BlockCausalDiT.flops(c, (long) rows * g, cache.committedTokens() + cache.branchTokens() + g);
                    return model.velocity(x.getManager(), cache, template, x, t, source, instructions);
                }
                : (x, t) -> fullVelocity(x, t, in.context(), suffix, template, source, instructions);
        FlowSampler.Velocity v = rows == 2 ? FlowSampler.guided(both, in.guidance()) : both;
        try (NDManager target = m.newSubManager()) {
            float[] ts = FlowSampler.schedule(in.steps(), c.scheduleShift());
            float t0 = c.samplerStart();
            if (t0 < 1f && kind == SegmentKind.IMAGE && source != null) {
                // SDEdit start: the source noised to t0, then the schedule scaled to run from t0 to 0
                for (int i = 0; i < ts.length; i++) {
                    ts[i] *= t0;
                }
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (1 - t0) * source[i] + t0 * noise[i];
                }
            }
            NDArray x1 = target.create(noise, new Shape(1, g, p)); // (1, G, P)
            NDArray x0 = FlowSampler.sample(x1, ts, v, progress);
            return x0.toFloatArray();
        }
    }

    /** Token ids of each row's instruction (the conditioned one, then the null one under guidance). */
    private static int[][] instructions(List<Segment> textRows) {
        int[][] out = new int[textRows.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = textRows.get(r).tokenIds();
        }
        return out;
    }

    /** Velocity by re-running the whole session with the mask: context + suffix rows + noisy target. */
    private NDArray fullVelocity(NDArray x, float t, List<Segment> context, List<List<Segment>> suffix,
                                 Segment template, float[] source, int[][] instructions) {
        int rows = (int) x.getShape().get(0);
        float[] xs = x.toFloatArray();
        int per = xs.length / rows;
        TokenBatch.Builder b = new TokenBatch.Builder(c);
        for (int r = 0; r < rows; r++) {
            b.newRow();
            context.forEach(b::addClean);
            for (List<Segment> seg : suffix) {
                b.addClean(seg.get(r));
            }
            float[] row = new float[per];
            System.arraycopy(xs, r * per, row, 0, per);
            b.addNoisy(template.withValues(row), t, 1, source, instructions == null ? null : instructions[r]);
        }
        TokenBatch batch = b.build();
        flops += BlockCausalDiT.flops(c, (long) rows * batch.length, batch.length);
        try (NDManager step = x.getManager().newSubManager()) {
            NDArray hidden = model.forward(step, batch, true); // (B, T, D)
            int g = c.tokens(template.kind());
            NDArray src = source == null || template.kind() != SegmentKind.IMAGE ? null
                    : step.create(source, new Shape(1, g, c.patchDim(template.kind()))); // (1, G, P)
            NDArray x0 = model.predictClean(hidden.get(":, " + (batch.length - g) + ":, :"), template.kind(), src, x,
                    t); // (B, G, P)
            NDArray out = BlockCausalDiT.toVelocity(x, x0, t); // (B, G, P)
            out.attach(x.getManager());
            return out;
        }
    }

    /** Forwards step counts over all targets of the turn to the caller's listener. */
    private static final class Progress implements FlowSampler.StepListener {
        private final FlowSampler.StepListener listener;
        private final int total;
        private int done;

        Progress(FlowSampler.StepListener listener, int total) {
            this.listener = listener;
            this.total = total;
        }

        @Override
        public void stepDone(int stepDone, int steps) {
            listener.stepDone(++done, total);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
