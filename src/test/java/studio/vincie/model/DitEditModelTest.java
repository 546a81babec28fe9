package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.vincie.model.io.ModelFolder;
import studio.vincie.model.io.ModelLoadException;
import studio.vincie.model.nn.DitWeights;

/** DitEditModel through the EditModel interface: loading, a two-turn edit, progress, cancel. */
class DitEditModelTest {

    @org.junit.jupiter.api.BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    @TempDir
    Path dir;

    private Path tinyFolder() throws Exception {
        ModelConfig c = TinyFixtures.config();
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFolder.save(dir, DitWeights.init(m, c, 41, false), TinyFixtures.tokenizer());
        }
        return dir;
    }

    @Test
    void editsAtTheSourceSizeWithProgressAndPredictedMasks() throws Exception {
        try (DitEditModel model = DitEditModel.load(tinyFolder(), Device.cpu())) {
            assertThat(model.info().id()).startsWith("tiny-");
            assertThat(model.info().defaultSteps()).isEqualTo(8);
            BufferedImage source = TinyFixtures.noiseImage(48, 3); // not the model's 32 px
            AtomicInteger steps = new AtomicInteger();
            EditResult first = model.edit(new EditRequest(source, List.of(), "make the red circle blue", null, 1, 4, 2f),
                    (done, total) -> steps.set(done), Cancellation.NEVER);
            assertThat(first.image().getWidth()).isEqualTo(48);
            assertThat(first.currentMask()).isNull();
            assertThat(steps.get()).isEqualTo(4);
            model.setSegmentationFirst(true);
            EditResult second = model.edit(new EditRequest(source,
                    List.of(new EditRequest.PriorTurn("make the red circle blue", null, null, first.image())),
                    "move the square left", null, 2, 4, 2f), (done, total) -> steps.set(total), Cancellation.NEVER);
            assertThat(steps.get()).isEqualTo(12);
            assertThat(second.currentMask()).isNotNull();
            assertThat(second.nextMask().getHeight()).isEqualTo(48);
        }
    }

    @Test
    void segmentationFirstInTwoPhases() throws Exception {
        try (DitEditModel model = DitEditModel.load(tinyFolder(), Device.cpu())) {
            BufferedImage source = TinyFixtures.noiseImage(32, 4);
            AtomicInteger total = new AtomicInteger();
            EditRequest request = new EditRequest(source, List.of(), "remove the circle", null, 3, 4, 2f);
            BufferedImage[] regions = model.predictRegions(request, (done, all) -> total.set(all), Cancellation.NEVER);
            assertThat(total.get()).isEqualTo(8); // Ck and Nk, 4 steps each
            assertThat(regions[0].getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(regions[1]).isNotNull();
            // the user accepts Ck as is: the image is generated with it as the user mask
            EditResult result = model.edit(new EditRequest(source, List.of(), "remove the circle", regions[0], 3, 4, 2f),
                    (done, all) -> total.set(all), Cancellation.NEVER);
            assertThat(total.get()).isEqualTo(4);
            assertThat(result.image().getWidth()).isEqualTo(32);
            assertThat(result.currentMask()).isNull(); // a user mask is not echoed
        }
    }

    @Test
    void aFreshSourceConditionedModelReturnsItsInput() throws Exception {
        // DiT's zero init leaves image_out at zero, so x0 = source: every Euler step of every turn lands on
        // the source and an untrained model edits nothing instead of painting noise.
        ModelConfig c = TinyFixtures.config();
        assertThat(c.sourceConditioning()).isTrue();
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFolder.save(dir, DitWeights.init(m, c, 5, true), TinyFixtures.tokenizer());
        }
        try (DitEditModel model = DitEditModel.load(dir, Device.cpu())) {
            BufferedImage source = TinyFixtures.noiseImage(32, 9);
            EditResult first = model.edit(new EditRequest(source, List.of(), "add a green triangle", null, 4, 6, 3f),
                    EditProgress.NONE, Cancellation.NEVER);
            EditResult second = model.edit(new EditRequest(source,
                    List.of(new EditRequest.PriorTurn("add a green triangle", null, null, first.image())),
                    "remove the circle", null, 5, 6, 3f), EditProgress.NONE, Cancellation.NEVER);
            for (BufferedImage out : List.of(first.image(), second.image())) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        assertThat(out.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(source.getRGB(x, y));
                    }
                }
            }
        }
    }

    @Test
    void withAUserMaskTheEditStaysInside() throws Exception {
        try (DitEditModel model = DitEditModel.load(tinyFolder(), Device.cpu())) {
            BufferedImage source = TinyFixtures.noiseImage(64, 12); // twice the model's size: 1 model px = 2 px
            BufferedImage mask = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 20; y < 40; y++) {
                for (int x = 20; x < 40; x++) {
                    mask.getRaster().setSample(x, y, 0, 255);
                }
            }
            EditResult r = model.edit(new EditRequest(source, List.of(), "remove the circle", mask, 2, 4, 2f),
                    EditProgress.NONE, Cancellation.NEVER);
            int changedInside = 0;
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    boolean far = x < 12 || x >= 48 || y < 12 || y >= 48; // beyond grow + feather (4 + 4 px)
                    if (far) {
                        assertThat(r.image().getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(source.getRGB(x, y));
                    } else if (x >= 20 && x < 40 && y >= 20 && y < 40 && r.image().getRGB(x, y) != source.getRGB(x, y)) {
                        changedInside++;
                    }
                }
            }
            assertThat(changedInside).as("the random model does change the region").isGreaterThan(300);
        }
    }

    @Test
    void aKeepThresholdKeepsThePatchesTheModelBarelyChanged() throws Exception {
        BufferedImage source = TinyFixtures.noiseImage(32, 5); // the model's size: its output is not rescaled
        BufferedImage plain = editWithKeepThreshold(0f, source);
        double[] change = studio.vincie.model.codec.ChangeRegion.blockMeans(source, plain, 8);
        double[] sorted = change.clone();
        java.util.Arrays.sort(sorted);
        assertThat(sorted[sorted.length - 1]).as("the random model changes some blocks more than others")
                .isGreaterThan(sorted[0] + 1);
        double threshold = (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2; // half the blocks each side
        BufferedImage kept = editWithKeepThreshold((float) threshold, source);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                if (change[(y / 8) * 4 + x / 8] > threshold) {
                    assertThat(kept.getRGB(x, y)).as("changed block, pixel %d,%d", x, y).isEqualTo(plain.getRGB(x, y));
                } else if (!nearChangedBlock(change, threshold, x, y, 4)) { // beyond grow + feather (2 + 2 px)
                    assertThat(kept.getRGB(x, y)).as("kept block, pixel %d,%d", x, y).isEqualTo(source.getRGB(x, y));
                }
            }
        }
    }

    @Test
    void aKeepThresholdWorksAtTheSourceSize() throws Exception {
        BufferedImage source = TinyFixtures.noiseImage(48, 6); // not the model's 32 px
        // No block's mean change can exceed 255: everything is kept. Half a level: everything is the model's.
        assertThat(differs(editWithKeepThreshold(255f, source), source)).isFalse();
        BufferedImage plain = editWithKeepThreshold(0f, source);
        assertThat(differs(plain, source)).as("the random model does change the picture").isTrue();
        assertThat(differs(editWithKeepThreshold(0.5f, source), plain)).isFalse();
    }

    private static boolean nearChangedBlock(double[] change, double threshold, int x, int y, int band) {
        for (int v = Math.max(0, y - band); v <= Math.min(31, y + band); v++) {
            for (int u = Math.max(0, x - band); u <= Math.min(31, x + band); u++) {
                if (change[(v / 8) * 4 + u / 8] > threshold) {
                    return true;
                }
            }
        }
        return false;
    }

    private BufferedImage editWithKeepThreshold(float threshold, BufferedImage source) throws Exception {
        Path folder = dir.resolve("keep-" + threshold);
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFolder.save(folder, DitWeights.init(m, TinyFixtures.config().withKeepThreshold(threshold), 41, false),
                    TinyFixtures.tokenizer());
        }
        try (DitEditModel model = DitEditModel.load(folder, Device.cpu())) {
            return model.edit(new EditRequest(source, List.of(), "remove the circle", null, 3, 4, 1f),
                    EditProgress.NONE, Cancellation.NEVER).image();
        }
    }

    private static boolean differs(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void cancellationStopsTheEdit() throws Exception {
        try (DitEditModel model = DitEditModel.load(tinyFolder(), Device.cpu())) {
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> model.edit(new EditRequest(TinyFixtures.noiseImage(32, 1), List.of(), "x", null,
                    1, 8, 1f), EditProgress.NONE, () -> calls.incrementAndGet() > 2))
                    .isInstanceOf(CancellationException.class);
            assertThat(calls.get()).isEqualTo(3);
        }
    }

    @Test
    void missingFolderGivesAClearMessage() {
        assertThatThrownBy(() -> DitEditModel.load(dir.resolve("missing"), Device.cpu()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("does not exist");
    }
}
