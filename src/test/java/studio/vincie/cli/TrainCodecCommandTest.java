package studio.vincie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code vincie train-codec} on bad input: one clear line, exit code 2, nothing overwritten. */
class TrainCodecCommandTest {

    @TempDir
    Path dir;

    @Test
    void anExistingCodecIsKeptWithoutForce() throws Exception {
        Path out = Files.createDirectories(dir.resolve("codec"));
        Files.writeString(out.resolve("codec.safetensors"), "mine");
        Result r = run("--data", dir.resolve("data").toString(), "--out", out.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("codec.safetensors exists").contains("--force");
        assertThat(Files.readString(out.resolve("codec.safetensors"))).isEqualTo("mine");
    }

    @Test
    void badValuesAndAMissingDatasetAreNamed() {
        Result channels = run("--data", dir.toString(), "--out", dir.resolve("c").toString(), "--latent-channels", "0");
        assertThat(channels.code).isEqualTo(2);
        assertThat(channels.err).contains("latentChannels must be in [1, 1024], was 0");
        Result size = run("--data", dir.toString(), "--out", dir.resolve("c").toString(), "--image-size", "100");
        assertThat(size.code).isEqualTo(2);
        assertThat(size.err).contains("must be a multiple of downsample 16");
        Result cell = run("--data", dir.toString(), "--out", dir.resolve("c").toString(), "--cell-size", "12");
        assertThat(cell.code).isEqualTo(2);
        assertThat(cell.err).contains("cell size must be a power of two");
        Result data = run("--data", dir.resolve("nowhere").toString(), "--out", dir.resolve("c").toString());
        assertThat(data.code).isEqualTo(2);
        assertThat(data.err).startsWith("Error: ").contains("nowhere");
        assertThat(run("--data", dir.toString(), "--out", dir.toString(), "--frobnicate").code).isEqualTo(2);
    }

    private record Result(int code, String err) {
    }

    private static Result run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new TrainCodecCommand()).execute(args);
            return new Result(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }
}
