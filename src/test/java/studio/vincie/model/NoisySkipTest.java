package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.DitWeights;
import studio.vincie.model.nn.SegmentKind;

/**
 * The image head's noisy skip ({@code ModelConfig.noisySkip}): zero-initialised it changes nothing,
 * so older models warm-start unchanged; open, it adds {@code gate * (x_t - (1 - t) source)}.
 */
class NoisySkipTest {

    @BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    private final ModelConfig withSkip = TinyFixtures.config();
    private final ModelConfig without = withSkip.withNoisySkip(false);

    @Test
    void onlyTheTestPresetHasItAndFoldersWithoutTheFieldReadAsOff() {
        assertThat(withSkip.noisySkip()).isTrue();
        // base and small dropped it: it passed the input's noise into the output (docs/training.md)
        assertThat(ModelConfig.base(100).noisySkip()).isFalse();
        assertThat(ModelConfig.small(100).noisySkip()).isFalse();
        JsonObject json = withSkip.toJson();
        assertThat(json.get("noisySkip").getAsBoolean()).isTrue();
        assertThat(ModelConfig.fromJson(json)).isEqualTo(withSkip);
        json.remove("noisySkip");
        assertThat(ModelConfig.fromJson(json).noisySkip()).isFalse();
        assertThat(without.toJson().has("noisySkip")).isFalse();
        assertThat(DitWeights.expectedShapes(withSkip)).containsEntry("image_out_skip.weight",
                new Shape(1, withSkip.width()));
        assertThat(DitWeights.expectedShapes(without)).doesNotContainKey("image_out_skip.weight");
    }

    @Test
    void aZeroGateIsTheModelWithoutTheSkipAndAnOpenGatePassesTheNoisyDepartureThrough() {
        try (NDManager m = NDManager.newBaseManager()) {
            DitWeights full = DitWeights.init(m, withSkip, 3, false); // random everywhere, the gate too
            Map<String, NDArray> rest = new LinkedHashMap<>(full.tensors());
            rest.remove("image_out_skip.weight");
            rest.remove("image_out_skip.bias");
            BlockCausalDiT plain = new BlockCausalDiT(DitWeights.of(without, m, rest));
            BlockCausalDiT skip = new BlockCausalDiT(full);

            int n = 5;
            int p = withSkip.imagePatchDim();
            NDArray hidden = m.create(random(n * withSkip.width(), 1), new Shape(n, withSkip.width()));
            float[] src = random(n * p, 2);
            float[] xt = random(n * p, 3);
            NDArray source = m.create(src, new Shape(n, p));
            NDArray noisy = m.create(xt, new Shape(n, p));
            float t = 0.3f;
            float[] base = plain.predictClean(hidden, SegmentKind.IMAGE, source, noisy, t).toFloatArray();
            float[] random = skip.predictClean(hidden, SegmentKind.IMAGE, source, noisy, t).toFloatArray();
            assertThat(maxDifference(base, random)).as("a random gate changes the prediction").isGreaterThan(1e-3);

            full.get("image_out_skip.weight").muli(0f);
            full.get("image_out_skip.bias").muli(0f);
            assertThat(skip.predictClean(hidden, SegmentKind.IMAGE, source, noisy, t).toFloatArray())
                    .containsExactly(base);

            full.get("image_out_skip.bias").addi(1f); // gate = 1 for every token
            float[] open = skip.predictClean(hidden, SegmentKind.IMAGE, source, noisy, t).toFloatArray();
            for (int i = 0; i < open.length; i++) {
                assertThat(open[i] - base[i]).isCloseTo(xt[i] - (1 - t) * src[i], within(1e-5f));
            }
            // per-row timesteps (training): row r at t_r
            float[] keep = {0.9f, 0.5f, 0.1f, 1f, 0.7f};
            float[] rows = skip.predictClean(hidden, SegmentKind.IMAGE, source, noisy, m.create(keep, new Shape(n, 1)))
                    .toFloatArray();
            for (int i = 0; i < rows.length; i++) {
                assertThat(rows[i] - base[i]).isCloseTo(xt[i] - keep[i / p] * src[i], within(1e-5f));
            }
            // without a source (a session's first image) the whole noisy input is the departure
            float[] first = skip.predictClean(hidden, SegmentKind.IMAGE, null, noisy, t).toFloatArray();
            float[] firstPlain = plain.predictClean(hidden, SegmentKind.IMAGE, null, noisy, t).toFloatArray();
            for (int i = 0; i < first.length; i++) {
                assertThat(first[i] - firstPlain[i]).isCloseTo(xt[i], within(1e-5f));
            }
            // masks have no skip
            NDArray maskNoisy = m.create(random(n * withSkip.maskPatchDim(), 4), new Shape(n, withSkip.maskPatchDim()));
            assertThat(skip.predictClean(hidden, SegmentKind.NEXT_MASK, null, maskNoisy, t).toFloatArray())
                    .containsExactly(plain.predictClean(hidden, SegmentKind.NEXT_MASK, null, maskNoisy, t).toFloatArray());
        }
    }

    private static float[] random(int n, long seed) {
        Random rng = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
