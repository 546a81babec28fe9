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
 * and on studio scenes its edits land where the instruction points: the mean change inside the
 * ground-truth edit region is several times the change outside it, and the picture stays close to the
 * ground truth. The figures are means over held-out sessions (seeds the training data never used), the
 * same ones {@link TurnOneCheck} prints, and the edits are not grainy (the benchmark's noise figure
 * stays near the ground truth's, far below the +-4 grain of {@code oracle-noise:4}, which reads 9); the
 * thresholds are loose on purpose, so the test states what
 * the model can do rather than a lucky example. It does not claim that the model beats returning the
 * input unchanged: it does not yet (models/default/MODEL_CARD.md).
 */
class ShippedModelTest {

    private static final Path FOLDER = Path.of("models", "default");

    /** Held-out sessions for the studio check (the check's own seed family, see TurnOneCheck). */
    private static final int SESSIONS = 12;
    private static final long SEED = 5;
    /** Well below the shipped model's measured mean (MODEL_CARD.md) and far above a wrecked picture. */
    private static final double MIN_PSNR = 20.0;
    /**
     * Mean high-frequency excess over the ground truth (0..255): on {@code TurnOneCheck models/default
     * 20 5} the model shipped on 2026-12-07 (third sitting) reads 1.14 and the one before it 1.08 on the
     * current sessions (0.91 and 1.03 on the benchmark's turn 1; earlier models 1.23 and 1.83 on the
     * sessions before added objects moved to their stated place), uniform +-4 grain 9
     * ({@code oracle-noise:4}); the run-w export not shipped for its noise read 10.3 in absolute terms
     * on the sample walkthrough, where the start image reads 3.0.
     */
    private static final double MAX_NOISE = 3.0;

    @BeforeAll
    static void folderIsThere() {
        assertThat(FOLDER.resolve("config.json")).as("the shipped model").exists();
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
        double noise = 0;
        try (DitEditModel model = DitEditModel.load(FOLDER)) {
            for (int i = 0; i < SESSIONS; i++) {
                StudioSession s = TurnOneCheck.session(SEED, i, model.config().imageSize());
                TurnOneCheck.Figures f = TurnOneCheck.check(model, s, SEED + i);
                psnrModel += f.psnrModel() / SESSIONS;
                psnrIdentity += f.psnrIdentity() / SESSIONS;
                inside += f.changeInside() / SESSIONS;
                outside += f.changeOutside() / SESSIONS;
                noise += f.noise() / SESSIONS;
            }
        }
        // The change lies where the instruction points, and the rest of the picture survives the edit.
        assertThat(inside).as("mean |change| inside the edit region vs outside %.2f", outside)
                .isGreaterThan(4 * outside);
        assertThat(psnrModel).as("mean PSNR to the ground truth (returning the input: %.2f dB)", psnrIdentity)
                .isGreaterThan(MIN_PSNR);
        assertThat(noise).as("mean high-frequency excess over the ground truth").isLessThan(MAX_NOISE);
    }
}
