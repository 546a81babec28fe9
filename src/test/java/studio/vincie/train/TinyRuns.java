package studio.vincie.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import studio.vincie.data.dataset.Dataset;

/** Shared fixtures of the trainer tests: a tiny studio dataset (32 px) and fast tiny-preset options. */
final class TinyRuns {

    private TinyRuns() {
    }

    /** {@code sessions} studio sessions of 2-3 turns at 32 px, one of them in val. */
    static Dataset dataset(Path dir, int sessions) {
        StudioDatasets.write(dir, sessions, 32, 5, 2, 3, 0.0);
        // one val session for the validation loss: reuse session 0 through a second writer would change
        // the manifest; instead the splits come from heldOut = 0 (all train) and validation is off.
        return Dataset.open(dir);
    }

    static TrainOptions options(int steps, float lr) {
        TrainOptions d = TrainOptions.defaults("tiny");
        return new TrainOptions("tiny", steps, 2, lr, 3, 0.1f, 0.01f, 1.0f, 0.9f, 3L, 0, 1.0f, 0f, 0f, d.lossTFloor(), 128, 0, 0, 5.0, 0,
                0, d.queueSize(), false);
    }

    static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
