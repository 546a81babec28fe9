package studio.vincie.data.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws random start scenes and new objects. Start scenes have 3 to 5 objects, a random background
 * (sky over ground 60 %, else a solid backdrop) and time of day, the default camera; most of them
 * contain one overlapping pair (70 %) so that bring-to-front has something to do. Every scene returned passes
 * {@link SceneChecks}.
 */
public final class SceneSampler {

    private static final int MAX_TRIES = 500;
    /** Pixels (of a check render) the upper object of an overlapping pair must hide. */
    private static final double MIN_HIDDEN_PIXELS = 20;

    private SceneSampler() {
    }

    /** A random valid start scene. */
    public static Scene startScene(SplittableRandom rnd) {
        // Decided once, outside the retries: overlapping scenes fail the checks more often, and
        // re-deciding per attempt would make them rarer than intended.
        boolean overlapPair = rnd.nextInt(10) < 7;
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            Scene empty = new Scene(randomBackground(rnd, randomTime(rnd)), Camera.DEFAULT, List.of());
            int count = 3 + rnd.nextInt(3);
            Scene s = empty;
            for (int i = 0; i < count && s != null; i++) {
                SceneObject o = (overlapPair && i == 1) ? overlapping(s, s.objects().get(0), rnd) : newObject(s, rnd);
                s = o == null ? null : s.withObjects(append(s.objects(), o));
            }
            if (s != null && SceneChecks.ok(s)) {
                return s;
            }
        }
        throw new IllegalStateException("could not draw a valid start scene in " + MAX_TRIES + " tries");
    }

    static TimeOfDay randomTime(SplittableRandom rnd) {
        // Day is the most common, as in real footage.
        int k = rnd.nextInt(6);
        return k < 3 ? TimeOfDay.DAY : TimeOfDay.values()[k == 3 ? 0 : k == 4 ? 2 : 3];
    }

    static Background randomBackground(SplittableRandom rnd, TimeOfDay time) {
        if (rnd.nextInt(10) < 6) {
            Backdrop[] grounds = {Backdrop.GRASS, Backdrop.SAND, Backdrop.STONE};
            return Background.sky(grounds[rnd.nextInt(grounds.length)], time, 0.62 + 0.16 * rnd.nextDouble());
        }
        Backdrop[] solids = {Backdrop.CREAM, Backdrop.PALE_BLUE, Backdrop.PALE_GREEN, Backdrop.LAVENDER,
            Backdrop.LIGHT_GRAY, Backdrop.SLATE};
        return Background.solid(solids[rnd.nextInt(solids.length)], time);
    }

    /** A new object at a free spot (no overlap with existing ones), or null if none was found. */
    public static SceneObject newObject(Scene scene, SplittableRandom rnd) {
        for (int attempt = 0; attempt < 60; attempt++) {
            Shape shape = Shape.values()[rnd.nextInt(Shape.values().length)];
            NamedColor color = NamedColor.values()[rnd.nextInt(NamedColor.values().length)];
            Size size = Size.values()[rnd.nextInt(Size.values().length)];
            double ext = size.scale() * Shape.EXTENT;
            double lo = ext + 0.03;
            double x = sceneXForView(scene.camera(), lo + rnd.nextDouble() * (1 - 2 * lo));
            double y = sceneYForView(scene.camera(), lo + rnd.nextDouble() * (1 - 2 * lo));
            SceneObject o = new SceneObject(freshId(scene, rnd), shape, color, size.scale(), x, y, 0);
            if (free(scene, o, 0.03) && SceneChecks.ok(scene.withObjects(append(scene.objects(), o)))) {
                return o;
            }
        }
        return null;
    }

    /** A new object partly overlapping {@code under} (drawn above it), hiding at least some of it. */
    static SceneObject overlapping(Scene scene, SceneObject under, SplittableRandom rnd) {
        for (int attempt = 0; attempt < 40; attempt++) {
            SceneObject o = newObject(scene, rnd);
            if (o == null) {
                return null;
            }
            double angle = rnd.nextDouble() * 2 * Math.PI;
            // Outline radii are up to 1.3 x scale; 0.45-0.65 of their sum makes shapes overlap.
            double d = (0.45 + 0.2 * rnd.nextDouble()) * (under.extent() + o.extent());
            SceneObject moved = o.withPosition(under.x() + d * Math.cos(angle), under.y() + d * Math.sin(angle));
            Scene s = scene.withObjects(append(scene.objects(), moved));
            if (SceneChecks.ok(s)) {
                RenderedScene r = SceneRenderer.draw(s, SceneChecks.CHECK_SIZE, SceneChecks.CHECK_SIZE);
                if (r.drawnArea(under.id()) - r.visibleArea(under.id()) >= MIN_HIDDEN_PIXELS) {
                    return moved;
                }
            }
        }
        return null;
    }

    /** True when {@code o} keeps at least {@code margin} away from every other object's outline radius. */
    static boolean free(Scene scene, SceneObject o, double margin) {
        for (SceneObject p : scene.objects()) {
            if (!p.id().equals(o.id())
                    && Math.hypot(p.x() - o.x(), p.y() - o.y()) < p.extent() + o.extent() + margin) {
                return false;
            }
        }
        return true;
    }

    /** A random id unused in the scene; random rather than counted so ids are rarely reused after a removal. */
    static String freshId(Scene scene, SplittableRandom rnd) {
        String id;
        do {
            id = String.format("obj%04x", rnd.nextInt(0x10000));
        } while (scene.find(id).isPresent());
        return id;
    }

    static double sceneXForView(Camera cam, double viewX) {
        return (viewX - 0.5) / cam.zoom() + 0.5 + cam.panX();
    }

    static double sceneYForView(Camera cam, double viewY) {
        return cam.sceneY(viewY);
    }

    static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
