package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.DitWeights;
import studio.vincie.model.pack.FlowObjective;
import studio.vincie.model.pack.PackOptions;
import studio.vincie.model.pack.PackedBatch;
import studio.vincie.model.pack.SessionPacker;

/**
 * Everything autograd saves for backward must outlive the forward pass. A scalar from DJL's
 * {@code mul(Number)} did not: its direct buffer was freed by the next GC, and gradients were then scaled
 * by whatever the freed memory held (the trainer's occasional NaN or infinite gradient norm).
 */
class GradientLifetimeTest {

    @BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    @Test
    void gradientsDoNotDependOnAGarbageCollectionBeforeBackward() {
        ModelConfig c = TinyFixtures.config();
        try (NDManager root = NDManager.newBaseManager()) {
            DitWeights w = DitWeights.init(root, c, 5, false);
            w.attachGradients();
            BlockCausalDiT model = new BlockCausalDiT(w);
            PackedBatch batch = new SessionPacker(c, TinyFixtures.tokenizer(), PackOptions.none())
                    .pack(List.of(TinyFixtures.session(c, 2, 9)), new Random(3));
            Map<String, float[]> plain = gradients(root, model, batch, false);
            Map<String, float[]> collected = gradients(root, model, batch, true);
            for (Map.Entry<String, float[]> e : plain.entrySet()) {
                float[] expected = e.getValue();
                float[] actual = collected.get(e.getKey());
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("gradient of %s[%d]", e.getKey(), i)
                            .isCloseTo(expected[i], within(1e-4f * (1 + Math.abs(expected[i]))));
                }
            }
        }
    }

    /** One forward and backward of the loss; {@code collect} runs the garbage collector in between. */
    private static Map<String, float[]> gradients(NDManager root, BlockCausalDiT model, PackedBatch batch,
                                                  boolean collect) {
        DitWeights w = model.weights();
        w.zeroGradients();
        try (NDManager step = root.newSubManager();
             GradientCollector gc = root.getEngine().newGradientCollector()) {
            NDArray loss = FlowObjective.losses(step, model, batch, 0.5f, 4f).total();
            if (collect) {
                collectGarbage();
            }
            gc.backward(loss);
            Map<String, float[]> out = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : w.tensors().entrySet()) {
                try (NDArray g = e.getValue().getGradient()) {
                    out.put(e.getKey(), g.toFloatArray());
                }
            }
            return out;
        }
    }

    /** Full collections, with time for the reference handler to free unreachable direct buffers. */
    private static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
