package studio.vincie.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.NDManager;
import studio.vincie.data.dataset.Dataset;
import studio.vincie.model.DitEditModel;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;
import studio.vincie.model.codec.Autoencoder;
import studio.vincie.model.codec.LearnedCodec;
import studio.vincie.model.io.CodecFolder;
import studio.vincie.model.io.ModelFolder;

/** Issue 5's learned codec: train-codec learns to reconstruct, and the trainer and editor run over it. */
class CodecTrainingTest {

    static final Autoencoder.Spec SPEC = new Autoencoder.Spec(32, 8, 8, new int[] {16, 24, 32});

    @TempDir
    Path tmp;

    @Test
    void theCodecLearnsToReconstructAndTheModelTrainsAndEditsOverIt() throws Exception {
        Dataset data = TinyRuns.dataset(tmp.resolve("data"), 4);
        Path codecDir = tmp.resolve("codec");
        CodecTrainer.Result r = new CodecTrainer(data, SPEC,
                new CodecTrainer.Options(150, 8, 3e-3f, 10, 1, 0, 0, 5, false), codecDir).run();
        assertThat(r.steps()).isEqualTo(150);
        assertThat(r.lastLoss()).as("last vs first loss %s", r.firstLoss()).isLessThan(0.5f * r.firstLoss());
        double trained = reconstructionPsnr(codecDir, data);
        assertThat(trained).as("reconstruction PSNR of a train image").isGreaterThan(20);

        // the DiT trains over the codec's latents: its image tokens have 8 values, the run keeps a copy
        Path run = tmp.resolve("run");
        Trainer.Result t = new Trainer(data, TinyRuns.options(8, 3e-3f).withStopAtStep(6), run).codec(codecDir)
                .run(false);
        assertThat(t.endStep()).isEqualTo(6);
        Path model = run.resolve(Trainer.MODEL_DIR);
        assertThat(ModelFolder.readConfig(model).imagePatchDim()).isEqualTo(8);
        assertThat(Files.readAllBytes(model.resolve(CodecFolder.WEIGHTS)))
                .isEqualTo(Files.readAllBytes(codecDir.resolve(CodecFolder.WEIGHTS)));
        // resuming uses the run's own copy, even when the original folder is gone
        Files.delete(codecDir.resolve(CodecFolder.WEIGHTS));
        Trainer.Result more = new Trainer(data, TinyRuns.options(8, 3e-3f), run).run(true);
        assertThat(more.endStep()).isEqualTo(8);

        // and the editor loads that model and edits through the codec
        try (DitEditModel edit = DitEditModel.load(model, ai.djl.Device.cpu())) {
            BufferedImage source = data.load(data.ids("train").get(0)).images().get(0);
            EditResult out = edit.edit(new EditRequest(source, java.util.List.of(), "make the circle red", null, 3, 4,
                    1f), (d, n) -> { }, studio.vincie.model.Cancellation.NEVER);
            assertThat(out.image().getWidth()).isEqualTo(source.getWidth());
        }
    }

    @Test
    void aPixelPatchRunCannotBeResumedAsALearnedCodecRun() throws Exception {
        Dataset data = TinyRuns.dataset(tmp.resolve("data"), 3);
        Path run = tmp.resolve("run");
        new Trainer(data, TinyRuns.options(4, 3e-3f).withStopAtStep(2), run).run(false);
        assertThatThrownBy(() -> new Trainer(data, TinyRuns.options(4, 3e-3f), run).codec(tmp.resolve("codec")).run(true))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("trained on pixel patches; drop --codec");
    }

    @Test
    void aCodecForAnotherGridOrAnotherCodecOnResumeIsRefused() throws Exception {
        Dataset data = TinyRuns.dataset(tmp.resolve("data"), 3);
        Path wrongGrid = tmp.resolve("wrong-grid");
        Autoencoder.Spec coarse = new Autoencoder.Spec(32, 16, 8, new int[] {8, 8, 8, 8});
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        try (NDManager m = NDManager.newBaseManager()) {
            CodecFolder.save(wrongGrid, coarse, Autoencoder.init(m, coarse, 1));
            CodecFolder.save(first, SPEC, Autoencoder.init(m, SPEC, 1));
            CodecFolder.save(second, SPEC, Autoencoder.init(m, SPEC, 2));
        }
        Path run = tmp.resolve("run");
        assertThatThrownBy(() -> new Trainer(data, TinyRuns.options(4, 3e-3f), run).codec(wrongGrid).run(false))
                .isInstanceOf(CheckpointException.class).hasMessageContaining(wrongGrid.toString())
                .hasMessageContaining("16 px cells, but the tiny preset needs 32 px and 8 px cells");
        assertThat(run.resolve(Trainer.CODEC_DIR)).doesNotExist();

        new Trainer(data, TinyRuns.options(4, 3e-3f).withStopAtStep(2), run).codec(first).run(false);
        assertThatThrownBy(() -> new Trainer(data, TinyRuns.options(4, 3e-3f), run).codec(second).run(true))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("drop --codec to resume it");
        assertThat(new Trainer(data, TinyRuns.options(4, 3e-3f), run).codec(first).run(true).endStep()).isEqualTo(4);
    }

    private static double reconstructionPsnr(Path codecDir, Dataset data) {
        try (LearnedCodec codec = CodecFolder.open(codecDir)) {
            BufferedImage img = data.load(data.ids("train").get(1)).images().get(0);
            return studio.vincie.data.frames.Psnr.of(img, codec.decodeImage(codec.encodeImage(img)));
        }
    }
}
