package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import studio.vincie.model.codec.PatchCodec;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.DitWeights;
import studio.vincie.model.nn.Segment;
import studio.vincie.model.sampling.FlowSampler;
import studio.vincie.model.sampling.TurnGenerator;
import studio.vincie.model.sampling.TurnInput;
import studio.vincie.model.sampling.TurnOutput;
import studio.vincie.model.text.Tokenizer;

/** Invariants 3 (cached = full recomputation over a 3-turn edit) and 6 (seeds) of issue 3. */
class CachedSamplingTest {

    @org.junit.jupiter.api.BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    private ModelConfig config = TinyFixtures.config();
    private final Tokenizer tokenizer = TinyFixtures.tokenizer();
    private final PatchCodec codec = TinyFixtures.codec(config);

    /** Runs 3 turns, feeding each result back as context; returns every generated array in order. */
    private List<float[]> threeTurns(TurnGenerator gen, boolean cached, long seed) {
        List<Segment> context = new ArrayList<>();
        context.add(new Segment(studio.vincie.model.nn.SegmentKind.IMAGE, 0, null,
                codec.encodeImage(TinyFixtures.noiseImage(config.imageSize(), 1))));
        List<float[]> out = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            int[] ids = tokenizer.encode(TinyFixtures.CAPTIONS.get(k));
            float[] userMask = k == 2 ? codec.encodeMask(TinyFixtures.blockMask(config.imageSize(), 4)) : null;
            boolean predict = k != 1; // turn 2: user Ck + predicted Nk; turn 3: predicted Ck and Nk
            TurnOutput o = gen.generate(new TurnInput(context, k, ids, userMask, predict, seed + k, 3, 2.5f),
                    cached, FlowSampler.StepListener.NONE);
            out.add(o.image());
            context.add(Segment.text(k, ids));
            float[] cur = userMask != null ? userMask : o.currentMask();
            if (cur != null) {
                context.add(Segment.currentMask(k, cur));
                out.add(cur);
            }
            if (o.nextMask() != null) {
                context.add(Segment.nextMask(k, o.nextMask()));
                out.add(o.nextMask());
            }
            // the session stores 8-bit images: feed back what the codec round trip gives
            context.add(Segment.image(k, codec.encodeImage(codec.decodeImage(o.image()))));
        }
        return out;
    }

    @Test
    void cachedSamplingEqualsFullRecomputationOverThreeTurns() {
        try (NDManager m = NDManager.newBaseManager()) {
            BlockCausalDiT model = new BlockCausalDiT(DitWeights.init(m, config, 31, false));
            try (TurnGenerator cached = new TurnGenerator(model, codec, tokenizer.nullInstruction(), m);
                 TurnGenerator full = new TurnGenerator(model, codec, tokenizer.nullInstruction(), m)) {
                List<float[]> a = threeTurns(cached, true, 100);
                List<float[]> b = threeTurns(full, false, 100);
                assertThat(a).hasSameSizeAs(b).hasSize(3 + 1 + 1 + 2);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(BlockCausalDiTTest.relativeError(a.get(i), b.get(i))).as("generated array %d", i)
                            .isLessThan(1e-4);
                }
                // the cache kept the whole session except the last image (appended on the next turn)
                int g = config.gridTokens();
                int mk = config.maskTokens();
                int l = config.textLength();
                // I0, T1, I1, T2, C2, N2, I2, T3, C3, N3 (I3 is appended by the next turn)
                assertThat(cached.cachedTokens()).isEqualTo(3 * g + 3 * l + 4 * mk);
                assertThat(full.cachedTokens()).isZero();
            }
        }
    }

    @Test
    void aPartialStartIsExactWithTheCacheAndStartsFromTheSource() {
        config = config.withSamplerStart(0.6f);
        try (NDManager m = NDManager.newBaseManager()) {
            BlockCausalDiT model = new BlockCausalDiT(DitWeights.init(m, config, 35, false));
            try (TurnGenerator cached = new TurnGenerator(model, codec, tokenizer.nullInstruction(), m);
                 TurnGenerator full = new TurnGenerator(model, codec, tokenizer.nullInstruction(), m)) {
                List<float[]> a = threeTurns(cached, true, 300);
                List<float[]> b = threeTurns(full, false, 300);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(BlockCausalDiTTest.relativeError(a.get(i), b.get(i))).as("array %d", i).isLessThan(1e-4);
                }
            }
            // a zero-initialised model predicts x0 = source at every step, so any start ends on the source
            BlockCausalDiT fresh = new BlockCausalDiT(DitWeights.init(m, config, 36, true));
            try (TurnGenerator gen = new TurnGenerator(fresh, codec, tokenizer.nullInstruction(), m)) {
                float[] source = codec.encodeImage(TinyFixtures.noiseImage(config.imageSize(), 7));
                TurnOutput o = gen.generate(new TurnInput(List.of(Segment.image(0, source)), 1,
                        tokenizer.encode("remove the circle"), null, false, 5, 4, 2f), true, FlowSampler.StepListener.NONE);
                assertThat(BlockCausalDiTTest.relativeError(o.image(), source)).isLessThan(1e-5);
            }
        }
    }

    @Test
    void branchingFromAnEarlierTurnReusesThePrefixAndStaysExact() {
        try (NDManager m = NDManager.newBaseManager()) {
            BlockCausalDiT model = new BlockCausalDiT(DitWeights.init(m, config, 33, false));
            try (TurnGenerator cached = new TurnGenerator(model, codec, tokenizer.nullInstruction(), m);
                 TurnGenerator full = new TurnGenerator(model, codec, tokenizer.nullInstruction(), m)) {
                threeTurns(cached, true, 200); // the cache now holds a 3-turn branch
                // go back to turn 2 of that session and edit with another instruction and seed
                List<Segment> context = new ArrayList<>();
                context.add(new Segment(studio.vincie.model.nn.SegmentKind.IMAGE, 0, null,
                        codec.encodeImage(TinyFixtures.noiseImage(config.imageSize(), 1))));
                TurnOutput first = full.generate(new TurnInput(context, 1, tokenizer.encode(TinyFixtures.CAPTIONS.get(1)),
                        null, false, 201, 3, 2.5f), false, FlowSampler.StepListener.NONE);
                context.add(Segment.text(1, tokenizer.encode(TinyFixtures.CAPTIONS.get(1))));
                context.add(Segment.image(1, codec.encodeImage(codec.decodeImage(first.image()))));
                TurnInput branch = new TurnInput(context, 2, tokenizer.encode("remove the circle"), null, true, 77, 3, 2.5f);
                TurnOutput a = cached.generate(branch, true, FlowSampler.StepListener.NONE);
                TurnOutput b = full.generate(branch, false, FlowSampler.StepListener.NONE);
                assertThat(BlockCausalDiTTest.relativeError(a.image(), b.image())).isLessThan(1e-4);
                assertThat(BlockCausalDiTTest.relativeError(a.nextMask(), b.nextMask())).isLessThan(1e-4);
                // the branch kept I0, T1, I1 and added T2, C2, N2
                assertThat(cached.cachedTokens()).isEqualTo(2 * config.gridTokens() + 2 * config.textLength()
                        + 2 * config.maskTokens());
            }
        }
    }

    @Test
    void sameSeedSameOutputOtherSeedOtherOutput() {
        try (NDManager m = NDManager.newBaseManager()) {
            BlockCausalDiT model = new BlockCausalDiT(DitWeights.init(m, config, 32, false));
            try (TurnGenerator gen = new TurnGenerator(model, codec, tokenizer.nullInstruction(), m)) {
                List<float[]> a = threeTurns(gen, true, 5);
                List<float[]> b = threeTurns(gen, true, 5);
                List<float[]> c = threeTurns(gen, true, 6);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).as("same seed, array %d", i).containsExactly(a.get(i));
                }
                assertThat(BlockCausalDiTTest.relativeError(c.get(0), a.get(0))).as("other seed").isGreaterThan(1e-2);
            }
        }
    }
}
