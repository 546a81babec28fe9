package studio.vincie.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

import studio.vincie.data.world.Backdrop;
import studio.vincie.data.world.Background;
import studio.vincie.data.world.Camera;
import studio.vincie.data.world.NamedColor;
import studio.vincie.data.world.RenderedScene;
import studio.vincie.data.world.Scene;
import studio.vincie.data.world.SceneObject;
import studio.vincie.data.world.SceneRenderer;
import studio.vincie.data.world.Shape;
import studio.vincie.data.world.TimeOfDay;

/** Small scenes written by hand, so judge tests do not depend on the session generator. */
final class HandMadeSessions {

    static final int SIZE = 128;

    private HandMadeSessions() {
    }

    static Scene start() {
        return new Scene(Background.sky(Backdrop.GRASS, TimeOfDay.DAY, 0.65), Camera.DEFAULT, List.of(
                new SceneObject("a", Shape.CIRCLE, NamedColor.RED, 0.09, 0.25, 0.3, 0),
                new SceneObject("b", Shape.SQUARE, NamedColor.BLUE, 0.09, 0.7, 0.3, 0),
                new SceneObject("c", Shape.STAR, NamedColor.YELLOW, 0.13, 0.3, 0.75, 0),
                new SceneObject("d", Shape.TRIANGLE, NamedColor.GREEN, 0.06, 0.75, 0.8, 0)));
    }

    /** A turn from {@code before} to {@code after} whose edit region is the coverage of {@code changed}. */
    static TurnTruth turn(String instruction, String category, Scene before, Scene after, String... changed) {
        RenderedScene b = SceneRenderer.draw(before, SIZE, SIZE);
        RenderedScene a = SceneRenderer.draw(after, SIZE, SIZE);
        return StudioTruth.of(instruction, category, b.image(), after, a.image(), region(b, changed), region(a, changed));
    }

    /** Two turns: recolor the red circle purple, then move the blue square left. */
    static BenchSession session() {
        Scene s0 = start();
        Scene s1 = s0.replace(s0.object("a").withColor(NamedColor.PURPLE));
        Scene s2 = s1.replace(s1.object("b").withPosition(0.5, 0.3));
        List<TurnTruth> turns = new ArrayList<>();
        turns.add(turn("make the red circle purple", "recolor", s0, s1, "a"));
        turns.add(turn("move the blue square to the left", "move", s1, s2, "b"));
        return new BenchSession("hand-1", SceneRenderer.render(s0, SIZE, SIZE), turns);
    }

    /** White where any of the objects has visible coverage. */
    static BufferedImage region(RenderedScene r, String... ids) {
        BufferedImage m = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) m.getRaster().getDataBuffer()).getData();
        for (String id : ids) {
            if (!r.ids().contains(id)) {
                continue;
            }
            float[] v = r.visible(id);
            for (int k = 0; k < v.length; k++) {
                if (v[k] > 0) {
                    px[k] = (byte) 255;
                }
            }
        }
        return m;
    }
}
