package studio.vincie.data.world;

import java.util.Objects;

/**
 * What lies behind the objects: either a solid backdrop color, or a sky gradient over a ground whose
 * horizon sits at scene y {@code horizon}. The time of day sets the sky colors and the light tint
 * that the renderer multiplies into objects, ground and solid backdrops ({@link TimeOfDay#tint()}).
 */
public record Background(Kind kind, Backdrop backdrop, Backdrop ground, TimeOfDay time, double horizon) {

    /** Solid backdrop or sky with ground. */
    public enum Kind { SOLID, SKY }

    public Background {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        if (kind == Kind.SOLID && (backdrop == null || backdrop.isGround())) {
            throw new IllegalArgumentException("a solid background needs a backdrop color that is not a ground, was " + backdrop);
        }
        if (kind == Kind.SKY && (ground == null || !ground.isGround())) {
            throw new IllegalArgumentException("a sky background needs a ground (GRASS, SAND or STONE), was " + ground);
        }
        if (!(horizon > 0 && horizon < 1.5)) {
            throw new IllegalArgumentException("horizon must be a scene y in (0, 1.5), was " + horizon);
        }
    }

    public static Background solid(Backdrop color, TimeOfDay time) {
        return new Background(Kind.SOLID, color, null, time, 0.7);
    }

    public static Background sky(Backdrop ground, TimeOfDay time, double horizon) {
        return new Background(Kind.SKY, null, ground, time, horizon);
    }

    public Background withTime(TimeOfDay t) {
        return new Background(kind, backdrop, ground, t, horizon);
    }

    /** Words for instructions: "a pale blue backdrop", "a sky over grass". */
    public String describe() {
        return kind == Kind.SOLID ? "a plain " + backdrop.word() + " background"
                : "a sky over " + ground.word();
    }
}
