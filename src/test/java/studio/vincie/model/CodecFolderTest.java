package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import studio.vincie.model.codec.Autoencoder;
import studio.vincie.model.codec.LearnedCodec;
import studio.vincie.model.codec.PatchCodec;
import studio.vincie.model.io.CodecFolder;
import studio.vincie.model.io.ModelLoadException;

/** A learned codec on disk: exact round trip, the config fields that select it, and broken folders. */
class CodecFolderTest {

    @org.junit.jupiter.api.BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    @TempDir
    Path dir;

    static final Autoencoder.Spec SPEC = new Autoencoder.Spec(32, 8, 4, new int[] {8, 12, 16});

    @Test
    void roundTripIsExactAndTheModelConfigSelectsTheCodec() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> w = Autoencoder.init(m, SPEC, 7);
            w.get(Autoencoder.LATENT_MEAN).set(new float[] {0.5f, -1f, 2f, 0f});
            CodecFolder.save(dir, SPEC, w);
            assertThat(CodecFolder.readSpec(dir)).isEqualTo(SPEC);
            Map<String, NDArray> back = CodecFolder.loadWeights(dir, SPEC, m);
            for (Map.Entry<String, NDArray> e : w.entrySet()) {
                assertThat(back.get(e.getKey()).toFloatArray()).as(e.getKey()).containsExactly(e.getValue().toFloatArray());
            }
            ModelConfig learned = TinyFixtures.config().withLatentChannels(4);
            assertThat(learned.imagePatchDim()).isEqualTo(4);
            assertThat(learned.maskSourceDim()).isEqualTo(4 * 4);
            assertThat(CodecFolder.forModel(learned, dir, m)).isInstanceOf(LearnedCodec.class);
            assertThat(CodecFolder.forModel(TinyFixtures.config(), dir, m)).isInstanceOf(PatchCodec.class);
            // config.json round trip: "codec": "autoencoder" with its channels; patch models stay as they were
            assertThat(ModelConfig.fromJson(learned.toJson())).isEqualTo(learned);
            assertThat(learned.toJson().get("codec").getAsString()).isEqualTo("autoencoder");
            assertThat(TinyFixtures.config().toJson().has("latentChannels")).isFalse();
        }
    }

    @Test
    void aCodecThatDoesNotFitTheModelIsRefusedNamingBoth() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            CodecFolder.save(dir, SPEC, Autoencoder.init(m, SPEC, 7));
            assertThatThrownBy(() -> CodecFolder.forModel(TinyFixtures.config().withLatentChannels(8), dir, m))
                    .isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("4 channels) does not fit the model")
                    .hasMessageContaining("latentChannels 8");
        }
    }

    @Test
    void missingOrDamagedFilesAreNamed() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> CodecFolder.readSpec(dir)).isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("has no codec.json").hasMessageContaining("vincie train-codec");
            CodecFolder.save(dir, SPEC, Autoencoder.init(m, SPEC, 7));
            Autoencoder.Spec wider = new Autoencoder.Spec(32, 8, 4, new int[] {8, 12, 20});
            assertThatThrownBy(() -> CodecFolder.loadWeights(dir, wider, m)).isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("tensor 'enc.2.weight'").hasMessageContaining("has shape");
            Files.writeString(dir.resolve(CodecFolder.SPEC), "{\"type\": \"vae\"}", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> CodecFolder.readSpec(dir)).hasMessageContaining("codec type is 'vae'");
            Files.writeString(dir.resolve(CodecFolder.SPEC), "{\"type\": \"autoencoder\", \"imageSize\": 32",
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> CodecFolder.readSpec(dir)).hasMessageContaining("is not a valid codec description");
        }
    }

    @Test
    void configFieldsOfTheCodecMustAgree() {
        var json = TinyFixtures.config().toJson();
        json.addProperty("codec", "autoencoder");
        assertThatThrownBy(() -> ModelConfig.fromJson(json)).hasMessageContaining("'latentChannels' is missing or 0");
        var json2 = TinyFixtures.config().toJson();
        json2.addProperty("codec", "vqgan");
        assertThatThrownBy(() -> ModelConfig.fromJson(json2)).hasMessageContaining("supports 'patch' and 'autoencoder'");
    }
}
