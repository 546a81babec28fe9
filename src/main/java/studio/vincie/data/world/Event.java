package studio.vincie.data.world;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A change to a studio scene that unfolds over time. {@link #sceneAt(Scene, double)} gives the scene
 * part-way through (fraction 0 = the scene before, 1 = after), so a video can show the change
 * gradually: positions, sizes, angles and the camera move linearly, colors and backgrounds cross-fade,
 * objects fade in or out; a bring-to-front switches the drawing order at the half-way point.
 * {@link #subjects()} names the objects whose pixels the event may change (empty for global events,
 * which may change the whole frame). Serialised by Jackson with an {@code "event"} type name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Event.Appear.class, name = "appear"),
    @JsonSubTypes.Type(value = Event.Disappear.class, name = "disappear"),
    @JsonSubTypes.Type(value = Event.Recolor.class, name = "recolor"),
    @JsonSubTypes.Type(value = Event.Move.class, name = "move"),
    @JsonSubTypes.Type(value = Event.Resize.class, name = "resize"),
    @JsonSubTypes.Type(value = Event.Rotate.class, name = "rotate"),
    @JsonSubTypes.Type(value = Event.Swap.class, name = "swap"),
    @JsonSubTypes.Type(value = Event.BackgroundChange.class, name = "background"),
    @JsonSubTypes.Type(value = Event.TimeOfDayChange.class, name = "timeOfDay"),
    @JsonSubTypes.Type(value = Event.CameraMove.class, name = "camera"),
    @JsonSubTypes.Type(value = Event.BringToFront.class, name = "bringToFront"),
    @JsonSubTypes.Type(value = Event.Interaction.class, name = "interaction")})
public sealed interface Event {

    /** The kind of event. */
    EventType type();

    /** The scene at {@code fraction} (0..1) of the way through the event. */
    Scene sceneAt(Scene before, double fraction);

    /** Ids of the objects this event changes; empty for global events. */
    List<String> subjects();

    /** The scene once the event is over. */
    default Scene apply(Scene before) {
        return sceneAt(before, 1.0);
    }

    /** True for events that may change every pixel (background, time of day, camera). */
    default boolean global() {
        return !type().category().isLocal();
    }

    /** An event that changes exactly one object, named by {@link #id()}; its only subject. */
    sealed interface OneSubject extends Event {
        /** The object the event changes. */
        String id();

        default List<String> subjects() {
            return List.of(id());
        }
    }

    /** A new object fades in on top of everything. */
    record Appear(SceneObject object) implements Event {
        public Appear {
            Objects.requireNonNull(object, "object");
        }

        public EventType type() {
            return EventType.APPEAR;
        }

        public List<String> subjects() {
            return List.of(object.id());
        }

        public Scene sceneAt(Scene before, double f) {
            if (f <= 0) {
                return before;
            }
            List<SceneObject> list = new ArrayList<>(before.objects());
            list.add(object.withOpacity(Math.min(1, f)));
            return before.withObjects(list);
        }
    }

    /** An object fades out and is removed. */
    record Disappear(String id) implements OneSubject {
        public EventType type() {
            return EventType.DISAPPEAR;
        }

        public Scene sceneAt(Scene before, double f) {
            if (f <= 0) {
                return before;
            }
            List<SceneObject> list = new ArrayList<>();
            for (SceneObject o : before.objects()) {
                if (!o.id().equals(id)) {
                    list.add(o);
                } else if (f < 1) {
                    list.add(o.withOpacity(o.opacity() * (1 - f)));
                }
            }
            return before.withObjects(list);
        }
    }

    /** An object changes color (cross-fade). */
    record Recolor(String id, NamedColor to) implements OneSubject {
        public EventType type() {
            return EventType.RECOLOR;
        }

        public Scene sceneAt(Scene before, double f) {
            if (f <= 0) {
                return before;
            }
            SceneObject o = before.object(id);
            return before.replace(o.withColorBlend(o.color(), to, Math.min(1, f)));
        }
    }

    /** An object moves in a named direction by a named distance. */
    record Move(String id, Direction direction, Distance distance) implements OneSubject {
        public EventType type() {
            return EventType.MOVE;
        }

        public Scene sceneAt(Scene before, double f) {
            SceneObject o = before.object(id);
            double d = distance.amount() * clamp01(f);
            return before.replace(o.withPosition(o.x() + d * direction.dx(), o.y() + d * direction.dy()));
        }
    }

    /** An object grows or shrinks to an exact scale (GROW when {@code toScale > fromScale}). */
    record Resize(String id, double fromScale, double toScale) implements OneSubject {
        public EventType type() {
            return toScale > fromScale ? EventType.GROW : EventType.SHRINK;
        }

        public Scene sceneAt(Scene before, double f) {
            SceneObject o = before.object(id);
            return before.replace(o.withScale(fromScale + clamp01(f) * (toScale - fromScale)));
        }
    }

    /** An object turns by {@code degrees}, clockwise when positive. */
    record Rotate(String id, double degrees) implements OneSubject {
        public EventType type() {
            return EventType.ROTATE;
        }

        public Scene sceneAt(Scene before, double f) {
            SceneObject o = before.object(id);
            return before.replace(o.withRotation(o.rotation() + clamp01(f) * degrees));
        }
    }

    /** Two objects trade places (each slides to the other's centre). */
    record Swap(String first, String second) implements Event {
        public EventType type() {
            return EventType.SWAP;
        }

        public List<String> subjects() {
            return List.of(first, second);
        }

        public Scene sceneAt(Scene before, double f) {
            SceneObject a = before.object(first);
            SceneObject b = before.object(second);
            double t = clamp01(f);
            Scene s = before.replace(a.withPosition(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y())));
            return s.replace(b.withPosition(b.x() + t * (a.x() - b.x()), b.y() + t * (a.y() - b.y())));
        }
    }

    /** The background changes (cross-fade); the time of day stays. */
    record BackgroundChange(Background to) implements Event {
        public EventType type() {
            return EventType.BACKGROUND;
        }

        public List<String> subjects() {
            return List.of();
        }

        public Scene sceneAt(Scene before, double f) {
            return f <= 0 ? before : before.withBackgroundFade(before.background(), to, Math.min(1, f));
        }
    }

    /** The time of day, and with it sky and light, changes (cross-fade). */
    record TimeOfDayChange(TimeOfDay to) implements Event {
        public EventType type() {
            return EventType.TIME_OF_DAY;
        }

        public List<String> subjects() {
            return List.of();
        }

        public Scene sceneAt(Scene before, double f) {
            Background from = before.background();
            return f <= 0 ? before : before.withBackgroundFade(from, from.withTime(to), Math.min(1, f));
        }
    }

    /** The viewpoint pans and/or zooms. */
    record CameraMove(Camera to) implements Event {
        public EventType type() {
            return EventType.CAMERA;
        }

        public List<String> subjects() {
            return List.of();
        }

        public Scene sceneAt(Scene before, double f) {
            return before.withCamera(before.camera().lerp(to, clamp01(f)));
        }
    }

    /** An object is brought in front of all others (the order switches half-way). */
    record BringToFront(String id) implements OneSubject {
        public EventType type() {
            return EventType.BRING_TO_FRONT;
        }

        public Scene sceneAt(Scene before, double f) {
            if (f < 0.5) {
                return before;
            }
            SceneObject o = before.object(id);
            List<SceneObject> list = new ArrayList<>(before.objects());
            list.remove(o);
            list.add(o);
            return before.withObjects(list);
        }
    }

    /** An object moves until it touches another: next to it (left or right) or on top of it. */
    record Interaction(String mover, String target, Relation relation, double toX, double toY) implements Event {
        /** Small gap left between the two outlines, in scene units, so they stay separable. */
        public static final double GAP = 0.012;

        public EventType type() {
            return EventType.INTERACTION;
        }

        public List<String> subjects() {
            return List.of(mover);
        }

        public Scene sceneAt(Scene before, double f) {
            SceneObject o = before.object(mover);
            double t = clamp01(f);
            return before.replace(o.withPosition(o.x() + t * (toX - o.x()), o.y() + t * (toY - o.y())));
        }

        /** The interaction that brings {@code moverId} into {@code relation} with {@code targetId}. */
        public static Interaction between(Scene scene, String moverId, String targetId, Relation relation) {
            SceneObject m = scene.object(moverId);
            SceneObject t = scene.object(targetId);
            Rectangle2D mb = bounds(m);
            Rectangle2D tb = bounds(t);
            double x;
            double y;
            switch (relation) {
                case LEFT_OF -> {
                    x = t.x() + tb.getMinX() - GAP - mb.getMaxX();
                    y = t.y();
                }
                case RIGHT_OF -> {
                    x = t.x() + tb.getMaxX() + GAP - mb.getMinX();
                    y = t.y();
                }
                default -> {
                    x = t.x();
                    y = t.y() + tb.getMinY() - GAP - mb.getMaxY();
                }
            }
            return new Interaction(moverId, targetId, relation, x, y);
        }

        /** Outline bounds of an object relative to its centre, in scene units. */
        static Rectangle2D bounds(SceneObject o) {
            AffineTransform a = new AffineTransform();
            a.rotate(Math.toRadians(o.rotation()));
            a.scale(o.scale(), o.scale());
            return a.createTransformedShape(o.shape().unitOutline()).getBounds2D();
        }
    }

    private static double clamp01(double f) {
        return Math.max(0, Math.min(1, f));
    }
}
