package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.DitWeights;

/**
 * The pooled instruction over its words ({@code ModelConfig.wordPooling}): the mean of the words'
 * embeddings without the padding, layer-normalised, so one word changes it as much as a quarter of a
 * four-word instruction should, at unit scale; folders without the field keep the plain mean.
 */
class WordPoolingTest {

    @BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    private final ModelConfig with = TinyFixtures.config();
    private final ModelConfig without = with.withWordPooling(false);

    @Test
    void presetsHaveItAndFoldersWithoutTheFieldReadAsOff() {
        assertThat(with.wordPooling()).isTrue();
        assertThat(ModelConfig.base(100).wordPooling()).isTrue();
        JsonObject json = with.toJson();
        assertThat(json.get("wordPooling").getAsBoolean()).isTrue();
        assertThat(ModelConfig.fromJson(json)).isEqualTo(with);
        json.remove("wordPooling");
        assertThat(ModelConfig.fromJson(json).wordPooling()).isFalse();
        assertThat(without.toJson().has("wordPooling")).isFalse();
        // no weights of its own: a folder trained either way has the same tensors
        assertThat(DitWeights.expectedShapes(with)).isEqualTo(DitWeights.expectedShapes(without));
        JsonObject noPool = with.withTextModulation(false).toJson();
        noPool.addProperty("pooledText", false);
        assertThatThrownBy(() -> ModelConfig.fromJson(noPool)).hasMessageContaining("wordPooling needs pooledText");
    }

    @Test
    void poolsTheWordsWithoutThePaddingAtUnitScale() {
        int l = with.textLength();
        int[] two = new int[l]; // "w5 w9", then padding (id 0)
        two[0] = 5;
        two[1] = 9;
        int[] other = two.clone();
        other[1] = 11; // one word swapped
        try (NDManager m = NDManager.newBaseManager()) {
            DitWeights w = DitWeights.init(m, with, 3, false);
            float[] e = w.get("text_embed.weight").toFloatArray();
            int d = with.width();
            float[] expected = new float[d];
            for (int i = 0; i < d; i++) {
                expected[i] = (e[5 * d + i] + e[9 * d + i]) / 2f;
            }
            normalise(expected);
            float[] pooled = new BlockCausalDiT(w).pooledWords(m, List.of(two, other)).toFloatArray();
            for (int i = 0; i < d; i++) {
                assertThat(pooled[i]).as("value %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-3f));
            }
            // one word of two changes the pooled vector by about half, against 1/l of the embeddings' size
            NDArray plain = new BlockCausalDiT(DitWeights.of(without, m, w.tensors())).pooledWords(m, List.of(two, other));
            double moved = distance(pooled, 0, d) / Math.sqrt(d);
            double plainMoved = distance(plain.toFloatArray(), 0, d) / Math.sqrt(d);
            assertThat(moved).isGreaterThan(0.3);
            assertThat(plainMoved).isLessThan(0.01);
            // padding in between counts for nothing; all padding (the null instruction is a word) gives zeros
            int[] gap = new int[l];
            gap[0] = 5;
            gap[3] = 9;
            float[] spaced = new BlockCausalDiT(w).pooledWords(m, List.of(gap)).toFloatArray();
            for (int i = 0; i < d; i++) {
                assertThat(spaced[i]).isCloseTo(pooled[i], org.assertj.core.data.Offset.offset(1e-4f));
            }
            assertThat(new BlockCausalDiT(w).pooledWords(m, List.of(new int[l])).toFloatArray()).containsOnly(0f);
        }
    }

    private static void normalise(float[] v) {
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double var = 0;
        for (float x : v) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / v.length + 1e-6);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((v[i] - mean) / sd);
        }
    }

    /** Euclidean distance between rows 0 and 1 of a (2, d) array given flat. */
    private static double distance(float[] rows, int a, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            double x = rows[a * d + i] - rows[(a + 1) * d + i];
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
