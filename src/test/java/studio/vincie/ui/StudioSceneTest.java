package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.app.StudioScenes;
import studio.vincie.session.SessionController;
import studio.vincie.session.io.Autosave;
import studio.vincie.ui.file.FileViewModel;

/** File > New studio scene through the file view-model, with the app's real studio-world scenes. */
class StudioSceneTest {

    @TempDir
    Path dir;

    private final SessionController controller = new SessionController(Runnable::run, Runnable::run);
    private final RecordingErrors errors = new RecordingErrors();

    @Test
    void newStudioSceneStartsAnUnsavedSessionFromAFresh128PixelScene() {
        FileViewModel files = new FileViewModel(controller, new Autosave(dir), errors, Runnable::run, Runnable::run,
                new StudioScenes(new Random(11)));
        assertThat(files.hasStudioScenes()).isTrue();

        assertThat(files.newStudioScene()).isTrue();
        BufferedImage first = controller.session().root().image();
        assertThat(first.getWidth()).isEqualTo(128);
        assertThat(first.getHeight()).isEqualTo(128);
        assertThat(colors(first)).as("a backdrop with several shapes, not a blank image").isGreaterThan(5);
        assertThat(controller.session().size()).isEqualTo(1);
        assertThat(files.dirtyProperty().get()).isTrue();
        assertThat(files.titleProperty().get()).startsWith("Studio scene*");

        assertThat(files.newStudioScene()).isTrue();
        BufferedImage second = controller.session().root().image();
        assertThat(differentPixels(first, second)).as("a fresh seed each time").isGreaterThan(100);
        assertThat(errors.messages).isEmpty();
    }

    @Test
    void withoutScenesTheCommandDoesNothing() {
        FileViewModel files = new FileViewModel(controller, new Autosave(dir), errors, Runnable::run, Runnable::run);
        assertThat(files.hasStudioScenes()).isFalse();
        assertThat(files.newStudioScene()).isFalse();
        assertThat(controller.session()).isNull();
    }

    private static int colors(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static int differentPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }
}
