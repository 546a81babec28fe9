package studio.vincie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import studio.vincie.model.ModelConfig;
import studio.vincie.model.TinyFixtures;
import studio.vincie.model.io.ModelFolder;
import studio.vincie.model.nn.DitWeights;
import studio.vincie.session.Session;
import studio.vincie.session.io.ImageFiles;
import studio.vincie.session.io.SessionStore;

/** {@code vincie edit} end to end on a tiny randomly initialised model folder (tiny config, 2 steps). */
class EditCommandTest {

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static Path modelDir;
    private Path image;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void tinyModel() throws Exception {
        TinyFixtures.prepareEngine();
        modelDir = shared.resolve("tiny-model");
        ModelConfig c = TinyFixtures.config();
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFolder.save(modelDir, DitWeights.init(m, c, 7, false), TinyFixtures.tokenizer());
        }
    }

    @BeforeEach
    void sourceImage() throws Exception {
        image = dir.resolve("shoe.png");
        ImageFiles.writePng(TinyFixtures.noiseImage(32, 5), image);
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new VincieCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String[] edit(Path outDir, String... extra) {
        String[] base = {"edit", "--image", image.toString(), "--instruction", "make the red circle blue",
                "--instruction", "move the square left", "--model", modelDir.toString(), "--steps", "2",
                "--device", "cpu", "--out", outDir.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void twoInstructionsWriteTwoTurnsTheSessionAndTheStoryboard() throws Exception {
        Path outDir = dir.resolve("out");
        assertThat(run(edit(outDir, "--predict-masks"))).as(err.toString()).isZero();

        BufferedImage turn1 = ImageFiles.read(outDir.resolve("turn-1.png"));
        assertThat(turn1.getWidth()).isEqualTo(32);
        assertThat(ImageFiles.readPngText(outDir.resolve("turn-2.png")))
                .containsEntry("vincie:instruction", "move the square left")
                .containsEntry("vincie:seed", "2");
        assertThat(outDir.resolve("turn-2-current-mask.png")).exists();
        assertThat(outDir.resolve("turn-2-next-mask.png")).exists();
        assertThat(outDir.resolve("turn-3.png")).doesNotExist();
        assertThat(ImageFiles.read(outDir.resolve("storyboard.png")).getWidth()).isGreaterThan(3 * 256);

        Session reopened = SessionStore.load(outDir.resolve("session.vincie"));
        assertThat(reopened.size()).isEqualTo(3); // source + 2 turns
        assertThat(reopened.branch()).hasSize(3);
        assertThat(reopened.branch().get(1).instruction()).isEqualTo("make the red circle blue");
        assertThat(reopened.branch().get(2).modelId()).startsWith("tiny-");
        assertThat(reopened.title()).isEqualTo("shoe");
    }

    @Test
    void refusesToOverwriteUnlessForced() throws Exception {
        Path outDir = dir.resolve("out");
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("turn-1.png"), "keep me");

        assertThat(run(edit(outDir))).isEqualTo(2);
        assertThat(err.toString()).contains("turn-1.png").contains("--force");
        assertThat(Files.readString(outDir.resolve("turn-1.png"))).isEqualTo("keep me");

        assertThat(run(edit(outDir, "--force"))).as(err.toString()).isZero();
        assertThat(ImageFiles.read(outDir.resolve("turn-1.png")).getWidth()).isEqualTo(32);
    }

    @Test
    void aMissingModelSaysHowToGetOne() {
        String[] args = edit(dir.resolve("out"));
        args[8] = dir.resolve("models/default").toString();
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).contains("no model at " + dir.resolve("models/default"))
                .contains("train one with `vincie train` or pass --model")
                .doesNotContain("Exception");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aModelFolderMissingItsCodecIsABadInputNamingTheFile() throws Exception {
        Path broken = dir.resolve("broken-model");
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFolder.save(broken, DitWeights.init(m, TinyFixtures.config().withLatentChannels(4), 7, false),
                    TinyFixtures.tokenizer()); // says codec "autoencoder" but carries no codec files
        }
        String[] args = edit(dir.resolve("out"));
        args[8] = broken.toString();
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).contains("has no codec.json").contains("vincie train-codec")
                .doesNotContain("Exception");
    }

    @Test
    void aMaskOfTheWrongSizeIsRefused() throws Exception {
        Path mask = dir.resolve("mask.png");
        ImageFiles.writePng(TinyFixtures.blockMask(16, 1), mask);
        assertThat(run(edit(dir.resolve("out"), "--mask", mask.toString()))).isEqualTo(2);
        assertThat(err.toString()).contains("mask " + mask + " is 16x16 but the image is 32x32");
    }

    @Test
    void aCorruptImageAndAnUnknownFlagAreClearErrors() throws Exception {
        Files.writeString(image, "not a png");
        assertThat(run(edit(dir.resolve("out")))).isEqualTo(2);
        assertThat(err.toString()).contains("shoe.png").doesNotContain("Exception");

        assertThat(run("edit", "--image", image.toString(), "--instruction", "x", "--out", "o", "--colour", "red"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option").contains("'--colour'");
    }
}
