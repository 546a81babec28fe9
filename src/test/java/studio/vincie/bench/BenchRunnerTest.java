package studio.vincie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import studio.vincie.model.Cancellation;
import studio.vincie.model.EditModel;
import studio.vincie.model.EditProgress;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;
import studio.vincie.model.ModelInfo;

/** The runner feeds the model its own outputs, as the editor does, and the user mask when asked. */
class BenchRunnerTest {

    @Test
    void historyHoldsTheModelsOwnOutputsAndGivenMasks() {
        BenchSession session = HandMadeSessions.session();
        Recorder model = new Recorder();
        new BenchRunner(model, new TurnJudge(JudgeTolerances.DEFAULT), new BenchRunner.Options(true, 3, 1.5f, 9))
                .run(List.of(session), s -> { });
        assertThat(model.requests).hasSize(2);
        EditRequest first = model.requests.get(0);
        EditRequest second = model.requests.get(1);
        assertThat(first.history()).isEmpty();
        assertThat(first.userMask()).isSameAs(session.turns().get(0).currentMask());
        assertThat(first.instruction()).isEqualTo(session.turns().get(0).instruction());
        assertThat(first.steps()).isEqualTo(3);
        // Turn 2 edits the model's own turn-1 output, not the ground truth.
        assertThat(second.currentImage()).isSameAs(model.outputs.get(0));
        assertThat(second.history().get(0).currentMask()).isSameAs(session.turns().get(0).currentMask());
        assertThat(second.history().get(0).nextMask()).isSameAs(model.masks.get(0));
        assertThat(second.source()).isSameAs(session.source());
    }

    @Test
    void withoutGivenMasksNoUserMaskIsPassed() {
        Recorder model = new Recorder();
        new BenchRunner(model, new TurnJudge(JudgeTolerances.DEFAULT), new BenchRunner.Options(false, 1, 0f, 9))
                .run(List.of(HandMadeSessions.session()), s -> { });
        assertThat(model.requests).allMatch(r -> r.userMask() == null);
    }

    /** Returns a fresh copy of its input with a predicted next mask, and records every request. */
    private static final class Recorder implements EditModel {
        final List<EditRequest> requests = new ArrayList<>();
        final List<BufferedImage> outputs = new ArrayList<>();
        final List<BufferedImage> masks = new ArrayList<>();

        @Override
        public ModelInfo info() {
            return new ModelInfo("recorder", "recorder", "test", 1, 0f);
        }

        @Override
        public EditResult edit(EditRequest request, EditProgress progress, Cancellation cancellation) {
            requests.add(request);
            BufferedImage in = request.currentImage();
            BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
            out.getGraphics().drawImage(in, 0, 0, null);
            BufferedImage mask = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            outputs.add(out);
            masks.add(mask);
            return new EditResult(out, null, mask);
        }
    }
}
