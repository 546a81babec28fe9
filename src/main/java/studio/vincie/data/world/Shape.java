package studio.vincie.data.world;

import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The ten studio shapes. Each has an outline of nominal radius 1 centred on the origin, pointing up
 * (screen y grows downwards), all fitting inside radius {@link #EXTENT}. {@code symmetry} is the
 * smallest rotation in degrees that maps the outline onto itself (360 for none, 0 for any angle), so a
 * rotation event can pick an angle that visibly changes the object.
 */
public enum Shape {
    CIRCLE("circle", 0),
    SQUARE("square", 90),
    TRIANGLE("triangle", 120),
    STAR("star", 72),
    HEART("heart", 360),
    HEXAGON("hexagon", 60),
    DIAMOND("diamond", 180),
    CROSS("cross", 90),
    RING("ring", 0),
    PENTAGON("pentagon", 72);

    /** Every outline lies within this radius (times the object's scale). */
    public static final double EXTENT = 1.3;

    private final String word;
    private final double symmetry;
    private java.awt.Shape unit;

    Shape(String word, double symmetry) {
        this.word = word;
        this.symmetry = symmetry;
    }

    public String word() {
        return word;
    }

    /** Smallest self-mapping rotation in degrees; 0 means rotation never shows (circle, ring). */
    public double symmetry() {
        return symmetry;
    }

    /** True when rotating by {@code degrees} visibly changes the outline. */
    public boolean rotationShows(double degrees) {
        if (symmetry == 0) {
            return false;
        }
        double r = Math.abs(degrees) % symmetry;
        return Math.min(r, symmetry - r) >= 10;
    }

    /** The outline at radius 1, centred on the origin. Shared immutable geometry: do not modify. */
    public synchronized java.awt.Shape unitOutline() {
        if (unit == null) {
            unit = build();
        }
        return unit;
    }

    private java.awt.Shape build() {
        return switch (this) {
            case CIRCLE -> new Ellipse2D.Double(-1, -1, 2, 2);
            case SQUARE -> new Rectangle2D.Double(-0.85, -0.85, 1.7, 1.7);
            case TRIANGLE -> regular(3, 1.18, 0.2);
            case STAR -> star(1.18, 0.5);
            case HEART -> heart();
            case HEXAGON -> regular(6, 1.05, 0);
            case DIAMOND -> polygon(new double[] {0, 0.75, 0, -0.75}, new double[] {-1.15, 0, 1.15, 0});
            case CROSS -> cross();
            case RING -> ring();
            case PENTAGON -> regular(5, 1.08, 0.08);
        };
    }

    /** Regular polygon with a vertex pointing up, shifted down by {@code dy} to centre its area. */
    private static java.awt.Shape regular(int n, double radius, double dy) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / n;
            xs[i] = radius * Math.cos(a);
            ys[i] = radius * Math.sin(a) + dy;
        }
        return polygon(xs, ys);
    }

    private static java.awt.Shape star(double outer, double inner) {
        double[] xs = new double[10];
        double[] ys = new double[10];
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + Math.PI * i / 5;
            double r = i % 2 == 0 ? outer : inner;
            xs[i] = r * Math.cos(a);
            ys[i] = r * Math.sin(a) + 0.1;
        }
        return polygon(xs, ys);
    }

    private static java.awt.Shape heart() {
        // Classic parametric heart; its raw extent is x in [-16, 16], y in [-17, 12] after flipping y.
        int n = 96;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double x = 16 * Math.pow(Math.sin(t), 3);
            double y = 13 * Math.cos(t) - 5 * Math.cos(2 * t) - 2 * Math.cos(3 * t) - Math.cos(4 * t);
            xs[i] = x / 15.0;
            ys[i] = (-y - 2.5) / 15.0;
        }
        return polygon(xs, ys);
    }

    private static java.awt.Shape cross() {
        Area a = new Area(new Rectangle2D.Double(-1.05, -0.32, 2.1, 0.64));
        a.add(new Area(new Rectangle2D.Double(-0.32, -1.05, 0.64, 2.1)));
        return a;
    }

    private static java.awt.Shape ring() {
        Area a = new Area(new Ellipse2D.Double(-1.05, -1.05, 2.1, 2.1));
        a.subtract(new Area(new Ellipse2D.Double(-0.55, -0.55, 1.1, 1.1)));
        return a;
    }

    private static java.awt.Shape polygon(double[] xs, double[] ys) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        p.closePath();
        return p;
    }
}
