package studio.vincie.data.world;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The guarantees every generated scene keeps, so an instruction's objects can be found again by a
 * judge that parses the image: each object lies fully inside the view, at least
 * {@link #MIN_VISIBLE_FRACTION} of it is visible, its displayed color differs from the background under
 * it by at least {@link #MIN_CONTRAST} (RGB distance), objects that touch or overlap differ in color
 * by at least as much, and no two objects share shape, color and size word.
 */
public final class SceneChecks {

    /** Share of an object's drawn area that must stay visible (not covered by objects above it). */
    public static final double MIN_VISIBLE_FRACTION = 0.6;
    /** Minimum RGB distance between an object's displayed color and the background or a touching object. */
    public static final double MIN_CONTRAST = 75;
    /** Minimum margin between an object's outline radius and the view border, in view units. */
    public static final double VIEW_MARGIN = 0.015;
    /** Resolution of the checks' internal render. */
    static final int CHECK_SIZE = 96;

    private SceneChecks() {
    }

    public static boolean ok(Scene scene) {
        return problems(scene).isEmpty();
    }

    /** Every broken guarantee, in words; empty when the scene is fine. */
    public static List<String> problems(Scene scene) {
        List<String> out = new ArrayList<>();
        List<SceneObject> objs = scene.objects();
        Camera cam = scene.camera();
        for (SceneObject o : objs) {
            double r = o.extent() * cam.zoom();
            double vx = cam.viewX(o.x());
            double vy = cam.viewY(o.y());
            if (vx - r < VIEW_MARGIN || vx + r > 1 - VIEW_MARGIN || vy - r < VIEW_MARGIN || vy + r > 1 - VIEW_MARGIN) {
                out.add(o.id() + " is not fully inside the view");
            }
        }
        for (int i = 0; i < objs.size(); i++) {
            for (int j = i + 1; j < objs.size(); j++) {
                SceneObject a = objs.get(i);
                SceneObject b = objs.get(j);
                if (a.shape() == b.shape() && a.color() == b.color() && a.size() == b.size()) {
                    out.add(a.id() + " and " + b.id() + " look the same");
                }
                double gap = Math.hypot(a.x() - b.x(), a.y() - b.y()) - a.extent() - b.extent();
                if (gap < 0.03 && a.color().distance(b.color()) < MIN_CONTRAST) {
                    out.add(a.id() + " and " + b.id() + " touch and have similar colors");
                }
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        RenderedScene drawn = SceneRenderer.draw(scene, CHECK_SIZE, CHECK_SIZE);
        BufferedImage bare = SceneRenderer.render(scene.withObjects(List.of()), CHECK_SIZE, CHECK_SIZE);
        int[] bg = bare.getRGB(0, 0, CHECK_SIZE, CHECK_SIZE, null, 0, CHECK_SIZE);
        for (SceneObject o : objs) {
            double drawnArea = drawn.drawnArea(o.id());
            if (drawnArea <= 0 || drawn.visibleArea(o.id()) < MIN_VISIBLE_FRACTION * drawnArea) {
                out.add(o.id() + " is mostly hidden");
                continue;
            }
            int[] c = SceneRenderer.displayedColor(scene, o.color());
            float[] alpha = drawn.drawn(o.id());
            double minD = Double.MAX_VALUE;
            for (int k = 0; k < alpha.length; k++) {
                if (alpha[k] > 0.3f) {
                    int p = bg[k];
                    double d = Math.sqrt(sq(c[0] - ((p >> 16) & 0xff)) + sq(c[1] - ((p >> 8) & 0xff)) + sq(c[2] - (p & 0xff)));
                    minD = Math.min(minD, d);
                }
            }
            if (minD < MIN_CONTRAST) {
                out.add(o.id() + " (" + o.color().word() + ") blends into the background");
            }
        }
        return out;
    }

    private static double sq(double v) {
        return v * v;
    }
}
