package studio.vincie.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studio.vincie.data.world.StudioSession;
import studio.vincie.data.world.StudioSessionGenerator;
import studio.vincie.model.Cancellation;
import studio.vincie.model.DitEditModel;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;

/**
 * The model shipped in {@code models/default} (issue 5): it loads, names its domain, performs an edit,
 * and on studio scenes it does better than returning the input: it changes the region the instruction
 * names and leaves the rest. The figures are means over held-out sessions (seeds the training data
 * never used), the same ones {@link TurnOneCheck} prints; the thresholds are loose on purpose, so
 * the test states what the model can do rather than a lucky example.
 */
class ShippedModelTest {

    private static final Path FOLDER = Path.of("models", "default");

    /** Held-out sessions for the studio check (the check's own seed family, see TurnOneCheck). */
    private static final int SESSIONS = 12;
    private static final long SEED = 5;

    @BeforeAll
    static void folderIsThere() {
        // No model is shipped yet (README, Status): until one is, these tests are skipped, not passed.
        // Once models/default is committed, make this an assertion so a missing folder fails.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(FOLDER.resolve("config.json")),
                "no model shipped in models/default yet");
        assertThat(FOLDER.resolve("MODEL_CARD.md")).exists();
    }

    @Test
    void loadsNamesItsDomainAndEdits() throws Exception {
        try (DitEditModel model = DitEditModel.load(FOLDER)) {
            assertThat(model.info().domain()).containsIgnoringCase("studio");
            StudioSession s = StudioSessionGenerator.generate(SEED * 7_000_003L, 1, 200, 150,
                    List.of(studio.vincie.data.world.EventType.values()));
            BufferedImage source = s.startImage();
            EditResult r = model.edit(new EditRequest(source, List.of(), s.turns().get(0).text(), null, 1,
                    model.config().defaultSteps(), model.config().defaultGuidance()), (d, t) -> { }, Cancellation.NEVER);
            assertThat(r.image().getWidth()).isEqualTo(200);
            assertThat(r.image().getHeight()).isEqualTo(150);
        }
    }

    @Test
    void studioEditsChangeTheNamedRegionAndKeepTheRest() throws Exception {
        assertThat(Files.size(FOLDER.resolve("weights.safetensors"))).isLessThan(50L << 20);
        double psnrModel = 0;
        double psnrIdentity = 0;
        double inside = 0;
        double outside = 0;
        try (DitEditModel model = DitEditModel.load(FOLDER)) {
            for (int i = 0; i < SESSIONS; i++) {
                StudioSession s = TurnOneCheck.session(SEED, i, model.config().imageSize());
                TurnOneCheck.Figures f = TurnOneCheck.check(model, s, SEED + i);
                psnrModel += f.psnrModel() / SESSIONS;
                psnrIdentity += f.psnrIdentity() / SESSIONS;
                inside += f.changeInside() / SESSIONS;
                outside += f.changeOutside() / SESSIONS;
            }
        }
        // Closer to the ground truth than doing nothing, and the change lies where the instruction points.
        assertThat(psnrModel).as("mean PSNR to the ground truth, model vs identity %.2f dB", psnrIdentity)
                .isGreaterThan(psnrIdentity);
        assertThat(inside).as("mean |change| inside the edit region vs outside %.2f", outside)
                .isGreaterThan(4 * outside);
    }
}
