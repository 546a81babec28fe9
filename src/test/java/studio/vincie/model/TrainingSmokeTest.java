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
}
