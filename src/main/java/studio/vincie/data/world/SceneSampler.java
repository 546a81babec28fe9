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
    /** How far an object added "over" another sits from it, as a fraction of the two outline radii. */
    static final double STATED_OVERLAP = 0.55;
    /** Least gap, in view units, between a new object's outline radius and the frame edge. */
    private static final double EDGE_MARGIN = 0.03;

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
        return newObject(scene, rnd, false);
    }

    /**
     * A new object for an "add" edit, whose instruction names only its third of the view ("in the top
     * left"): drawn like {@link #newObject} and then put at the centre of the placeable part of that
     * third on both axes (as {@link #statedPlacement} reads it), so the instruction fixes where it lands (an edit the judge checks to 3 px must not depend
     * on anything the words leave open). Null when no such spot is free.
     */
    public static SceneObject placedObject(Scene scene, SplittableRandom rnd) {
        return newObject(scene, rnd, true);
    }

    /**
     * {@code added} where its instruction puts it in {@code before}: over the object it overlaps, on the
     * side it lies ({@link #over}), or else at the centre of the placeable part of the third of the view
     * it is in, on both axes ("in the top left"). An object the sampler added is already there; the
     * benchmark's ceiling check ({@code bench.InstructionCeiling}) uses this as the stated reading.
     */
    public static SceneObject statedPlacement(Scene before, SceneObject added) {
        SceneObject under = overlapped(before, added);
        return under != null ? over(under, added, octant(under, added)) : atThirdCentre(before.camera(), added);
    }

    /** {@code o} at the centre of the placeable part of the third of the view it is in, on both axes. */
    private static SceneObject atThirdCentre(Camera cam, SceneObject o) {
        double lo = o.extent() + EDGE_MARGIN;
        return o.withPosition(sceneXForView(cam, thirdCentre(cam.viewX(o.x()), lo)),
                sceneYForView(cam, thirdCentre(cam.viewY(o.y()), lo)));
    }

    /** The centre of the part of {@code viewPos}'s third of the view at least {@code lo} from the frame edges. */
    private static double thirdCentre(double viewPos, double lo) {
        int third = viewPos < 1.0 / 3 ? 0 : viewPos < 2.0 / 3 ? 1 : 2;
        return (Math.max(third / 3.0, lo) + Math.min((third + 1) / 3.0, 1 - lo)) / 2;
    }

    private static SceneObject newObject(Scene scene, SplittableRandom rnd, boolean stated) {
        for (int attempt = 0; attempt < 60; attempt++) {
            Shape shape = Shape.values()[rnd.nextInt(Shape.values().length)];
            NamedColor color = NamedColor.values()[rnd.nextInt(NamedColor.values().length)];
            Size size = Size.values()[rnd.nextInt(Size.values().length)];
            double lo = size.scale() * Shape.EXTENT + EDGE_MARGIN;
            double x = sceneXForView(scene.camera(), lo + rnd.nextDouble() * (1 - 2 * lo));
            double y = sceneYForView(scene.camera(), lo + rnd.nextDouble() * (1 - 2 * lo));
            SceneObject o = new SceneObject(freshId(scene, rnd), shape, color, size.scale(), x, y, 0);
            if (stated) {
                o = atThirdCentre(scene.camera(), o);
            }
            if (free(scene, o, 0.03) && SceneChecks.ok(scene.withObjects(append(scene.objects(), o)))) {
                return o;
            }
        }
        return null;
    }

    /** A new object partly overlapping {@code under} (drawn above it), hiding at least some of it. */
    static SceneObject overlapping(Scene scene, SceneObject under, SplittableRandom rnd) {
        return overlapping(scene, under, rnd, false);
    }

    /**
     * A new object for an "add ... over the top left of the blue circle" edit: like
     * {@link #overlapping(Scene, SceneObject, SplittableRandom)}, but at {@link #over} of {@code under} in
     * one of the eight directions, and touching no other object, so the instruction fixes where it lands.
     */
    static SceneObject placedOver(Scene scene, SceneObject under, SplittableRandom rnd) {
        return overlapping(scene, under, rnd, true);
    }

    /**
     * {@code o} placed over {@code under} in direction {@code octant} (0 = right, then clockwise on
     * screen in steps of 45 degrees: 1 bottom right, 2 bottom, ... 7 top right), its centre
     * {@value #STATED_OVERLAP} of the two outline radii away from {@code under}'s.
     */
    public static SceneObject over(SceneObject under, SceneObject o, int octant) {
        double angle = octant * Math.PI / 4;
        double d = STATED_OVERLAP * (under.extent() + o.extent());
        return o.withPosition(under.x() + d * Math.cos(angle), under.y() + d * Math.sin(angle));
    }

    /** The direction (octant, as in {@link #over}) from {@code under}'s centre to {@code o}'s. */
    public static int octant(SceneObject under, SceneObject o) {
        double a = Math.atan2(o.y() - under.y(), o.x() - under.x());
        return Math.floorMod((int) Math.round(a / (Math.PI / 4)), 8);
    }

    /**
     * The object of {@code scene} whose outline circle {@code o}'s overlaps most deeply (distance over
     * the two radii smallest), or null when {@code o} overlaps none: an added object is described as
     * placed over it.
     */
    public static SceneObject overlapped(Scene scene, SceneObject o) {
        SceneObject best = null;
        double bestRatio = 1;
        for (SceneObject p : scene.objects()) {
            double ratio = Math.hypot(p.x() - o.x(), p.y() - o.y()) / (p.extent() + o.extent());
            if (!p.id().equals(o.id()) && ratio < bestRatio) {
                bestRatio = ratio;
                best = p;
            }
        }
        return best;
    }

    private static SceneObject overlapping(Scene scene, SceneObject under, SplittableRandom rnd, boolean stated) {
        for (int attempt = 0; attempt < 40; attempt++) {
            SceneObject o = newObject(scene, rnd);
            if (o == null) {
                return null;
            }
            double angle = rnd.nextDouble() * 2 * Math.PI;
            // Outline radii are up to 1.3 x scale; 0.45-0.65 of their sum makes shapes overlap.
            double d = (0.45 + 0.2 * rnd.nextDouble()) * (under.extent() + o.extent());
            SceneObject moved = stated ? over(under, o, (int) Math.round(angle / (Math.PI / 4)) % 8)
                    : o.withPosition(under.x() + d * Math.cos(angle), under.y() + d * Math.sin(angle));
            Scene s = scene.withObjects(append(scene.objects(), moved));
            if (stated && !free(scene.withObjects(scene.objects().stream().filter(p -> p != under).toList()), moved, 0)) {
                continue; // it would overlap a third object too: the instruction names only one
            }
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
