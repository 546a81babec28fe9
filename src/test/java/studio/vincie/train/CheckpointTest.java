package studio.vincie.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint files round-trip exactly, replace each other atomically, and refuse damage with a clear message. */
class CheckpointTest {

    @TempDir
    Path dir;

    private Checkpoint sample(int step) {
        Map<String, float[]> t = new LinkedHashMap<>();
        t.put("w.a", new float[] {1f, -2.5f, Float.MIN_VALUE, 3e30f});
        t.put("ema.a", new float[] {0.5f, 0.25f, 0f, -0f});
        t.put("adam.m.a", new float[1000]);
        Arrays.fill(t.get("adam.m.a"), step);
        return new Checkpoint(step, step * 2L, TrainOptions.defaults("tiny"),
                studio.vincie.model.ModelConfig.tiny(40).withKeepThreshold(6), t);
    }

    @Test
    void roundTripsExactlyAndKeepsThePreviousFile() throws Exception {
        sample(3).write(dir);
        sample(7).write(dir);
        Checkpoint now = Checkpoint.read(dir.resolve(Checkpoint.FILE));
        Checkpoint before = Checkpoint.read(dir.resolve(Checkpoint.PREVIOUS));
        assertThat(now.step()).isEqualTo(7);
        assertThat(now.adamSteps()).isEqualTo(14);
        assertThat(before.step()).isEqualTo(3);
        assertThat(now.options()).isEqualTo(TrainOptions.defaults("tiny"));
        assertThat(now.config()).isEqualTo(studio.vincie.model.ModelConfig.tiny(40).withKeepThreshold(6));
        assertThat(now.model(99)).as("the stored model, not today's preset").isEqualTo(now.config());
        assertThat(now.tensors().get("w.a")).containsExactly(1f, -2.5f, Float.MIN_VALUE, 3e30f);
        assertThat(now.group("ema.")).containsOnlyKeys("a");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .as("no temporary file left behind").containsExactlyInAnyOrder(Checkpoint.FILE, Checkpoint.PREVIOUS);
    }

    @Test
    void aTruncatedCheckpointGivesAClearError() throws Exception {
        sample(5).write(dir);
        Path file = dir.resolve(Checkpoint.FILE);
        byte[] all = Files.readAllBytes(file);
        for (int cut : new int[] {all.length - 1, all.length / 2, 20, 0}) {
            Files.write(file, Arrays.copyOf(all, cut));
            assertThatThrownBy(() -> Checkpoint.read(file)).as("cut at %d bytes", cut)
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("truncated or damaged")
                    .hasMessageContaining(Checkpoint.PREVIOUS);
        }
    }

    @Test
    void aFlippedByteIsCaughtByTheChecksum() throws Exception {
        sample(5).write(dir);
        Path file = dir.resolve(Checkpoint.FILE);
        byte[] all = Files.readAllBytes(file);
        all[all.length - 100] ^= 0x10;
        Files.write(file, all);
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void otherFilesAreNotCheckpoints() throws Exception {
        Path file = dir.resolve(Checkpoint.FILE);
        Files.writeString(file, "this is a text file, long enough to pass the size check");
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("not a Vincie training checkpoint");
    }
}
