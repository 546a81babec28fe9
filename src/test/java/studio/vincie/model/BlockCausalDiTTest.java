package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.DitWeights;
import studio.vincie.model.nn.Segment;
import studio.vincie.model.nn.TokenBatch;
import studio.vincie.model.pack.FlowLosses;
import studio.vincie.model.pack.FlowObjective;
import studio.vincie.model.pack.PackOptions;
import studio.vincie.model.pack.PackedBatch;
import studio.vincie.model.pack.SessionExample;
import studio.vincie.model.pack.SessionPacker;

/** Invariants 1 (causality) and 2 (packed = unpacked) of issue 3, plus a gradient smoke check. */
class BlockCausalDiTTest {

    @org.junit.jupiter.api.BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    private final ModelConfig config = TinyFixtures.config();

    @Test
    void perturbingASegmentChangesNothingBeforeItAndSomethingAfter() {
        try (NDManager m = NDManager.newBaseManager()) {
            BlockCausalDiT model = new BlockCausalDiT(DitWeights.init(m, config, 11, false));
            SessionExample s = TinyFixtures.session(config, 2, 3);
            List<Segment> segs = List.of(s.images().get(0), s.instructions().get(0), s.currentMasks().get(0),
                    s.nextMasks().get(0), s.images().get(1), s.instructions().get(1), s.images().get(2));
            int j = 4; // perturb I1
            float[] changed = s.images().get(1).values().clone();
            changed[5] += 0.5f;
            List<Segment> perturbed = new ArrayList<>(segs);
            perturbed.set(j, segs.get(j).withValues(changed));
            float[] a = hidden(m, model, segs);
            float[] b = hidden(m, model, perturbed);
            int before = 0;
            for (int i = 0; i < j; i++) {
                before += segs.get(i).tokenCount(config);
            }
            for (int i = 0; i < before * config.width(); i++) {
                assertThat(b[i]).as("hidden value %d before the perturbed segment", i).isEqualTo(a[i]);
            }
            double after = 0;
            for (int i = before * config.width(); i < a.length; i++) {
                after += Math.abs(a[i] - b[i]);
            }
            assertThat(after).as("outputs at and after the perturbed segment must change").isGreaterThan(1e-3);
        }
    }

    private float[] hidden(NDManager m, BlockCausalDiT model, List<Segment> segs) {
        TokenBatch.Builder b = new TokenBatch.Builder(config).newRow();
        segs.forEach(b::addClean);
        return model.forward(m, b.build(), false).toFloatArray();
    }

    @Test
    void packedPassEqualsUnpackedPassForEveryNoisyCopy() {
        try (NDManager m = NDManager.newBaseManager()) {
            BlockCausalDiT model = new BlockCausalDiT(DitWeights.init(m, config, 12, false));
            SessionPacker packer = new SessionPacker(config, TinyFixtures.tokenizer(),
                    new PackOptions(0f, 0.5f, 0f, 0, true));
            PackedBatch packed = packer.pack(List.of(TinyFixtures.session(config, 3, 5),
                    TinyFixtures.session(config, 2, 6)), new Random(7));
            assertThat(packed.copies()).hasSize(3 * 3 + 2 * 3);
            NDArray hidden = model.forward(m, packed.tokens(), false)
                    .reshape(packed.tokens().batch * (long) packed.tokens().length, config.width());
            for (PackedBatch.NoisyCopy copy : packed.copies()) {
                float[] inPack = FlowObjective.predict(m, model, hidden, packed, List.of(copy)).toFloatArray();
                TokenBatch.Builder alone = new TokenBatch.Builder(config).newRow();
                for (Segment clean : packed.cleanRows().get(copy.row())) {
                    if (clean.index() < copy.noisy().index()) {
                        alone.addClean(clean);
                    }
                }
                int start = alone.addNoisy(copy.noisy(), copy.t(), 1);
                TokenBatch single = alone.build();
                NDArray h = model.forward(m, single, false).reshape(single.length, config.width());
                PackedBatch one = new PackedBatch(single, List.of(), List.of(
                        new PackedBatch.NoisyCopy(0, start, copy.noisy(), copy.t(), copy.target(), copy.task())));
                float[] unpacked = FlowObjective.predict(m, model, h, one, one.copies()).toFloatArray();
                assertThat(relativeError(inPack, unpacked)).as("copy of segment %d in row %d",
                        copy.noisy().index(), copy.row()).isLessThan(1e-5);
            }
        }
    }

    @Test
    void lossesGiveGradientsToEveryParameter() {
        try (NDManager m = NDManager.newBaseManager()) {
            DitWeights weights = DitWeights.init(m, config, 13, false);
            weights.attachGradients();
            BlockCausalDiT model = new BlockCausalDiT(weights);
            PackedBatch packed = new SessionPacker(config, TinyFixtures.tokenizer(), PackOptions.none())
                    .pack(List.of(TinyFixtures.session(config, 2, 8)), new Random(1));
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                FlowLosses losses = FlowObjective.losses(m, model, packed, 1f);
                assertThat(losses.nipCopies()).isEqualTo(2);
                assertThat(losses.cspCopies()).isEqualTo(2);
                float[] v = losses.values();
                assertThat(v[0]).isGreaterThan(0f).isEqualTo(v[1] + v[2] + v[3], org.assertj.core.data.Offset.offset(1e-4f));
                gc.backward(losses.total());
            }
            // Random (non-zero) init so every path carries signal: each parameter must receive a gradient.
            for (var e : weights.tensors().entrySet()) {
                assertThat(e.getValue().getGradient().abs().sum().getFloat()).as(e.getKey()).isGreaterThan(0f);
            }
            weights.zeroGradients();
            assertThat(weights.get("blocks.0.attn.qkv.weight").getGradient().abs().sum().getFloat()).isZero();
        }
    }

    static double relativeError(float[] a, float[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (double) (a[i] - b[i]);
            den += b[i] * (double) b[i];
        }
        return Math.sqrt(num / Math.max(den, 1e-30));
    }
}
