package studio.vincie.data.world;

import java.util.Objects;

/**
 * One object of a studio scene: a stable id, a shape, a palette color, an exact scale (radius in scene
 * units; {@link #size()} gives the word), the centre in scene coordinates (x right, y down, the
 * visible scene is the unit square at the default camera), a clockwise rotation in degrees, and an
 * opacity. {@code fromColor}/{@code colorMix} describe a recolor in progress (a frame in the middle of
 * a video): the drawn color is {@code fromColor} blended towards {@code color} by {@code colorMix};
 * steady objects have {@code fromColor == null} and {@code colorMix == 1}.
 */
public record SceneObject(String id, Shape shape, NamedColor color, double scale, double x, double y,
                          double rotation, double opacity, NamedColor fromColor, double colorMix) {

    public SceneObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(color, "color");
        if (!(scale > 0 && scale < 1)) {
            throw new IllegalArgumentException("scale must be in (0, 1) scene units, was " + scale);
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1], was " + opacity);
        }
        if (!(colorMix >= 0 && colorMix <= 1)) {
            throw new IllegalArgumentException("colorMix must be in [0, 1], was " + colorMix);
        }
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(rotation)) {
            throw new IllegalArgumentException("position and rotation must be finite numbers");
        }
    }

    /** A steady, fully opaque object. */
    public SceneObject(String id, Shape shape, NamedColor color, double scale, double x, double y,
                       double rotation) {
        this(id, shape, color, scale, x, y, rotation, 1.0, null, 1.0);
    }

    /** Size word of the exact scale. */
    public Size size() {
        return Size.of(scale);
    }

    /** Drawn color (before the scene's light tint), RGB 0..255 as doubles. */
    public double[] paint() {
        if (fromColor == null || colorMix >= 1) {
            return new double[] {color.red(), color.green(), color.blue()};
        }
        double m = colorMix;
        return new double[] {
            fromColor.red() + m * (color.red() - fromColor.red()),
            fromColor.green() + m * (color.green() - fromColor.green()),
            fromColor.blue() + m * (color.blue() - fromColor.blue())};
    }

    /** Radius within which the whole outline lies, in scene units. */
    public double extent() {
        return scale * Shape.EXTENT;
    }

    public SceneObject withColor(NamedColor c) {
        return new SceneObject(id, shape, c, scale, x, y, rotation, opacity, null, 1.0);
    }

    public SceneObject withColorBlend(NamedColor from, NamedColor to, double mix) {
        return new SceneObject(id, shape, to, scale, x, y, rotation, opacity, mix >= 1 ? null : from,
                mix >= 1 ? 1.0 : mix);
    }

    public SceneObject withScale(double s) {
        return new SceneObject(id, shape, color, s, x, y, rotation, opacity, fromColor, colorMix);
    }

    public SceneObject withPosition(double nx, double ny) {
        return new SceneObject(id, shape, color, scale, nx, ny, rotation, opacity, fromColor, colorMix);
    }

    public SceneObject withRotation(double r) {
        return new SceneObject(id, shape, color, scale, x, y, r, opacity, fromColor, colorMix);
    }

    public SceneObject withOpacity(double o) {
        return new SceneObject(id, shape, color, scale, x, y, rotation, o, fromColor, colorMix);
    }
}
