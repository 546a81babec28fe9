package studio.vincie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import studio.vincie.data.world.NamedColor;
import studio.vincie.data.world.Scene;
import studio.vincie.data.world.SceneObject;
import studio.vincie.data.world.Shape;
import studio.vincie.data.world.SceneRenderer;

class TurnJudgeTest {

    private final TurnJudge judge = new TurnJudge(JudgeTolerances.DEFAULT);
    private final Scene before = HandMadeSessions.start();
    private final Scene after = before.replace(before.object("a").withColor(NamedColor.PURPLE));
    private final TurnTruth truth = HandMadeSessions.turn("make the red circle purple", "recolor", before, after, "a");
    private final BufferedImage previous = render(before);

    @Test
    void groundTruthSucceeds() {
        TurnVerdict v = judge.judge(truth.image(), previous, truth);
        assertThat(v.reasons()).isEmpty();
        assertThat(v.succeeded()).isTrue();
        assertThat(judge.reference(truth)).hasSize(4);
    }

    @Test
    void unchangedImageDoesNotFollow() {
        TurnVerdict v = judge.judge(previous, previous, truth);
        assertThat(v.follows()).isFalse();
        assertThat(v.consistent()).isTrue();
    }

    @Test
    void recoloringTheWrongObjectFails() {
        // The right edit (make something purple) on the wrong object (the blue square).
        Scene wrong = before.replace(before.object("b").withColor(NamedColor.PURPLE));
        TurnVerdict v = judge.judge(render(wrong), previous, truth);
        assertThat(v.follows()).isFalse();
        assertThat(v.consistent()).as("the square lies outside the circle's edit region").isFalse();
        assertThat(v.succeeded()).isFalse();
    }

    @Test
    void damagedBackgroundFailsConsistency() {
        BufferedImage damaged = copy(truth.image());
        // A smudge in the top-right corner, far from the edited circle.
        for (int y = 2; y < 16; y++) {
            for (int x = 110; x < 126; x++) {
                int p = damaged.getRGB(x, y);
                damaged.setRGB(x, y, p ^ 0x505050);
            }
        }
        TurnVerdict v = judge.judge(damaged, previous, truth);
        assertThat(v.consistent()).isFalse();
        assertThat(v.succeeded()).isFalse();
    }

    @Test
    void smallMisplacementIsToleratedLargeIsNot() {
        Scene nudged = after.replace(after.object("a").withPosition(0.25 + 1.0 / 128, 0.3));
        assertThat(judge.judge(render(nudged), previous, truth).follows()).isTrue();
        Scene moved = after.replace(after.object("a").withPosition(0.25 + 8.0 / 128, 0.3));
        TurnVerdict v = judge.judge(render(moved), previous, truth);
        assertThat(v.follows()).isFalse();
        assertThat(v.reasons()).anyMatch(r -> r.contains("position") || r.contains("shape"));
    }

    @Test
    void wrongSizeOrShapeFails() {
        Scene grown = after.replace(after.object("a").withScale(0.13));
        assertThat(judge.judge(render(grown), previous, truth).follows()).isFalse();
        for (Shape other : new Shape[] {Shape.SQUARE, Shape.TRIANGLE, Shape.STAR, Shape.RING, Shape.CROSS}) {
            Scene reshaped = after.replace(new SceneObject("a", other, NamedColor.PURPLE, 0.09, 0.25, 0.3, 0));
            assertThat(judge.judge(render(reshaped), previous, truth).follows()).as(other.word()).isFalse();
        }
    }

    private static BufferedImage render(Scene s) {
        return SceneRenderer.render(s, HandMadeSessions.SIZE, HandMadeSessions.SIZE);
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(src, 0, 0, null);
        return out;
    }
}
