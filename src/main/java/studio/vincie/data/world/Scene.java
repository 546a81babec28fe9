package studio.vincie.data.world;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A studio scene graph: background, camera and the objects in drawing order (later objects are drawn
 * on top, so z-order is list order). {@code previousBackground}/{@code backgroundMix} describe a
 * background cross-fade in progress (a frame in the middle of a background or time-of-day change):
 * the drawn background is {@code previousBackground} blended towards {@code background} by the mix.
 * Steady scenes have {@code previousBackground == null} and {@code backgroundMix == 1}.
 * Jackson serialises it as is ({@link SceneJson}).
 */
public record Scene(Background background, Camera camera, List<SceneObject> objects,
                    Background previousBackground, double backgroundMix) {

    public Scene {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(camera, "camera");
        objects = List.copyOf(objects);
        if (!(backgroundMix >= 0 && backgroundMix <= 1)) {
            throw new IllegalArgumentException("backgroundMix must be in [0, 1], was " + backgroundMix);
        }
        long distinct = objects.stream().map(SceneObject::id).distinct().count();
        if (distinct != objects.size()) {
            throw new IllegalArgumentException("object ids must be unique within a scene");
        }
    }

    /** A steady scene. */
    public Scene(Background background, Camera camera, List<SceneObject> objects) {
        this(background, camera, objects, null, 1.0);
    }

    public Optional<SceneObject> find(String id) {
        return objects.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** The object with this id; fails with a clear message when it is absent. */
    public SceneObject object(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no object with id " + id + " in the scene"));
    }

    /** Z index (0 = bottom) of the object, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public Scene withObjects(List<SceneObject> newObjects) {
        return new Scene(background, camera, newObjects, previousBackground, backgroundMix);
    }

    public Scene withCamera(Camera c) {
        return new Scene(background, c, objects, previousBackground, backgroundMix);
    }

    /** Steady background (ends any fade). */
    public Scene withBackground(Background b) {
        return new Scene(b, camera, objects, null, 1.0);
    }

    /** A background cross-fade from {@code from} to {@code to} at fraction {@code mix}. */
    public Scene withBackgroundFade(Background from, Background to, double mix) {
        return mix >= 1 ? withBackground(to) : new Scene(to, camera, objects, from, mix);
    }

    /** The same scene with one object replaced (matched by id). */
    public Scene replace(SceneObject o) {
        int i = indexOf(o.id());
        if (i < 0) {
            throw new IllegalArgumentException("no object with id " + o.id() + " in the scene");
        }
        var list = new java.util.ArrayList<>(objects);
        list.set(i, o);
        return withObjects(list);
    }
}
