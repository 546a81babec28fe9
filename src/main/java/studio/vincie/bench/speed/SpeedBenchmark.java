package studio.vincie.bench.speed;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.JsonUtils;
import studio.vincie.model.DitEditModel;
import studio.vincie.model.InferenceThreads;
import studio.vincie.model.ModelConfig;
import studio.vincie.model.codec.PatchCodec;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.DitWeights;
import studio.vincie.model.nn.Segment;
import studio.vincie.model.nn.SegmentKind;
import studio.vincie.model.sampling.TurnGenerator;
import studio.vincie.model.sampling.TurnInput;
import studio.vincie.model.sampling.TurnOutput;

/**
 * The speed benchmark of issue 3 (design.md section 5): a synthetic session of {@code turns} turns with
 * a user mask {@code Ck} and a next mask {@code Nk} on every turn, edited turn by turn (1) with the KV
 * cache kept across turns, as the editor does, and (2) by full recomputation at every step, as the
 * released VINCIE code does. Weights are random with the preset's shapes: speed does not depend on
 * their values. Reports per-turn latency, ms per cached step, achieved GFLOP/s against a large matmul
 * measured in the same run, and peak RSS.
 */
public final class SpeedBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SpeedBenchmark.class);
    private static final int VOCAB = 512;

    /** Settings; {@code steps}/{@code guidance} of 0/NaN take the preset's defaults. */
    public record Options(String config, int turns, int steps, float guidance, long seed, String device,
                          boolean uncached, int threads, int repeats) {
        public Options {
            if (repeats < 1) {
                throw new IllegalArgumentException("--repeats must be at least 1, was " + repeats);
            }
            if (turns < 1 || turns > 20) {
                throw new IllegalArgumentException("--turns must be between 1 and 20, was " + turns);
            }
        }
    }

    private SpeedBenchmark() {
    }

    public static SpeedResult run(Options o) {
        if (o.threads() > 0) {
            InferenceThreads.setIntraOpThreads(o.threads());
        }
        InferenceThreads.prepare();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ModelConfig c = ModelConfig.preset(o.config(), VOCAB);
        int steps = o.steps() > 0 ? o.steps() : c.defaultSteps();
        float guidance = Float.isNaN(o.guidance()) ? c.defaultGuidance() : o.guidance();
        try (NDManager m = NDManager.newBaseManager(DitEditModel.parseDevice(o.device()))) {
            double matmul = matmulGflops(m);
            DitWeights w = DitWeights.init(m, c, o.seed(), false);
            BlockCausalDiT model = new BlockCausalDiT(w);
            PatchCodec codec = PatchCodec.of(c);
            Session s = Session.synthetic(c, codec, o.turns(), o.seed());
            try (TurnGenerator warm = new TurnGenerator(model, codec, nullInstruction(c), m)) {
                warm.generate(s.input(1, steps, guidance), true, (d, t) -> { });
            }
            double[] cachedMs = new double[o.turns() + 1];
            double[] perStep = new double[o.turns() + 1];
            int[] context = new int[o.turns() + 1];
            double flops = 0;
            double cachedTotalMs = 0;
            // Cached edits first, as the editor runs them (cache kept across turns); peak RSS is read
            // before the uncached baseline so it is the peak of the product path.
            try (TurnGenerator cached = new TurnGenerator(model, codec, nullInstruction(c), m)) {
                for (int k = 1; k <= o.turns(); k++) {
                    // Repeating turn k redoes the same work: the cache keeps the context prefix and drops
                    // the committed Tk/Ck of the previous repeat. The median damps load from other processes.
                    double[] ms = new double[o.repeats()];
                    double[] step = new double[o.repeats()];
                    for (int r = 0; r < o.repeats(); r++) {
                        long[] stepEnds = new long[steps + 1];
                        long t0 = System.nanoTime();
                        TurnOutput out = cached.generate(s.input(k, steps, guidance), true,
                                (d, t) -> stepEnds[d] = System.nanoTime());
                        ms[r] = (System.nanoTime() - t0) / 1e6;
                        step[r] = steps > 1 ? (stepEnds[steps] - stepEnds[1]) / 1e6 / (steps - 1) : ms[r];
                        context[k] = out.contextTokens();
                        flops += out.flops();
                        cachedTotalMs += ms[r];
                    }
                    cachedMs[k] = median(ms);
                    perStep[k] = median(step);
                    LOG.info("turn {}: {} context tokens, cached {} ms", k, context[k], Math.round(cachedMs[k]));
                }
            }
            double peak = peakRssMb();
            List<SpeedResult.Turn> rows = new ArrayList<>();
            try (TurnGenerator full = new TurnGenerator(model, codec, nullInstruction(c), m)) {
                for (int k = 1; k <= o.turns(); k++) {
                    double uncachedMs = Double.NaN;
                    if (o.uncached()) {
                        long t1 = System.nanoTime();
                        full.generate(s.input(k, steps, guidance), false, (d, t) -> { });
                        uncachedMs = (System.nanoTime() - t1) / 1e6;
                        LOG.info("turn {}: uncached {} ms", k, Math.round(uncachedMs));
                    }
                    rows.add(new SpeedResult.Turn(k, context[k], cachedMs[k], uncachedMs, perStep[k]));
                }
            }
            double achieved = flops / (cachedTotalMs / 1e3) / 1e9;
            return new SpeedResult(rows, steps, guidance, matmul, achieved, peak, peakRssMb(), c.name(),
                    m.getDevice().toString(), w.parameterCount(), load, InferenceThreads.intraOpThreads());
        }
    }

    private static int[] nullInstruction(ModelConfig c) {
        int[] ids = new int[c.textLength()];
        ids[0] = 2; // Tokenizer.NULL
        return ids;
    }

    /**
     * GFLOP/s of a 1024^3 float32 matmul on this engine: the median of 9 timings after a warm-up. The
     * median, not the best, because the cores are shared: it reflects the same load the model sees.
     */
    static double matmulGflops(NDManager m) {
        int n = 1024;
        try (NDManager sub = m.newSubManager()) {
            NDArray a = sub.randomNormal(new Shape(n, n));
            NDArray b = sub.randomNormal(new Shape(n, n));
            a.matMul(b).close();
            double[] secs = new double[9];
            for (int i = 0; i < secs.length; i++) {
                long t0 = System.nanoTime();
                NDArray p = a.matMul(b);
                p.getFloat(0, 0); // forces completion on asynchronous devices
                secs[i] = (System.nanoTime() - t0) / 1e9;
                p.close();
            }
            java.util.Arrays.sort(secs);
            return 2.0 * n * n * n / secs[secs.length / 2] / 1e9;
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    /** Peak resident set size (VmHWM) in MB, or NaN when /proc is not there. */
    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("no /proc/self/status", e);
        }
        return Double.NaN;
    }

    /** The JSON of issue 3: per turn and once-only keys, nothing else. */
    public static JsonObject toJson(SpeedResult r) {
        JsonObject root = new JsonObject();
        JsonArray turns = new JsonArray();
        for (SpeedResult.Turn t : r.turns()) {
            JsonObject o = new JsonObject();
            o.addProperty("turn", t.turn());
            o.addProperty("context_tokens", t.contextTokens());
            o.addProperty("cached_ms_per_turn", round(t.cachedMs()));
            if (Double.isNaN(t.uncachedMs())) {
                o.add("uncached_ms_per_turn", com.google.gson.JsonNull.INSTANCE);
            } else {
                o.addProperty("uncached_ms_per_turn", round(t.uncachedMs()));
            }
            o.addProperty("ms_per_step", round(t.msPerStep()));
            turns.add(o);
        }
        root.add("turns", turns);
        root.addProperty("steps", r.steps());
        root.addProperty("guidance", r.guidance());
        root.addProperty("matmul_gflops", round(r.matmulGflops()));
        root.addProperty("achieved_gflops", round(r.achievedGflops()));
        root.addProperty("peak_rss_mb", round(r.peakRssMb()));
        return root;
    }

    public static void writeJson(SpeedResult r, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JsonUtils.GSON_PRETTY.toJson(toJson(r)) + "\n", StandardCharsets.UTF_8);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A synthetic session: noise images, block masks, fixed instruction tokens. */
    private record Session(ModelConfig c, List<Segment> images, List<Segment> texts, List<Segment> cur,
                           List<Segment> next) {

        static Session synthetic(ModelConfig c, PatchCodec codec, int turns, long seed) {
            Random rng = new Random(seed);
            List<Segment> images = new ArrayList<>();
            List<Segment> texts = new ArrayList<>();
            List<Segment> cur = new ArrayList<>();
            List<Segment> next = new ArrayList<>();
            images.add(new Segment(SegmentKind.IMAGE, 0, null, noise(rng, c.gridTokens() * c.imagePatchDim())));
            for (int k = 1; k <= turns; k++) {
                int[] ids = new int[c.textLength()];
                for (int i = 0; i < 6; i++) {
                    ids[i] = 3 + rng.nextInt(VOCAB - 3);
                }
                texts.add(Segment.text(k, ids));
                cur.add(Segment.currentMask(k, codec.encodeMask(codec.decodeMask(noise(rng, c.maskTokens() * c.maskPatchDim())))));
                next.add(Segment.nextMask(k, codec.encodeMask(codec.decodeMask(noise(rng, c.maskTokens() * c.maskPatchDim())))));
                images.add(Segment.image(k, codec.encodeImage(codec.decodeImage(noise(rng, c.gridTokens() * c.imagePatchDim())))));
            }
            return new Session(c, images, texts, cur, next);
        }

        private static float[] noise(Random rng, int n) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) Math.max(-1, Math.min(1, rng.nextGaussian() * 0.5));
            }
            return v;
        }

        /** Turn k: context of the earlier turns (with both masks), the user's Ck, generate Ik only. */
        TurnInput input(int k, int steps, float guidance) {
            List<Segment> context = new ArrayList<>();
            context.add(images.get(0));
            for (int j = 1; j < k; j++) {
                context.add(texts.get(j - 1));
                context.add(cur.get(j - 1));
                context.add(next.get(j - 1));
                context.add(images.get(j));
            }
            return new TurnInput(context, k, texts.get(k - 1).tokenIds(), cur.get(k - 1).values(), false,
                    1000 + k, steps, guidance);
        }
    }
}
