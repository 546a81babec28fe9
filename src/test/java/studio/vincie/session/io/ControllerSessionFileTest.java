package studio.vincie.session.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.session.EditSettings;
import studio.vincie.session.ScriptedEditModel;
import studio.vincie.session.Session;
import studio.vincie.session.SessionController;
import studio.vincie.session.TestImages;
import studio.vincie.session.Turn;

/** The editor's save / reopen / continue flow, on the scripted fake model. */
class ControllerSessionFileTest {

    @TempDir
    Path dir;

    @Test
    void reopenedSessionContinuesWithTheSameContext() throws IOException {
        SessionController controller = new SessionController(Runnable::run, Runnable::run);
        ScriptedEditModel model = new ScriptedEditModel();
        controller.setModel(model);
        controller.startFrom(TestImages.gradient(32, 24), "fake run");
        EditSettings settings = new EditSettings(3, 2, 1.5f);
        controller.edit("first", TestImages.rectMask(32, 24, 0, 0, 8, 8), settings);
        controller.edit("second", null, settings);

        Session before = controller.session();
        Path file = dir.resolve("run.vincie");
        SessionStore.save(before, file);
        controller.markSaved(controller.savePoint());
        Session loaded = SessionStore.load(file);
        controller.open(loaded);

        assertThat(controller.isDirty()).isFalse();
        assertThat(loaded.branch()).extracting(Turn::instruction).containsExactly("", "first", "second");
        Turn second = loaded.current();
        assertThat(second.image().getRGB(16, 12)).isEqualTo(ScriptedEditModel.colorFor("second").getRGB());
        SessionFixtures.assertSamePixels(second.image(), before.current().image());
        SessionFixtures.assertSamePixels(second.predictedNextMask(), before.current().predictedNextMask());
        assertThat(second.parent().userMask().getRaster().getSample(2, 2, 0)).isEqualTo(255);

        controller.edit("third", null, settings);
        var request = model.requests().get(2);
        assertThat(request.history()).extracting(p -> p.instruction()).containsExactly("first", "second");
        assertThat(controller.session().current().depth()).isEqualTo(3);
    }
}
