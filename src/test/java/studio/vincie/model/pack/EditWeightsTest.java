package studio.vincie.model.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import studio.vincie.model.nn.Segment;

/** The edit boost weights exactly the image tokens whose clean target differs from the source. */
class EditWeightsTest {

    /** A noisy copy of clean values {@code x0} at time {@code t} with noise {@code eps}. */
    private static PackedBatch.NoisyCopy copy(float[] x0, float[] eps, float t) {
        float[] xt = new float[x0.length];
        float[] v = new float[x0.length];
        for (int i = 0; i < x0.length; i++) {
            xt[i] = (1 - t) * x0[i] + t * eps[i];
            v[i] = eps[i] - x0[i];
        }
        return new PackedBatch.NoisyCopy(0, 0, Segment.image(1, xt), t, v, PackedBatch.Task.NIP);
    }

    @Test
    void onlyChangedTokensOfCopiesWithASourceAreBoosted() {
        // two tokens of P = 3 values; token 0 moves by 0.05 (unchanged), token 1 by 0.4 in one value
        float[] x0 = {0.25f, 0.2f, 0.2f, 0.2f, 0.6f, 0.2f};
        float[] eps = {0.9f, -0.4f, 0.1f, -1.2f, 0.3f, 0.7f};
        float[] source = {0.2f, 0.2f, 0.2f, 0.2f, 0.2f, 0.2f, /* second copy: no source */ 0, 0, 0, 0, 0, 0};
        List<PackedBatch.NoisyCopy> copies = List.of(copy(x0, eps, 0.7f), copy(x0, eps, 0.3f));

        float[] w = FlowObjective.editWeights(copies, new FlowObjective.Sources(source, new boolean[] {true, false}),
                3, 4f);

        assertThat(w).containsExactly(1f, 5f, 1f, 1f);
    }

    @Test
    void theThresholdIsOnTheCleanTargetNotOnTheNoisyValues() {
        float[] x0 = {0.2f, 0.2f, 0.2f};
        float[] eps = {1f, -1f, 1f}; // the noisy values are far from the source, the target is not
        float[] w = FlowObjective.editWeights(List.of(copy(x0, eps, 0.9f)),
                new FlowObjective.Sources(new float[] {0.2f, 0.2f, 0.2f}, new boolean[] {true}), 3, 4f);
        assertThat(w).containsExactly(1f);
    }

    @Test
    void theWeightedMeanIsNormalisedByTheWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray error = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(3, 2)); // 3 tokens, P = 2
            assertThat(FlowObjective.weightedMean(error, new float[] {2, 2, 2}).getFloat())
                    .isCloseTo(3.5f, within(1e-6f)); // equal weights: the plain mean
            // (5 * 3 + 1 * 7 + 1 * 11) / (2 * 7) = 33 / 14
            assertThat(FlowObjective.weightedMean(error, new float[] {5, 1, 1}).getFloat())
                    .isCloseTo(33f / 14f, within(1e-6f));
        }
    }
}
