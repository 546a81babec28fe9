package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.session.EditSettings;
import studio.vincie.session.ScriptedEditModel;
import studio.vincie.session.SessionController;
import studio.vincie.session.TestImages;
import studio.vincie.session.Turn;

class EditorViewModelTest {

    @TempDir
    Path dir;

    private final SessionController controller = new SessionController(Runnable::run, Runnable::run);
    private EditorViewModel vm;

    @BeforeEach
    void setUp() {
        vm = TestEditors.inline(controller, dir);
    }

    @Test
    void theSelectedTurnIsWhatTheCanvasShowsAndSizesTheMask() {
        assertThat(vm.canvas().imageProperty().get()).isNull();
        controller.startFrom(TestImages.gradient(48, 32), "t");
        assertThat(vm.canvas().imageProperty().get()).isSameAs(controller.session().root().image());
        assertThat(vm.mask().mask().getWidth()).isEqualTo(48);
        assertThat(vm.imageSizeProperty().get()).isEqualTo("48 × 32 px");

        controller.setModel(new ScriptedEditModel());
        controller.edit("first", null, new EditSettings(1, 2, 1f));
        Turn first = controller.session().current();
        assertThat(vm.canvas().imageProperty().get()).isSameAs(first.image());
        assertThat(vm.canvas().predictedNextMaskProperty().get()).isSameAs(first.predictedNextMask());

        vm.history().select(controller.session().root());
        assertThat(vm.canvas().imageProperty().get()).isSameAs(controller.session().root().image());
        assertThat(vm.canvas().predictedNextMaskProperty().get()).isNull();
    }

    @Test
    void theEditorIsUsableWithoutAModel() {
        vm.model().loadDefault();
        controller.startFrom(TestImages.gradient(48, 32), "t");
        vm.mask().beginStroke(10, 10);
        vm.mask().endStroke();
        assertThat(vm.mask().emptyProperty().get()).isFalse();
        assertThat(vm.model().statusProperty().get()).contains("No model installed");
        assertThat(vm.files().saveAs(dir.resolve("masked.vincie")).join()).isTrue();
    }

    @Test
    void theTitleShowsTheSessionNameAndAStarWhenDirty() {
        controller.startFrom(TestImages.gradient(8, 8), "beach");
        assertThat(vm.files().titleProperty().get()).isEqualTo("beach* — Vincie Studio");
        controller.markSaved(controller.savePoint());
        assertThat(vm.files().titleProperty().get()).isEqualTo("beach — Vincie Studio");
        controller.close();
        assertThat(vm.files().titleProperty().get()).isEqualTo("Vincie Studio");
    }
}
