package studio.vincie.data.world;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Names an object the way a person would, using no more attributes than needed to single it out in
 * its scene: "the star" when it is the only star, "the red circle" or "the small circle" when there
 * are several circles, "the small red circle" only when both words are needed, and "the circle on the
 * left" when position alone tells it apart from the other circles. Every returned phrase matches
 * exactly one object of the scene (see {@link #resolve}).
 */
public final class ObjectReferrer {

    /** Minimum separation, in view units, for a positional word ("on the left") to be used. */
    static final double POSITION_MARGIN = 0.12;

    private ObjectReferrer() {
    }

    /** All minimal unambiguous references to the object, each starting with "the". */
    public static List<String> references(Scene scene, SceneObject o) {
        List<String> out = new ArrayList<>();
        String shape = o.shape().word();
        String color = o.color().word();
        String size = o.size().word();
        List<String[]> level1 = List.<String[]>of(new String[] {shape});
        List<String[]> level2 = List.of(new String[] {color, shape}, new String[] {size, shape});
        List<String[]> level3 = List.<String[]>of(new String[] {size, color, shape});
        for (List<String[]> level : List.of(level1, level2, level3)) {
            for (String[] words : level) {
                if (count(scene, p -> hasWords(p, words)) == 1) {
                    out.add("the " + String.join(" ", words));
                }
            }
            // Shape plus a position word costs as much as shape plus one attribute.
            if (level == level2) {
                out.addAll(positional(scene, o));
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        return out;
    }

    /** "the circle on the left" style phrases when position separates it from same-shaped objects. */
    private static List<String> positional(Scene scene, SceneObject o) {
        List<String> out = new ArrayList<>();
        List<SceneObject> same = scene.objects().stream().filter(p -> p.shape() == o.shape()).toList();
        if (same.size() < 2) {
            return out;
        }
        Camera cam = scene.camera();
        double x = cam.viewX(o.x());
        double y = cam.viewY(o.y());
        boolean leftmost = true;
        boolean rightmost = true;
        boolean top = true;
        boolean bottom = true;
        for (SceneObject p : same) {
            if (p == o) {
                continue;
            }
            double px = cam.viewX(p.x());
            double py = cam.viewY(p.y());
            leftmost &= x < px - POSITION_MARGIN;
            rightmost &= x > px + POSITION_MARGIN;
            top &= y < py - POSITION_MARGIN;
            bottom &= y > py + POSITION_MARGIN;
        }
        String shape = o.shape().word();
        if (leftmost) {
            out.add("the " + shape + " on the left");
            out.add(same.size() == 2 ? "the left " + shape : "the leftmost " + shape);
        }
        if (rightmost) {
            out.add("the " + shape + " on the right");
            out.add(same.size() == 2 ? "the right " + shape : "the rightmost " + shape);
        }
        if (top) {
            out.add(same.size() == 2 ? "the upper " + shape : "the topmost " + shape);
        }
        if (bottom) {
            out.add(same.size() == 2 ? "the lower " + shape : "the bottom " + shape);
        }
        return out;
    }

    /**
     * The objects a reference phrase fits, read the way a listener would: attribute words filter the
     * objects; a positional word ("left", "leftmost", "upper", ...) picks the extreme same-shaped object
     * and fits nothing when the extreme is not clear by {@link #POSITION_MARGIN}. Independent of
     * {@link #references}, so tests can check that every produced phrase picks exactly its object.
     */
    public static List<SceneObject> resolve(Scene scene, String phrase) {
        String[] words = phrase.toLowerCase(java.util.Locale.ROOT).replace("the ", " ").trim().split("\\s+");
        List<SceneObject> c = new ArrayList<>(scene.objects());
        String position = null;
        for (String w : words) {
            switch (w) {
                case "left", "leftmost" -> position = "left";
                case "right", "rightmost" -> position = "right";
                case "upper", "topmost" -> position = "top";
                case "lower", "bottom" -> position = "bottom";
                case "on" -> { }
                default -> c.removeIf(p -> !hasWords(p, new String[] {w}));
            }
        }
        if (position == null || c.isEmpty()) {
            return c;
        }
        Camera cam = scene.camera();
        final String pos = position;
        java.util.Comparator<SceneObject> key = switch (pos) {
            case "left" -> java.util.Comparator.comparingDouble(p -> cam.viewX(p.x()));
            case "right" -> java.util.Comparator.comparingDouble(p -> -cam.viewX(p.x()));
            case "top" -> java.util.Comparator.comparingDouble(p -> cam.viewY(p.y()));
            default -> java.util.Comparator.comparingDouble(p -> -cam.viewY(p.y()));
        };
        c.sort(key);
        SceneObject first = c.get(0);
        boolean horizontal = pos.equals("left") || pos.equals("right");
        for (int i = 1; i < c.size(); i++) {
            SceneObject p = c.get(i);
            double gap = horizontal ? Math.abs(cam.viewX(p.x()) - cam.viewX(first.x()))
                    : Math.abs(cam.viewY(p.y()) - cam.viewY(first.y()));
            if (gap <= POSITION_MARGIN) {
                return List.of();
            }
        }
        return List.of(first);
    }

    static boolean hasWords(SceneObject p, String[] words) {
        for (String w : words) {
            if (!w.equals(p.shape().word()) && !w.equals(p.color().word()) && !w.equals(p.size().word())) {
                return false;
            }
        }
        return true;
    }

    private static long count(Scene scene, Predicate<SceneObject> test) {
        return scene.objects().stream().filter(test).count();
    }
}
