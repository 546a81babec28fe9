package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
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
import studio.vincie.model.pack.PackOptions;
import studio.vincie.model.pack.PackedBatch;
import studio.vincie.model.pack.SessionPacker;

/**
 * The instruction in the noisy tokens' adaLN conditioning ({@code ModelConfig.textModulation}):
 * zero-initialised it changes nothing, so older models warm-start unchanged; trained, it changes the
 * noisy targets and never a clean token (the KV cache holds clean tokens only).
 */
class TextModulationTest {

    @BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    private final ModelConfig with = TinyFixtures.config();
    private final ModelConfig without = with.withTextModulation(false);

    @Test
    void presetsHaveItAndFoldersWithoutTheFieldReadAsOff() {
        assertThat(with.textModulation()).isTrue();
        assertThat(ModelConfig.base(100).textModulation()).isTrue();
        JsonObject json = with.toJson();
        assertThat(json.get("textModulation").getAsBoolean()).isTrue();
        assertThat(ModelConfig.fromJson(json)).isEqualTo(with);
        json.remove("textModulation");
        assertThat(ModelConfig.fromJson(json).textModulation()).isFalse();
        assertThat(without.toJson().has("textModulation")).isFalse();
        assertThat(DitWeights.expectedShapes(with)).containsEntry("text_mod.weight",
                new Shape(with.width(), with.width()));
        assertThat(DitWeights.expectedShapes(without)).doesNotContainKey("text_mod.weight");
        JsonObject noPool = with.toJson();
        noPool.addProperty("pooledText", false);
        assertThatThrownBy(() -> ModelConfig.fromJson(noPool)).hasMessageContaining("textModulation needs pooledText");
    }

    @Test
    void aZeroProjectionIsTheModelWithoutItAndATrainedOneMovesOnlyTheNoisyTokens() {
        try (NDManager m = NDManager.newBaseManager()) {
            DitWeights full = DitWeights.init(m, with, 5, false); // random everywhere, text_mod too
            Map<String, NDArray> rest = new LinkedHashMap<>(full.tensors());
            rest.remove("text_mod.weight");
            rest.remove("text_mod.bias");
            BlockCausalDiT plain = new BlockCausalDiT(DitWeights.of(without, m, rest));
            BlockCausalDiT modulated = new BlockCausalDiT(full);
            PackedBatch packed = new SessionPacker(with, TinyFixtures.tokenizer(), new PackOptions(0f, 0.5f, 0f, 0, true))
                    .pack(List.of(TinyFixtures.session(with, 3, 5), TinyFixtures.session(with, 2, 6)), new Random(7));
            float[] base = plain.forward(m, packed.tokens(), false).toFloatArray();
            float[] trained = modulated.forward(m, packed.tokens(), false).toFloatArray();

            int d = with.width();
            int length = packed.tokens().length;
            boolean[] noisy = new boolean[packed.tokens().batch * length];
            for (PackedBatch.NoisyCopy copy : packed.copies()) {
                int from = copy.row() * length + copy.start();
                for (int i = 0; i < copy.noisy().tokenCount(with); i++) {
                    noisy[from + i] = true;
                }
            }
            double noisyChange = 0;
            for (int token = 0; token < noisy.length; token++) {
                for (int i = token * d; i < (token + 1) * d; i++) {
                    if (noisy[token]) {
                        noisyChange += Math.abs(trained[i] - base[i]);
                    } else {
                        assertThat(trained[i]).as("clean token %d", token).isEqualTo(base[i]);
                    }
                }
            }
            assertThat(noisyChange).as("a trained projection changes the noisy targets").isGreaterThan(1e-2);

            full.get("text_mod.weight").muli(0f);
            full.get("text_mod.bias").muli(0f);
            float[] zeroed = modulated.forward(m, packed.tokens(), false).toFloatArray();
            assertThat(BlockCausalDiTTest.relativeError(zeroed, base)).isLessThan(1e-6);
        }
    }
}
