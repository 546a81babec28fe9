package studio.vincie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import studio.vincie.data.world.NamedColor;
import studio.vincie.data.world.Scene;
import studio.vincie.data.world.SceneObject;
import studio.vincie.data.world.SceneRenderer;
import studio.vincie.data.world.Shape;

/** The tolerance figures quoted in docs/benchmark.md, checked. */
class JudgeToleranceTest {

    private final TurnJudge judge = new TurnJudge(JudgeTolerances.DEFAULT);
    private final Scene before = HandMadeSessions.start();
    private final Scene after = before.replace(before.object("a").withColor(NamedColor.PURPLE));
    private final TurnTruth truth = HandMadeSessions.turn("make the red circle purple", "recolor", before, after, "a");
    private final BufferedImage previous = SceneRenderer.render(before, 128, 128);

    @Test
    void slightBlurPassesStrongBlurFails() {
        for (float sigma : new float[] {0.5f, 0.7f, 1.0f}) {
            assertThat(judge.judge(blur(truth.image(), sigma), previous, truth).succeeded()).as("sigma " + sigma).isTrue();
        }
        assertThat(judge.judge(blur(truth.image(), 1.5f), previous, truth).succeeded()).isFalse();
    }

    @Test
    void shapeScoreSeparatesDistinctShapesButNotCloseOnes() {
        double tolerance = JudgeTolerances.DEFAULT.shapeIou();
        for (Shape other : new Shape[] {Shape.SQUARE, Shape.TRIANGLE, Shape.STAR, Shape.HEART, Shape.DIAMOND,
                Shape.CROSS, Shape.RING}) {
            assertThat(shapeScore(Shape.CIRCLE, 0, other, 0)).as(other.word()).isLessThan(tolerance);
        }
        // Documented limitation: at 8-15 px radius a hexagon is within a pixel of a circle.
        assertThat(shapeScore(Shape.CIRCLE, 0, Shape.HEXAGON, 0)).isGreaterThan(tolerance);
        assertThat(shapeScore(Shape.SQUARE, 0, Shape.SQUARE, 15)).isLessThan(tolerance);
        assertThat(shapeScore(Shape.TRIANGLE, 0, Shape.TRIANGLE, 15)).isLessThan(tolerance);
        assertThat(shapeScore(Shape.STAR, 0, Shape.STAR, 15)).isLessThan(tolerance);
        assertThat(shapeScore(Shape.STAR, 0, Shape.STAR, 72)).as("symmetric turn").isGreaterThan(tolerance);
    }

    /** Normalised shape IoU of a small purple object drawn as {@code a} (reference) and as {@code b}. */
    private double shapeScore(Shape a, double rotA, Shape b, double rotB) {
        FoundObject ref = purple(new SceneObject("a", a, NamedColor.PURPLE, 0.06, 0.25, 0.3, rotA));
        FoundObject got = purple(new SceneObject("a", b, NamedColor.PURPLE, 0.06, 0.25 + 0.4 / 128, 0.3, rotB));
        return TurnJudge.shapeIou(got, ref, 128, 128);
    }

    private FoundObject purple(SceneObject o) {
        Scene s = after.replace(o);
        BufferedImage image = SceneRenderer.render(s, 128, 128);
        TurnTruth t = StudioTruth.of("x", "recolor", image, s, image, null, null);
        return judge.reference(t).stream().filter(f -> f.color().equals("purple")).findFirst().orElseThrow();
    }

    static BufferedImage blur(BufferedImage src, float sigma) {
        return ImageMetrics.gaussianBlur(src, sigma);
    }
}
