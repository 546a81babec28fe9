package studio.vincie.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import studio.vincie.model.EditModel;

class BenchReportTest {

    private static final BenchRunner.Options OPTIONS = new BenchRunner.Options(false, 1, 0f, 3);

    @TempDir
    Path dir;

    @Test
    void oracleSucceedsAndIdentityFailsOnHandMadeSessions() {
        List<BenchSession> set = List.of(HandMadeSessions.session());
        BenchReport oracle = run(new OracleModel(), set);
        assertThat(oracle.successAt()).containsExactly(1.0, 1.0);
        assertThat(oracle.currentMaskIou()).containsExactly(1.0, 1.0);
        BenchReport identity = run(new IdentityModel(), set);
        assertThat(identity.successAt()).containsExactly(0.0, 0.0);
        assertThat(identity.consistentRate()).containsExactly(1.0, 1.0);
        assertThat(identity.hasMasks()).isFalse();
        assertThat(oracle.editRecall()).containsExactly(1.0, 1.0);
        assertThat(identity.editRecall()).allSatisfy(v -> assertThat(v).isLessThan(0.1));
    }

    @Test
    void jsonHasTheDocumentedKeysAndThePlotIsWritten() throws Exception {
        BenchReport report = run(new OracleModel(), List.of(HandMadeSessions.session()));
        Path json = dir.resolve("out/bench.json");
        BenchReportWriter.writeJson(report, JudgeTolerances.DEFAULT, json);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        for (String key : List.of("success_at", "edit_recall", "per_category", "l1", "psnr", "high_frequency_excess",
                "mask_iou")) {
            assertThat(root.has(key)).as(key).isTrue();
        }
        assertThat(root.get("success_at").size()).isEqualTo(2);
        assertThat(root.get("per_category").get("recolor").get("success_at").get(0).asDouble()).isEqualTo(1.0);
        assertThat(root.get("mask_iou").get("next").get(1).asDouble()).isEqualTo(1.0);
        assertThat(root.get("psnr").get(0).asDouble()).isEqualTo(ImageMetrics.PSNR_CAP);
        Path png = dir.resolve("plot.png");
        BenchPlot.write(report, png);
        BufferedImage plot = ImageIO.read(png.toFile());
        assertThat(plot.getWidth()).isGreaterThan(500);
        assertThat(Files.size(png)).isLessThan(1_000_000);
    }

    @Test
    void successAtNeedsEveryEarlierTurn() {
        TurnVerdict pass = new TurnVerdict(true, true, List.of(), 0, 0, 0, 1);
        TurnVerdict fail = new TurnVerdict(false, true, List.of("missing"), 0, 0, 0, 0.25);
        List<TurnOutcome> outcomes = List.of(
                new TurnOutcome("s1", 1, "recolor", "do it", fail, 0, 0, 0, null, null, 0),
                new TurnOutcome("s1", 2, "move", "do it", pass, 0, 0, 0, null, null, 0),
                new TurnOutcome("s2", 1, "move", "do it", pass, 0, 0, 0, null, null, 0),
                new TurnOutcome("s2", 2, "recolor", "do it", pass, 0, 0, 0, null, null, 0));
        BenchReport r = BenchReport.summarize(outcomes, 2, new BenchReport.RunInfo("m", "none", 0, 128, 0));
        assertThat(r.successAt()).containsExactly(0.5, 0.5);
        assertThat(r.followRate()).containsExactly(0.5, 1.0);
        assertThat(r.editRecall()).containsExactly(0.625, 1.0); // partial credit: (0.25 + 1) / 2 at turn 1
        assertThat(r.perCategory().get("move").successAt()).containsExactly(1.0, 0.0);
        assertThat(r.perCategory().get("move").turnSuccess()).isEqualTo(1.0);
        assertThat(r.perCategory().get("recolor").successAt()).containsExactly(0.0, 1.0);
    }

    @Test
    void modelFolderWithoutLoaderGivesAClearMessage() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{}");
        assertThatThrownBy(() -> new BenchModels(List.of()).open(dir.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no model loader accepts");
        assertThatThrownBy(() -> new BenchModels(List.of()).open(dir.resolve("missing").toString()))
                .hasMessageContaining("not a directory");
        // The DiT loader is found on the class path and takes folders with weights only.
        assertThat(new BenchModels().open("identity")).isInstanceOf(IdentityModel.class);
        assertThat(new DitModelLoader().accepts(dir)).isFalse();
        assertThatThrownBy(() -> new BenchModels().open(dir.toString())).hasMessageContaining("weights.safetensors");
        assertThatThrownBy(() -> new BenchModels().open("oracle-blur:x")).hasMessageContaining("oracle-blur:0.7");
        assertThatThrownBy(() -> new BenchModels().open("oracle-noise:x")).hasMessageContaining("oracle-noise:8");
        assertThat(new BenchModels().open("oracle-noise:8").info().id()).isEqualTo("oracle-noise:8");
    }

    private static BenchReport run(EditModel model, List<BenchSession> set) {
        TurnJudge judge = new TurnJudge(JudgeTolerances.DEFAULT);
        List<TurnOutcome> outcomes = new BenchRunner(model, judge, OPTIONS).run(set, s -> { });
        return BenchReport.summarize(outcomes, set.get(0).turns().size(),
                new BenchReport.RunInfo(model.info().id(), "none", 3, HandMadeSessions.SIZE, 0));
    }
}
