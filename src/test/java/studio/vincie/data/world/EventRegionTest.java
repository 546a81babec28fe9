package studio.vincie.data.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every event type changes the picture, only inside its region masks, gradually. */
class EventRegionTest {

    private static final int W = 128;
    private static final int H = 96;

    @Test
    void everyEventTypeHasAnExample() {
        assertThat(WorldFixtures.oneExamplePerType().keySet()).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void localEventsChangeOnlyPixelsInsideTheirMasks() {
        for (Map.Entry<EventType, WorldFixtures.Example> en : WorldFixtures.oneExamplePerType().entrySet()) {
            WorldFixtures.Example ex = en.getValue();
            RenderedScene before = SceneRenderer.draw(ex.before(), W, H);
            RenderedScene after = SceneRenderer.draw(ex.after(), W, H);
            RegionMasks masks = RegionMasks.of(before, after, ex.event());
            byte[] union = RegionMasks.pixels(RegionMasks.union(masks.current(), masks.next()));
            int[] a = before.image().getRGB(0, 0, W, H, null, 0, W);
            int[] b = after.image().getRGB(0, 0, W, H, null, 0, W);
            int changed = 0;
            int covered = 0;
            int visiblyChanged = 0;
            for (int k = 0; k < a.length; k++) {
                int d = WorldFixtures.diff(a[k], b[k]);
                if (d > 0) {
                    changed++;
                    if (union[k] != 0) {
                        covered++;
                    }
                }
                if (d > 24) {
                    visiblyChanged++;
                }
            }
            String what = en.getKey() + " " + ex.event();
            assertThat(visiblyChanged).as("visible change of %s", what).isGreaterThan(10);
            // Exactness: no changed pixel outside the masks at all (recall 1.0, required >= 0.99).
            assertThat(covered).as("recall of %s", what).isEqualTo(changed);
            int area = RegionMasks.area(masks.current()) + RegionMasks.area(masks.next());
            if (ex.event().global()) {
                assertThat(RegionMasks.area(masks.current())).isEqualTo(W * H);
                assertThat(RegionMasks.area(masks.next())).isEqualTo(W * H);
            } else {
                assertThat(area).as("local masks of %s stay local", what).isLessThan(W * H);
                assertThat(RegionMasks.area(masks.current())).as("current mask of %s", what).isPositive();
                assertThat(RegionMasks.area(masks.next())).as("next mask of %s", what).isPositive();
            }
        }
    }

    @Test
    void masksAlsoCoverChangesOfIntermediateVideoFrames() {
        // In a video, consecutive frames inside an event differ only within the event's before/after
        // regions unioned over the frames; check the whole-event masks cover frame-to-frame changes of
        // an object that does not sweep (recolor, appear, disappear, rotate, bring to front).
        for (EventType t : new EventType[] {EventType.RECOLOR, EventType.APPEAR, EventType.DISAPPEAR,
            EventType.BRING_TO_FRONT}) {
            WorldFixtures.Example ex = WorldFixtures.oneExamplePerType().get(t);
            RegionMasks masks = RegionMasks.of(ex.before(), ex.after(), ex.event(), W, H);
            byte[] union = RegionMasks.pixels(RegionMasks.union(masks.current(), masks.next()));
            int[] a = SceneRenderer.render(ex.before(), W, H).getRGB(0, 0, W, H, null, 0, W);
            int[] mid = SceneRenderer.render(ex.event().sceneAt(ex.before(), 0.6), W, H).getRGB(0, 0, W, H, null, 0, W);
            for (int k = 0; k < a.length; k++) {
                if (a[k] != mid[k]) {
                    assertThat(union[k]).as("%s pixel %d", t, k).isNotZero();
                }
            }
        }
    }

    @Test
    void eventsUnfoldGradually() {
        for (Map.Entry<EventType, WorldFixtures.Example> en : WorldFixtures.oneExamplePerType().entrySet()) {
            WorldFixtures.Example ex = en.getValue();
            Event e = ex.event();
            assertThat(e.sceneAt(ex.before(), 0)).isEqualTo(ex.before());
            assertThat(e.sceneAt(ex.before(), 1)).isEqualTo(ex.after());
            if (en.getKey() == EventType.BRING_TO_FRONT) {
                continue; // switches order at the midpoint by design
            }
            BufferedImage a = SceneRenderer.render(ex.before(), 64, 64);
            BufferedImage m = SceneRenderer.render(e.sceneAt(ex.before(), 0.5), 64, 64);
            BufferedImage b = SceneRenderer.render(ex.after(), 64, 64);
            assertThat(distance(a, m)).as("half-way %s differs from before", e).isPositive();
            assertThat(distance(m, b)).as("half-way %s differs from after", e).isPositive();
        }
    }

    @Test
    void interactionLeavesObjectsTouchingButSeparate() {
        WorldFixtures.Example ex = WorldFixtures.oneExamplePerType().get(EventType.INTERACTION);
        Event.Interaction e = (Event.Interaction) ex.event();
        SceneObject m = ex.after().object(e.mover());
        SceneObject t = ex.after().object(e.target());
        java.awt.geom.Area am = new java.awt.geom.Area(outline(m));
        java.awt.geom.Area at = new java.awt.geom.Area(outline(t));
        java.awt.geom.Area overlap = new java.awt.geom.Area(am);
        overlap.intersect(at);
        assertThat(overlap.isEmpty()).isTrue();
        double gap = distanceBetweenBounds(m, t, e.relation());
        assertThat(gap).isCloseTo(Event.Interaction.GAP, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static java.awt.Shape outline(SceneObject o) {
        java.awt.geom.AffineTransform a = new java.awt.geom.AffineTransform();
        a.translate(o.x(), o.y());
        a.rotate(Math.toRadians(o.rotation()));
        a.scale(o.scale(), o.scale());
        return a.createTransformedShape(o.shape().unitOutline());
    }

    private static double distanceBetweenBounds(SceneObject m, SceneObject t, Relation r) {
        var mb = outline(m).getBounds2D();
        var tb = outline(t).getBounds2D();
        return switch (r) {
            case LEFT_OF -> tb.getMinX() - mb.getMaxX();
            case RIGHT_OF -> mb.getMinX() - tb.getMaxX();
            case ON_TOP_OF -> tb.getMinY() - mb.getMaxY();
        };
    }

    private static long distance(BufferedImage a, BufferedImage b) {
        long s = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                s += WorldFixtures.diff(a.getRGB(x, y), b.getRGB(x, y));
            }
        }
        return s;
    }
}
