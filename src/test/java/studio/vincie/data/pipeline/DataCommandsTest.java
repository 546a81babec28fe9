package studio.vincie.data.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import studio.vincie.cli.VincieCommand;
import studio.vincie.data.dataset.Dataset;

/** {@code vincie videos} and {@code vincie prepare} through picocli: files, exit codes. */
class DataCommandsTest {

    @TempDir
    Path dir;

    private static int run(String... args) {
        return new CommandLine(new VincieCommand()).execute(args);
    }

    @Test
    void videosThenPrepare() throws Exception {
        Path videos = dir.resolve("v");
        assertThat(run("videos", "--count", "2", "--seed", "4", "--size", "64", "--events", "3", "--out",
                videos.toString(), "--no-progress")).isZero();
        assertThat(videos.resolve("studio_00000.mp4")).isRegularFile();
        assertThat(videos.resolve("studio_00001.json")).isRegularFile();
        Path ds = dir.resolve("ds");
        assertThat(run("prepare", "--videos", videos.toString(), "--out", ds.toString(), "--size", "64",
                "--no-progress")).isZero();
        assertThat(Dataset.open(ds).imageSize()).isEqualTo(64);
    }

    @Test
    void badInputGivesNonZeroExitCodes() throws Exception {
        assertThat(run("videos", "--count", "0", "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(run("videos", "--count", "1", "--size", "33", "--out", dir.resolve("x").toString())).isEqualTo(2);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run("prepare", "--videos", empty.toString(), "--out", dir.resolve("d").toString())).isEqualTo(2);
        assertThat(run("prepare", "--videos", dir.resolve("missing").toString(), "--out", dir.resolve("d").toString()))
                .isEqualTo(2);
        assertThat(run("prepare", "--videos", empty.toString(), "--out", dir.resolve("d").toString(),
                "--vlm-url", "http://localhost:1/v1")).isEqualTo(2); // no model given
    }
}
