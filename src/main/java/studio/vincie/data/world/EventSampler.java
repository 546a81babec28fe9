package studio.vincie.data.world;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws random events that make sense for a scene: the event's objects exist, the scene after it still
 * passes {@link SceneChecks}, and the change is visible (at least {@link #MIN_CHANGED_PIXELS} pixels of
 * a {@value SceneChecks#CHECK_SIZE}-pixel render differ by more than {@link #CHANGE_THRESHOLD} in some
 * channel). Rotations use angles the shape's symmetry does not hide; camera moves are pans of 0.1 scene
 * units or zooms by 1.3x in and back out, within zoom [1, 1.7].
 */
public final class EventSampler {

    static final int MIN_CHANGED_PIXELS = 12;
    static final int CHANGE_THRESHOLD = 24;
    static final int MAX_OBJECTS = 6;
    static final double PAN_STEP = 0.1;
    static final double ZOOM_STEP = 1.3;

    private EventSampler() {
    }

    /** A valid event of a type drawn uniformly from {@code allowed}, trying other types when one has none. */
    public static Event next(Scene scene, SplittableRandom rnd, List<EventType> allowed) {
        List<EventType> pool = new ArrayList<>(allowed);
        while (!pool.isEmpty()) {
            EventType t = pool.remove(rnd.nextInt(pool.size()));
            Optional<Event> e = next(scene, rnd, t);
            if (e.isPresent()) {
                return e.get();
            }
        }
        throw new IllegalStateException("no event of types " + allowed + " fits the scene");
    }

    /**
     * A valid event whose category is drawn uniformly from the categories of {@code allowed} that are
     * not in {@code avoid} (falling back to the avoided ones when none fits), so categories with two
     * event types (grow and shrink) are not drawn twice as often.
     */
    public static Event nextByCategory(Scene scene, SplittableRandom rnd, List<EventType> allowed,
                                       java.util.Set<EditCategory> avoid) {
        List<EditCategory> fresh = new ArrayList<>();
        List<EditCategory> used = new ArrayList<>();
        for (EventType t : allowed) {
            List<EditCategory> into = avoid.contains(t.category()) ? used : fresh;
            if (!into.contains(t.category())) {
                into.add(t.category());
            }
        }
        for (List<EditCategory> pool : List.of(fresh, used)) {
            List<EditCategory> left = new ArrayList<>(pool);
            while (!left.isEmpty()) {
                EditCategory c = left.remove(rnd.nextInt(left.size()));
                List<EventType> types = new ArrayList<>(allowed.stream().filter(t -> t.category() == c).toList());
                while (!types.isEmpty()) {
                    Optional<Event> e = next(scene, rnd, types.remove(rnd.nextInt(types.size())));
                    if (e.isPresent()) {
                        return e.get();
                    }
                }
            }
        }
        throw new IllegalStateException("no event of types " + allowed + " fits the scene");
    }

    /** A valid event of this type, if one can be found in a bounded number of draws. */
    public static Optional<Event> next(Scene scene, SplittableRandom rnd, EventType type) {
        for (int attempt = 0; attempt < 25; attempt++) {
            Event e = propose(scene, rnd, type);
            if (e != null && valid(scene, e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** True when the event applies, keeps the scene's guarantees and changes the picture. */
    public static boolean valid(Scene before, Event e) {
        for (String id : e.subjects()) {
            if (!(e instanceof Event.Appear) && before.find(id).isEmpty()) {
                return false;
            }
        }
        Scene after = e.apply(before);
        return SceneChecks.ok(after) && visiblyChanges(before, after);
    }

    static boolean visiblyChanges(Scene before, Scene after) {
        int n = SceneChecks.CHECK_SIZE;
        BufferedImage a = SceneRenderer.render(before, n, n);
        BufferedImage b = SceneRenderer.render(after, n, n);
        int[] pa = a.getRGB(0, 0, n, n, null, 0, n);
        int[] pb = b.getRGB(0, 0, n, n, null, 0, n);
        int changed = 0;
        for (int k = 0; k < pa.length; k++) {
            int d = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                d = Math.max(d, Math.abs(((pa[k] >> shift) & 0xff) - ((pb[k] >> shift) & 0xff)));
            }
            if (d > CHANGE_THRESHOLD) {
                changed++;
            }
        }
        return changed >= MIN_CHANGED_PIXELS;
    }

    private static Event propose(Scene s, SplittableRandom rnd, EventType type) {
        List<SceneObject> objs = s.objects();
        if (objs.isEmpty() && type != EventType.APPEAR && type.category().isLocal()) {
            return null;
        }
        SceneObject o = objs.isEmpty() ? null : objs.get(rnd.nextInt(objs.size()));
        switch (type) {
            case APPEAR -> {
                if (objs.size() >= MAX_OBJECTS) {
                    return null;
                }
                // A third of the proposals land partly over an existing one (later bring-to-front edits
                // need overlapping pairs, and moves pull pairs apart). Either way the object goes where
                // its instruction says (SceneSampler.statedPlacement): the judge checks positions to 3 px.
                SceneObject n = o != null && rnd.nextInt(3) == 0 ? SceneSampler.placedOver(s, o, rnd)
                        : SceneSampler.placedObject(s, rnd);
                return n == null ? null : new Event.Appear(n);
            }
            case DISAPPEAR -> {
                return objs.size() < 2 ? null : new Event.Disappear(o.id());
            }
            case RECOLOR -> {
                NamedColor c = NamedColor.values()[rnd.nextInt(NamedColor.values().length)];
                return c == o.color() ? null : new Event.Recolor(o.id(), c);
            }
            case MOVE -> {
                return new Event.Move(o.id(), Direction.values()[rnd.nextInt(4)], Distance.values()[rnd.nextInt(2)]);
            }
            case GROW -> {
                Size to = o.size().larger();
                return to == null ? null : new Event.Resize(o.id(), o.scale(), to.scale());
            }
            case SHRINK -> {
                Size to = o.size().smaller();
                return to == null ? null : new Event.Resize(o.id(), o.scale(), to.scale());
            }
            case ROTATE -> {
                double[] angles = {30, 45, 90, -30, -45, -90};
                double a = angles[rnd.nextInt(angles.length)];
                return o.shape().rotationShows(a) ? new Event.Rotate(o.id(), a) : null;
            }
            case SWAP -> {
                if (objs.size() < 2) {
                    return null;
                }
                SceneObject p = objs.get(rnd.nextInt(objs.size()));
                boolean farApart = Math.hypot(o.x() - p.x(), o.y() - p.y()) > 0.2;
                return p == o || !farApart ? null : new Event.Swap(o.id(), p.id());
            }
            case BACKGROUND -> {
                Background drawn = SceneSampler.randomBackground(rnd, s.background().time());
                // A new sky keeps the horizon where it was ("a sky over sand" says nothing about it);
                // a solid backdrop's horizon is the default 0.7.
                Background b = drawn.kind() == Background.Kind.SKY
                        ? Background.sky(drawn.ground(), drawn.time(), s.background().horizon()) : drawn;
                return b.kind() == s.background().kind() && b.backdrop() == s.background().backdrop()
                        && b.ground() == s.background().ground() ? null : new Event.BackgroundChange(b);
            }
            case TIME_OF_DAY -> {
                TimeOfDay t = TimeOfDay.values()[rnd.nextInt(TimeOfDay.values().length)];
                return t == s.background().time() ? null : new Event.TimeOfDayChange(t);
            }
            case CAMERA -> {
                return cameraMove(s.camera(), rnd);
            }
            case BRING_TO_FRONT -> {
                // Only an object something is drawn over has anything to gain.
                int i = s.indexOf(o.id());
                return i == objs.size() - 1 ? null : new Event.BringToFront(o.id());
            }
            case INTERACTION -> {
                if (objs.size() < 2) {
                    return null;
                }
                SceneObject target = objs.get(rnd.nextInt(objs.size()));
                if (target == o) {
                    return null;
                }
                Event.Interaction e = Event.Interaction.between(s, o.id(), target.id(),
                        Relation.values()[rnd.nextInt(Relation.values().length)]);
                boolean moves = Math.hypot(e.toX() - o.x(), e.toY() - o.y()) > 0.08;
                SceneObject placed = o.withPosition(e.toX(), e.toY());
                Scene after = s.replace(placed);
                // The mover must not land on any third object.
                for (SceneObject p : after.objects()) {
                    if (!p.id().equals(o.id()) && !p.id().equals(target.id())
                            && !SceneSampler.free(after.withObjects(List.of(p)), placed, 0.02)) {
                        return null;
                    }
                }
                return moves ? e : null;
            }
            default -> throw new IllegalArgumentException("unknown event type " + type);
        }
    }

    private static Event cameraMove(Camera c, SplittableRandom rnd) {
        int k = rnd.nextInt(6);
        if (k < 4) {
            Direction d = Direction.values()[k];
            return new Event.CameraMove(new Camera(round(c.panX() + PAN_STEP * d.dx()),
                    round(c.panY() + PAN_STEP * d.dy()), c.zoom()));
        }
        boolean in = c.zoom() < 1.05 || (k == 4 && c.zoom() * ZOOM_STEP <= 1.7);
        double z = in ? c.zoom() * ZOOM_STEP : Math.max(1.0, c.zoom() / ZOOM_STEP);
        return Math.abs(z - c.zoom()) < 1e-9 || z > 1.7 ? null : new Event.CameraMove(new Camera(c.panX(), c.panY(), z));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
