package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.DitWeights;
import studio.vincie.model.pack.FlowObjective;
import studio.vincie.model.pack.PackOptions;
import studio.vincie.model.pack.SessionExample;
import studio.vincie.model.pack.SessionPacker;

/** The training API end to end, as docs/model.md shows it: the loss of one tiny session must fall. */
class TrainingSmokeTest {

    @BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    @Test
    void overfittingOneSessionLowersTheLoss() {
        ModelConfig c = TinyFixtures.config();
        SessionExample session = TinyFixtures.session(c, 2, 9);
        try (NDManager root = NDManager.newBaseManager()) {
            DitWeights w = DitWeights.init(root, c, 5, true);
            w.attachGradients();
            BlockCausalDiT model = new BlockCausalDiT(w);
            SessionPacker packer = new SessionPacker(c, TinyFixtures.tokenizer(), PackOptions.none());
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(3e-3f)).build();
            Random rng = new Random(3);
            float first = 0;
            float last = 0;
            int steps = 150;
            for (int i = 0; i < steps; i++) {
                try (NDManager step = root.newSubManager();
                     GradientCollector gc = root.getEngine().newGradientCollector()) {
                    NDArray loss = FlowObjective.losses(step, model, packer.pack(List.of(session), rng), 1f).total();
                    gc.backward(loss);
                    for (var e : w.tensors().entrySet()) {
                        adam.update(e.getKey(), e.getValue(), e.getValue().getGradient());
                    }
                    w.zeroGradients();
                    float v = loss.getFloat();
                    if (i < 10) {
                        first += v / 10;
                    } else if (i >= steps - 10) {
                        last += v / 10;
                    }
                }
            }
            assertThat(last).as("mean loss of the last 10 steps vs the first 10 (%s)", first).isLessThan(0.6f * first);
        }
    }

    @Test
    void theEditBoostReweightsOnlyTheImageLoss() {
        ModelConfig c = TinyFixtures.config();
        // I1 is I0 with one block repainted: only that block's tokens are changed by the edit
        java.awt.image.BufferedImage i0 = TinyFixtures.noiseImage(c.imageSize(), 9);
        java.awt.image.BufferedImage i1 = TinyFixtures.noiseImage(c.imageSize(), 9);
        java.awt.image.BufferedImage block = TinyFixtures.noiseImage(c.imageSize(), 10);
        for (int y = 0; y < c.imageSize() / 2; y++) {
            for (int x = 0; x < c.imageSize() / 2; x++) {
                i1.setRGB(x, y, block.getRGB(x, y));
            }
        }
        SessionExample session = SessionExample.encode(List.of(i0, i1), List.of(TinyFixtures.CAPTIONS.get(0)),
                List.of(TinyFixtures.blockMask(c.imageSize(), 1)), List.of(TinyFixtures.blockMask(c.imageSize(), 2)),
                TinyFixtures.codec(c), TinyFixtures.tokenizer());
        try (NDManager root = NDManager.newBaseManager()) {
            BlockCausalDiT model = new BlockCausalDiT(DitWeights.init(root, c, 5, false));
            SessionPacker packer = new SessionPacker(c, TinyFixtures.tokenizer(), PackOptions.none());
            var batch = packer.pack(List.of(session), new Random(3));
            float[] plain = FlowObjective.losses(root, model, batch, 1f).values();
            float[] zero = FlowObjective.losses(root, model, batch, 1f, 0f).values();
            float[] boosted = FlowObjective.losses(root, model, batch, 1f, 4f).values();
            assertThat(zero).containsExactly(plain);
            assertThat(boosted[1]).as("NIP").isNotEqualTo(plain[1]);
            assertThat(plain[2]).as("CSP").isPositive();
            assertThat(new float[] {boosted[2], boosted[3]}).as("CSP, NSP").containsExactly(plain[2], plain[3]);
        }
    }
}
