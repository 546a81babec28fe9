package studio.vincie.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.data.dataset.Dataset;
import studio.vincie.model.io.ModelFolder;
import studio.vincie.model.io.SafeTensors;

/** Issue 5's trainer tests on the tiny preset: the loss drops, stop-and-resume is exact, checkpoints are checked. */
class TrainerTest {

    @TempDir
    Path tmp;

    @Test
    void tinyRunOnAFewSessionsLowersTheLossByAtLeastThirtyPercent() throws Exception {
        Dataset data = TinyRuns.dataset(tmp.resolve("data"), 4);
        Trainer.Result r = new Trainer(data, TinyRuns.options(40, 3e-3f), tmp.resolve("run")).run(false);
        assertThat(r.endStep()).isEqualTo(40);
        List<TrainLog.Row> rows = TrainLog.read(tmp.resolve("run").resolve(TrainLog.FILE));
        assertThat(rows).hasSize(40);
        double first = rows.subList(0, 5).stream().mapToDouble(TrainLog.Row::loss).average().orElseThrow();
        double last = rows.subList(35, 40).stream().mapToDouble(TrainLog.Row::loss).average().orElseThrow();
        assertThat(last).as("mean loss of the last 5 steps vs the first 5 (%.4f)", first).isLessThan(0.7 * first);
        // the run exported a loadable EMA model folder and drew its curve
        assertThat(ModelFolder.readConfig(tmp.resolve("run").resolve(Trainer.MODEL_DIR)).name()).isEqualTo("tiny");
        assertThat(Files.size(tmp.resolve("run").resolve(Trainer.LOSS_PNG))).isGreaterThan(1000);
    }

    @Test
    void validationLossDoesNotDependOnTheRunSeed() throws Exception {
        StudioDatasets.write(tmp.resolve("data"), 8, 32, 5, 2, 3, 0.4);
        Dataset data = Dataset.open(tmp.resolve("data"));
        assertThat(data.ids("val")).isNotEmpty();
        TrainOptions base = TinyRuns.options(1, 3e-3f);
        new Trainer(data, base, tmp.resolve("start")).run(false);
        Path start = tmp.resolve("start").resolve(Trainer.MODEL_DIR);
        // the same weights, an update too small to move them, and validation at the end: only the
        // validation batches could make the two runs' figures differ
        float[] val = new float[2];
        for (int i = 0; i < 2; i++) {
            TrainOptions o = new TrainOptions("tiny", 1, 2, 1e-20f, 0, 0.1f, 0.01f, 1.0f, 0.9f, 11L + i, 0, 1.0f, 0f, 0f,
                    base.lossTFloor(), 128, 1, 4, 5.0, 0, 0, base.queueSize(), false);
            val[i] = new Trainer(data, o, tmp.resolve("seed" + i)).initFrom(start).run(false).lastVal();
        }
        assertThat(val[0]).isFinite().isPositive();
        assertThat(val[1]).as("validation loss with seed 12 vs seed 11").isEqualTo(val[0]);
    }

    @Test
    void stopAndResumeGivesBitIdenticalWeightsEmaAndOptimizerState() throws Exception {
        Dataset data = TinyRuns.dataset(tmp.resolve("data"), 5);
        TrainOptions options = TinyRuns.options(8, 3e-3f);
        new Trainer(data, options, tmp.resolve("straight")).run(false);
        Trainer.Result first = new Trainer(data, options.withStopAtStep(3), tmp.resolve("resumed")).run(false);
        assertThat(first.endStep()).isEqualTo(3);
        assertThat(first.finished()).isFalse();
        Trainer.Result second = new Trainer(data, options, tmp.resolve("resumed")).run(true);
        assertThat(second.startStep()).isEqualTo(3);
        assertThat(second.endStep()).isEqualTo(8);

        Checkpoint a = Checkpoint.read(tmp.resolve("straight").resolve(Checkpoint.FILE));
        Checkpoint b = Checkpoint.read(tmp.resolve("resumed").resolve(Checkpoint.FILE));
        assertThat(b.step()).isEqualTo(a.step()).isEqualTo(8);
        assertThat(b.adamSteps()).isEqualTo(a.adamSteps());
        assertThat(b.tensors().keySet()).containsExactlyElementsOf(a.tensors().keySet());
        for (Map.Entry<String, float[]> e : a.tensors().entrySet()) {
            assertThat(b.tensors().get(e.getKey())).as(e.getKey()).containsExactly(e.getValue());
        }
        // the weights moved, so equality is not trivially the initialisation
        Checkpoint early = Checkpoint.read(tmp.resolve("resumed").resolve(Checkpoint.PREVIOUS));
        assertThat(early.step()).isEqualTo(3);
        assertThat(early.tensors().get("w.image_out.weight")).isNotEqualTo(a.tensors().get("w.image_out.weight"));
        // and the CSV log continues without duplicated or missing steps
        List<TrainLog.Row> straight = TrainLog.read(tmp.resolve("straight").resolve(TrainLog.FILE));
        List<TrainLog.Row> resumed = TrainLog.read(tmp.resolve("resumed").resolve(TrainLog.FILE));
        assertThat(resumed).containsExactlyElementsOf(straight);
    }

    @Test
    void resumingWithOtherOptionsOrWithoutACheckpointIsRefused() throws Exception {
        Dataset data = TinyRuns.dataset(tmp.resolve("data"), 3);
        TrainOptions options = TinyRuns.options(2, 3e-3f);
        assertThatThrownBy(() -> new Trainer(data, options, tmp.resolve("none")).run(true))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("cannot read checkpoint");
        new Trainer(data, options, tmp.resolve("run")).run(false);
        assertThatThrownBy(() -> new Trainer(data, TinyRuns.options(2, 1e-3f), tmp.resolve("run")).run(true))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("different");
        assertThatThrownBy(() -> new Trainer(data, options, tmp.resolve("run")).run(false))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("--resume");
    }

    @Test
    void aRunBegunBeforeTheNoisySkipAndTextModulationResumesWithoutThem() throws Exception {
        Dataset data = TinyRuns.dataset(tmp.resolve("data"), 3);
        TrainOptions options = TinyRuns.options(4, 3e-3f);
        Path run = tmp.resolve("old");
        new Trainer(data, options.withStopAtStep(2), run).run(false);
        // what such a run's checkpoint looks like: no stored config, no gate nor text_mod among the weights,
        // EMA and moments
        Checkpoint now = Checkpoint.read(run.resolve(Checkpoint.FILE));
        assertThat(now.config()).isNotNull();
        Map<String, float[]> older = new java.util.LinkedHashMap<>(now.tensors());
        assertThat(older.keySet().removeIf(k -> k.contains("image_out_skip") || k.contains("text_mod"))).isTrue();
        new Checkpoint(now.step(), now.adamSteps(), now.options(), null, older).write(run);

        Trainer.Result r = new Trainer(data, options, run).run(true);
        assertThat(r.endStep()).isEqualTo(4);
        assertThat(Checkpoint.read(run.resolve(Checkpoint.FILE)).tensors().keySet())
                .noneMatch(k -> k.contains("image_out_skip") || k.contains("text_mod"));
        assertThat(Files.readString(run.resolve("model").resolve("config.json")))
                .doesNotContain("noisySkip").doesNotContain("textModulation");
    }

    @Test
    void initFromCopiesAnEarlierModelAndInitialisesOnlyWhatItLacks() throws Exception {
        Dataset data = TinyRuns.dataset(tmp.resolve("data"), 3);
        new Trainer(data, TinyRuns.options(4, 3e-3f), tmp.resolve("a")).run(false);
        Path a = tmp.resolve("a").resolve("model");
        // an "earlier architecture": the same folder without the pooled-instruction projection
        Path older = Files.createDirectories(tmp.resolve("older"));
        Map<String, SafeTensors.HostTensor> tensors = new java.util.LinkedHashMap<>(SafeTensors.read(a.resolve(ModelFolder.WEIGHTS)));
        tensors.keySet().removeIf(k -> k.startsWith("text_pool"));
        SafeTensors.write(older.resolve(ModelFolder.WEIGHTS), tensors, Map.of());
        Files.copy(a.resolve(ModelFolder.TOKENIZER), older.resolve(ModelFolder.TOKENIZER));

        List<String> console = new java.util.ArrayList<>();
        new Trainer(data, TinyRuns.options(1, 1e-9f), tmp.resolve("b")).console(console::add).initFrom(older).run(false);
        assertThat(console).anyMatch(l -> l.contains("freshly initialised: text_pool.weight, text_pool.bias"));
        assertThat(Files.readString(tmp.resolve("b").resolve(ModelFolder.TOKENIZER)))
                .isEqualTo(Files.readString(a.resolve(ModelFolder.TOKENIZER)));
        Map<String, SafeTensors.HostTensor> b = SafeTensors.read(tmp.resolve("b").resolve("model").resolve(ModelFolder.WEIGHTS));
        for (Map.Entry<String, SafeTensors.HostTensor> e : tensors.entrySet()) {
            float[] want = e.getValue().data();
            float[] got = b.get(e.getKey()).data();
            for (int i = 0; i < want.length; i++) {
                assertThat(got[i]).as(e.getKey()).isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
        for (float v : b.get("text_pool.weight").data()) {
            assertThat(Math.abs(v)).isLessThan(1e-5f); // zero-initialised, so b starts as the older model
        }
        // a folder from before word pooling keeps the plain mean (it has no weights that could say so)
        assertThat(Files.readString(tmp.resolve("b").resolve("model").resolve(ModelFolder.CONFIG))).contains("wordPooling");
        Files.writeString(older.resolve(ModelFolder.CONFIG),
                Files.readString(a.resolve(ModelFolder.CONFIG)).replaceAll(",\\s*\"wordPooling\"\\s*:\\s*true", ""));
        new Trainer(data, TinyRuns.options(1, 1e-9f), tmp.resolve("d")).initFrom(older).run(false);
        assertThat(Files.readString(tmp.resolve("d").resolve("model").resolve(ModelFolder.CONFIG))).doesNotContain("wordPooling");

        tensors.put("image_in.bias", new SafeTensors.HostTensor(new long[] {3}, new float[3]));
        SafeTensors.write(older.resolve(ModelFolder.WEIGHTS), tensors, Map.of());
        assertThatThrownBy(() -> new Trainer(data, TinyRuns.options(1, 1e-9f), tmp.resolve("c")).initFrom(older).run(false))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("'image_in.bias' has shape (3)");
    }
}
