package studio.vincie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import studio.vincie.cli.BenchCommand;
import studio.vincie.model.ModelConfig;
import studio.vincie.model.TinyFixtures;
import studio.vincie.model.codec.Autoencoder;
import studio.vincie.model.io.CodecFolder;
import studio.vincie.model.io.ModelFolder;
import studio.vincie.model.nn.DitWeights;

/** {@code vincie bench} end to end: reference models, a real (tiny, untrained) DiT folder, bad input. */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void oracleRunWritesJsonAndPlot() throws Exception {
        Path json = dir.resolve("oracle.json");
        Path plot = dir.resolve("oracle.png");
        Path details = dir.resolve("details.json");
        int code = run("--model", "oracle", "--sessions", "3", "--turns", "5", "--seed", "5",
                "--json", json.toString(), "--plot", plot.toString(), "--details", details.toString());
        assertThat(code).isZero();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("success_at").size()).isEqualTo(5);
        root.get("success_at").forEach(v -> assertThat(v.asDouble()).isEqualTo(1.0));
        assertThat(root.has("per_category")).isTrue();
        assertThat(Files.size(plot)).isPositive();
        JsonNode turns = new ObjectMapper().readTree(details.toFile());
        assertThat(turns.size()).isEqualTo(15);
        assertThat(turns.get(0).get("succeeded").asBoolean()).isTrue();
        assertThat(turns.get(0).get("instruction").asText()).isNotBlank();
    }

    @Test
    void runsADitModelFolderThroughTheEditModelInterface() throws Exception {
        ModelConfig c = TinyFixtures.config();
        Path folder = dir.resolve("tiny");
        // ai.djl types appear only in this test: the folder has to be written by the model package.
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFolder.save(folder, DitWeights.init(m, c, 41, false), TinyFixtures.tokenizer());
        }
        Path json = dir.resolve("dit.json");
        int code = run("--model", folder.toString(), "--sessions", "2", "--turns", "2", "--size", "64",
                "--steps", "2", "--device", "cpu", "--json", json.toString());
        assertThat(code).isZero();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("model").asText()).startsWith("tiny-");
        assertThat(root.get("l1").get(1).asDouble()).isPositive();
        assertThat(root.get("mask_iou").get("current").get(0).isNull()).isTrue();

        Path withMasks = dir.resolve("dit-masks.json");
        code = run("--model", folder.toString(), "--sessions", "2", "--turns", "2", "--size", "64",
                "--steps", "2", "--predict-masks", "--json", withMasks.toString());
        assertThat(code).isZero();
        JsonNode masks = new ObjectMapper().readTree(withMasks.toFile()).get("mask_iou");
        assertThat(masks.get("current").get(0).isNumber()).isTrue();
        assertThat(masks.get("next").get(0).isNumber()).isTrue();

        assertThat(run("--model", folder.toString(), "--sessions", "1", "--device", "tpu")).as("unknown device")
                .isEqualTo(2);
    }

    @Test
    void oracleCodecScoresTheGroundTruthThroughALearnedCodec() throws Exception {
        Path codec = dir.resolve("codec");
        Autoencoder.Spec spec = new Autoencoder.Spec(32, 8, 4, new int[] {8, 12, 16});
        try (NDManager m = NDManager.newBaseManager()) {
            CodecFolder.save(codec, spec, Autoencoder.init(m, spec, 3)); // untrained: far from the truth
        }
        Path json = dir.resolve("codec.json");
        assertThat(run("--model", "oracle-codec:" + codec, "--sessions", "2", "--turns", "2", "--size", "64",
                "--json", json.toString())).isZero();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("model").asText()).isEqualTo("oracle-codec:codec");
        assertThat(root.get("psnr").get(0).asDouble()).isBetween(1.0, 30.0);
        assertThat(root.get("success_at").get(0).asDouble()).isZero();
        assertThat(run("--model", "oracle-codec:" + dir.resolve("nowhere"), "--sessions", "1")).isEqualTo(2);
    }

    @Test
    void predictMasksNeedsAModelThatCanPredictRegions() {
        assertThat(run("--model", "identity", "--sessions", "1", "--predict-masks")).isEqualTo(2);
    }

    @Test
    void badArgumentsGiveExitCodeTwo() {
        assertThat(run("--model", "oracle", "--masks", "sometimes")).isEqualTo(2);
        assertThat(run("--model", dir.resolve("nowhere").toString(), "--sessions", "1")).isEqualTo(2);
        assertThat(run("--model", "identity", "--turns", "0")).isEqualTo(2);
    }

    private static int run(String... args) {
        return new CommandLine(new BenchCommand()).execute(args);
    }
}
