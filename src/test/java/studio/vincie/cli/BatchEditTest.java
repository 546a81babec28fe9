package studio.vincie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.session.EditSettings;
import studio.vincie.session.ScriptedEditModel;
import studio.vincie.session.Session;
import studio.vincie.session.TestImages;

/** BatchEdit on the scripted fake: turns chain, the mask goes to turn 1 only, masks are written. */
class BatchEditTest {

    @TempDir
    Path dir;

    @Test
    void eachTurnContinuesThePreviousOneAndTheMaskAppliesToTheFirst() throws Exception {
        ScriptedEditModel model = new ScriptedEditModel();
        BufferedImage source = TestImages.gradient(40, 30);
        BufferedImage mask = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        mask.getRaster().setSample(3, 4, 0, 255);
        List<String> ticks = new ArrayList<>();
        Session s = BatchEdit.run(model, new BatchEdit.Job(source, "walk", List.of("make it red", "make it blue",
                "make it green"), mask, new EditSettings(10, 2, 1f)),
                (turn, turns, done, total) -> ticks.add(turn + "/" + turns + ":" + done + "/" + total));

        assertThat(s.branch()).hasSize(4);
        assertThat(model.requests()).hasSize(3);
        assertThat(model.requests().get(0).userMask()).isSameAs(mask);
        assertThat(model.requests().get(1).userMask()).isNull();
        assertThat(model.requests().get(2).currentImage()).isSameAs(s.branch().get(2).image());
        assertThat(model.requests().get(2).seed()).isEqualTo(12);
        assertThat(ticks).containsSubsequence("1/3:2/2", "2/3:1/2", "3/3:2/2");

        List<Path> written = BatchEdit.write(s, dir);
        assertThat(written).containsAll(BatchEdit.outputs(dir, 3)); // the fake predicts both masks every turn
        assertThat(BatchEdit.existing(dir, 3)).hasSize(3 * 3 + 2);
    }
}
