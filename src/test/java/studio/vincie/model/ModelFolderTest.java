package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.vincie.model.io.ModelFolder;
import studio.vincie.model.io.ModelLoadException;
import studio.vincie.model.io.SafeTensors;
import studio.vincie.model.nn.DitWeights;

/** Invariant 4 of issue 3: exact save/load round trip, and the messages of broken folders. */
class ModelFolderTest {

    @org.junit.jupiter.api.BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    @TempDir
    Path dir;

    private final ModelConfig config = TinyFixtures.config();

    private Path saved(NDManager m) throws Exception {
        Path folder = dir.resolve("tiny");
        ModelFolder.save(folder, DitWeights.init(m, config, 21, false), TinyFixtures.tokenizer());
        return folder;
    }

    @Test
    void roundTripIsExact() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            DitWeights original = DitWeights.init(m, config, 21, false);
            Path folder = dir.resolve("tiny");
            ModelFolder.save(folder, original, TinyFixtures.tokenizer());
            try (ModelFolder.Loaded loaded = ModelFolder.load(folder, m)) {
                assertThat(loaded.config()).isEqualTo(config);
                assertThat(loaded.tokenizer().encode("make the red circle blue"))
                        .containsExactly(TinyFixtures.tokenizer().encode("make the red circle blue"));
                assertThat(loaded.weights().tensors().keySet()).containsExactlyElementsOf(original.tensors().keySet());
                for (Map.Entry<String, NDArray> e : original.tensors().entrySet()) {
                    assertThat(loaded.weights().get(e.getKey()).toFloatArray()).as(e.getKey())
                            .containsExactly(e.getValue().toFloatArray());
                }
            }
            assertThat(Files.readString(folder.resolve("config.json"))).contains("\"width\": 32");
        }
    }

    @Test
    void missingFolderSaysWhatAFolderHolds() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> ModelFolder.load(dir.resolve("nope"), m))
                    .isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("does not exist").hasMessageContaining("weights.safetensors");
        }
    }

    @Test
    void missingTensorIsNamed() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Path folder = saved(m);
            Map<String, SafeTensors.HostTensor> t = new LinkedHashMap<>(SafeTensors.read(folder.resolve("weights.safetensors")));
            t.remove("blocks.1.attn.qkv.weight");
            SafeTensors.write(folder.resolve("weights.safetensors"), t, Map.of());
            assertThatThrownBy(() -> ModelFolder.load(folder, m)).isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("no tensor 'blocks.1.attn.qkv.weight'");
        }
    }

    @Test
    void wrongShapeIsNamed() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Path folder = saved(m);
            Map<String, SafeTensors.HostTensor> t = new LinkedHashMap<>(SafeTensors.read(folder.resolve("weights.safetensors")));
            SafeTensors.HostTensor fc1 = t.get("blocks.0.mlp.fc1.weight");
            t.put("blocks.0.mlp.fc1.weight", new SafeTensors.HostTensor(
                    new long[] {fc1.shape()[1], fc1.shape()[0]}, fc1.data()));
            SafeTensors.write(folder.resolve("weights.safetensors"), t, Map.of());
            assertThatThrownBy(() -> ModelFolder.load(folder, m)).isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("tensor 'blocks.0.mlp.fc1.weight'").hasMessageContaining("has shape (32, 64)")
                    .hasMessageContaining("needs (64, 32)");
        }
    }

    @Test
    void theKeepThresholdIsWrittenOnlyWhenSetAndAbsentMeansOff() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Path off = dir.resolve("keep-off");
            ModelFolder.save(off, DitWeights.init(m, config, 21, false), TinyFixtures.tokenizer());
            assertThat(Files.readString(off.resolve("config.json"))).doesNotContain("keepThreshold");
            try (ModelFolder.Loaded loaded = ModelFolder.load(off, m)) {
                assertThat(loaded.config().keepThreshold()).isZero();
            }
            Path on = dir.resolve("keep-on");
            ModelFolder.save(on, DitWeights.init(m, config.withKeepThreshold(6f), 21, false), TinyFixtures.tokenizer());
            try (ModelFolder.Loaded loaded = ModelFolder.load(on, m)) {
                assertThat(loaded.config().keepThreshold()).isEqualTo(6f);
            }
        }
    }

    @Test
    void unknownConfigFieldIsNamed() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Path folder = saved(m);
            Path cfg = folder.resolve("config.json");
            Files.writeString(cfg, Files.readString(cfg).replace("\"width\"", "\"dropout\": 0.1,\n  \"width\""),
                    StandardCharsets.UTF_8);
            assertThatThrownBy(() -> ModelFolder.load(folder, m)).isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("unknown config field 'dropout'");
        }
    }
}
