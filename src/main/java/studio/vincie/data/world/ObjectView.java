package studio.vincie.data.world;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * How one object appears in a rendered frame, for judges and debugging: its words, the RGB it shows
 * under the scene's light, its centre and radius in pixels, its visible area (sum of visible coverage,
 * pixels), the centroid of its visible coverage and the bounding box of its visible pixels.
 */
public record ObjectView(String id, Shape shape, NamedColor color, Size size, int[] displayedRgb,
                         double centerX, double centerY, double radiusPx, double visibleArea,
                         double centroidX, double centroidY, Rectangle bounds) {

    /** Views of every object of the scene at the given frame size, in z order. */
    public static List<ObjectView> of(Scene scene, int width, int height) {
        return of(scene, SceneRenderer.draw(scene, width, height));
    }

    /** Views from an existing render of the scene. */
    public static List<ObjectView> of(Scene scene, RenderedScene r) {
        int w = r.width();
        double side = Math.min(w, r.height());
        double ox = (w - side) / 2.0;
        double oy = (r.height() - side) / 2.0;
        Camera cam = scene.camera();
        List<ObjectView> out = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            float[] v = r.visible(o.id());
            double sum = 0;
            double sx = 0;
            double sy = 0;
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            int maxX = -1;
            int maxY = -1;
            for (int k = 0; k < v.length; k++) {
                if (v[k] > 0) {
                    int x = k % w;
                    int y = k / w;
                    sum += v[k];
                    sx += v[k] * (x + 0.5);
                    sy += v[k] * (y + 0.5);
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
            Rectangle box = maxX < 0 ? new Rectangle() : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
            out.add(new ObjectView(o.id(), o.shape(), o.color(), o.size(), SceneRenderer.displayedColor(scene, o.color()),
                    ox + side * cam.viewX(o.x()), oy + side * cam.viewY(o.y()), o.scale() * cam.zoom() * side, sum,
                    sum > 0 ? sx / sum : Double.NaN, sum > 0 ? sy / sum : Double.NaN, box));
        }
        return out;
    }
}
