package studio.vincie.bench.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import studio.vincie.cli.SpeedCommand;

/** The speed command end to end on the tiny preset: exit code, JSON keys of issue 3, plot. No timing checks. */
class SpeedBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void writesExactlyTheIssueKeysAndAPlot() throws Exception {
        Path json = dir.resolve("out.json");
        Path png = dir.resolve("out.png");
        int rc = new CommandLine(new SpeedCommand()).execute("--config", "tiny", "--turns", "2", "--repeats", "1",
                "--threads", "1", "--json", json.toString(), "--plot", png.toString());
        assertThat(rc).isZero();
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertThat(o.keySet()).isEqualTo(Set.of("turns", "steps", "guidance", "matmul_gflops", "achieved_gflops",
                "peak_rss_mb"));
        assertThat(o.getAsJsonArray("turns")).hasSize(2);
        JsonObject t2 = o.getAsJsonArray("turns").get(1).getAsJsonObject();
        assertThat(t2.keySet()).isEqualTo(Set.of("turn", "context_tokens", "cached_ms_per_turn",
                "uncached_ms_per_turn", "ms_per_step"));
        assertThat(t2.get("turn").getAsInt()).isEqualTo(2);
        // tiny: I0 16 + T1 6 + C1 4 + N1 4 + I1 16 + T2 6 + C2 4
        assertThat(t2.get("context_tokens").getAsInt()).isEqualTo(56);
        assertThat(o.get("steps").getAsInt()).isEqualTo(8);
        assertThat(Files.size(png)).isGreaterThan(1000);
    }

    @Test
    void badOptionsGiveANonZeroExitCode() {
        assertThat(new CommandLine(new SpeedCommand()).execute("--config", "huge")).isEqualTo(2);
    }
}
