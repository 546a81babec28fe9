package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studio.vincie.model.codec.PatchCodec;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.DitWeights;
import studio.vincie.model.nn.Segment;
import studio.vincie.model.nn.SegmentKind;
import studio.vincie.model.pack.FlowObjective;
import studio.vincie.model.pack.PackOptions;
import studio.vincie.model.pack.SessionPacker;
import studio.vincie.model.sampling.FlowSampler;
import studio.vincie.model.sampling.TurnGenerator;
import studio.vincie.model.sampling.TurnInput;
import studio.vincie.model.sampling.TurnOutput;

/** Neither editing turn after turn nor training step after step may leave arrays behind. */
class ResourceLeakTest {

    @BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    /** Live arrays and managers under m, counted through DJL's resource map. */
    static int live(NDManager m) throws Exception {
        Field f = BaseNDManager.class.getDeclaredField("resources");
        f.setAccessible(true);
        int n = 0;
        for (Object r : ((Map<?, ?>) f.get(m)).values()) {
            n += r instanceof BaseNDManager sub ? 1 + live(sub) : 1;
        }
        return n;
    }

    @Test
    void editingManyTurnsKeepsTheLiveArrayCountFlat() throws Exception {
        ModelConfig c = TinyFixtures.config();
        PatchCodec codec = TinyFixtures.codec(c);
        try (NDManager root = NDManager.newBaseManager()) {
            BlockCausalDiT model = new BlockCausalDiT(DitWeights.init(root, c, 1, false));
            List<Integer> counts = new ArrayList<>();
            try (TurnGenerator gen = new TurnGenerator(model, codec, TinyFixtures.tokenizer().nullInstruction(), root)) {
                List<Segment> ctx = new ArrayList<>();
                ctx.add(new Segment(SegmentKind.IMAGE, 0, null, codec.encodeImage(TinyFixtures.noiseImage(c.imageSize(), 1))));
                for (int k = 1; k <= 6; k++) {
                    int[] ids = TinyFixtures.tokenizer().encode(TinyFixtures.CAPTIONS.get(k % 5));
                    TurnOutput o = gen.generate(new TurnInput(ctx, k, ids, null, k % 2 == 0, k, 3, 2f), true,
                            FlowSampler.StepListener.NONE);
                    ctx.add(Segment.text(k, ids));
                    if (o.currentMask() != null) {
                        ctx.add(Segment.currentMask(k, o.currentMask()));
                        ctx.add(Segment.nextMask(k, o.nextMask()));
                    }
                    ctx.add(Segment.image(k, codec.encodeImage(codec.decodeImage(o.image()))));
                    counts.add(live(root));
                }
            }
            assertThat(counts.subList(1, counts.size())).as("live arrays after each turn").containsOnly(counts.get(0));
        }
    }

    @Test
    void trainingStepsKeepTheLiveArrayCountFlat() throws Exception {
        ModelConfig c = TinyFixtures.config();
        try (NDManager root = NDManager.newBaseManager()) {
            DitWeights w = DitWeights.init(root, c, 2, true);
            w.attachGradients();
            BlockCausalDiT model = new BlockCausalDiT(w);
            SessionPacker packer = new SessionPacker(c, TinyFixtures.tokenizer(), PackOptions.defaults());
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
            Random rng = new Random(4);
            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                try (NDManager step = root.newSubManager();
                     GradientCollector gc = root.getEngine().newGradientCollector()) {
                    gc.backward(FlowObjective.losses(step, model, packer.pack(
                            List.of(TinyFixtures.session(c, 2, i)), rng), 1f).total());
                    w.applyOptimizer(adam);
                }
                counts.add(live(root));
            }
            // step 1 creates Adam's moment arrays; from then on nothing may accumulate
            assertThat(counts.subList(2, counts.size())).as("live arrays after each step").containsOnly(counts.get(1));
        }
    }
}
