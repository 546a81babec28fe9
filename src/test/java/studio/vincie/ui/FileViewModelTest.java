package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.session.EditSettings;
import studio.vincie.session.ScriptedEditModel;
import studio.vincie.session.SessionController;
import studio.vincie.session.TestImages;
import studio.vincie.session.io.Autosave;
import studio.vincie.ui.file.FileViewModel;

class FileViewModelTest {

    @TempDir
    Path dir;

    private final SessionController controller = new SessionController(Runnable::run, Runnable::run);
    private final RecordingErrors errors = new RecordingErrors();
    private FileViewModel files;
    private Path image;

    @BeforeEach
    void setUp() throws Exception {
        files = new FileViewModel(controller, new Autosave(dir.resolve("autosave")), errors, Runnable::run, Runnable::run);
        controller.setModel(new ScriptedEditModel());
        image = dir.resolve("street.png");
        ImageIO.write(TestImages.gradient(40, 30), "png", image.toFile());
    }

    @Test
    void openingAnImageStartsAnUnsavedSessionNamedAfterIt() {
        assertThat(files.titleProperty().get()).isEqualTo("Vincie Studio");
        assertThat(files.open(image)).isTrue();
        assertThat(controller.session().root().image().getWidth()).isEqualTo(40);
        assertThat(files.titleProperty().get()).isEqualTo("street* — Vincie Studio");
        assertThat(files.dirtyProperty().get()).isTrue();
        assertThat(files.currentFileProperty().get()).isNull();
    }

    @Test
    void saveAndReopenKeepTurnsAndPixels() {
        files.openImage(image);
        controller.edit("make it red", null, new EditSettings(3, 2, 1f));
        BufferedImage edited = controller.session().current().image();

        Path saved = dir.resolve("walk");
        assertThat(files.saveAs(saved).join()).isTrue();
        Path file = dir.resolve("walk.vincie");
        assertThat(files.currentFileProperty().get()).isEqualTo(file);
        assertThat(files.titleProperty().get()).isEqualTo("walk — Vincie Studio");

        files.newSession();
        assertThat(files.hasSessionProperty().get()).isFalse();
        assertThat(files.open(file)).isTrue();
        assertThat(controller.session().size()).isEqualTo(2);
        assertThat(files.dirtyProperty().get()).isFalse();
        BufferedImage reopened = controller.session().allTurns().get(1).image();
        assertThat(reopened.getRGB(20, 15)).isEqualTo(edited.getRGB(20, 15));
        assertThat(controller.session().allTurns().get(1).instruction()).isEqualTo("make it red");
    }

    @Test
    void aBadImageIsReportedAndTheOpenSessionStays() throws Exception {
        files.openImage(image);
        Path bad = dir.resolve("broken.png");
        Files.writeString(bad, "not an image");

        assertThat(files.open(bad)).isFalse();
        assertThat(errors.titles).containsExactly("Cannot open image");
        assertThat(errors.messages.get(0)).isNotBlank();
        assertThat(controller.session().title()).isEqualTo("street");
    }

    @Test
    void aCorruptSessionIsReported() throws Exception {
        Path bad = dir.resolve("broken.vincie");
        Files.writeString(bad, "garbage");
        assertThat(files.open(bad)).isFalse();
        assertThat(errors.titles).containsExactly("Cannot open session");
        assertThat(controller.session()).isNull();
    }

    @Test
    void autosaveWritesOnlyWhenDirtyAndRecoversAsUnsavedWork() {
        files.autosaveIfDirty();
        assertThat(files.recoverable()).isEmpty();
        files.openImage(image);
        controller.edit("one", null, new EditSettings(3, 2, 1f));
        files.autosaveIfDirty();
        Optional<Path> found = files.recoverable();
        assertThat(found).isPresent();

        files.newSession();
        assertThat(files.recover()).isTrue();
        assertThat(controller.session().size()).isEqualTo(2);
        assertThat(files.dirtyProperty().get()).isTrue();
        assertThat(files.currentFileProperty().get()).isNull();

        assertThat(files.saveAs(dir.resolve("kept.vincie")).join()).isTrue();
        assertThat(files.recoverable()).isEmpty();
        assertThat(files.dirtyProperty().get()).isFalse();
    }

    @Test
    void storyboardExportWritesAPng() throws Exception {
        files.openImage(image);
        controller.edit("one", null, new EditSettings(3, 2, 1f));
        Path png = dir.resolve("story.png");
        assertThat(files.exportStoryboard(png)).isTrue();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(40);
        Path pdf = dir.resolve("story.pdf");
        assertThat(files.exportStoryboard(pdf)).isTrue();
        assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
    }
}
