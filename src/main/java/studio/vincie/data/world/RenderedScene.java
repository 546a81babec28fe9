package studio.vincie.data.world;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;

/**
 * A rendered frame plus, for every object, its drawn coverage (alpha, ignoring occlusion) and its
 * visible coverage (after the objects above it), both 0..1 per pixel in row-major order.
 * Produced by {@link SceneRenderer#draw}.
 */
public final class RenderedScene {

    private final BufferedImage image;
    private final List<String> ids;
    private final float[][] alpha;
    private final float[][] visible;
    private final int width;
    private final int height;

    RenderedScene(BufferedImage image, List<String> ids, float[][] alpha, float[][] visible, int width, int height) {
        this.image = image;
        this.ids = List.copyOf(ids);
        this.alpha = alpha;
        this.visible = visible;
        this.width = width;
        this.height = height;
    }

    public BufferedImage image() {
        return image;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Object ids in z order (bottom first). */
    public List<String> ids() {
        return ids;
    }

    /** Visible coverage of the object per pixel (0..1); the array is shared, do not modify. */
    public float[] visible(String id) {
        return visible[index(id)];
    }

    /** Drawn coverage ignoring occlusion (0..1); the array is shared, do not modify. */
    public float[] drawn(String id) {
        return alpha[index(id)];
    }

    /** Sum of visible coverage in pixels. */
    public double visibleArea(String id) {
        return sum(visible(id));
    }

    /** Sum of drawn coverage in pixels (what would show with nothing on top). */
    public double drawnArea(String id) {
        return sum(drawn(id));
    }

    /**
     * Gray coverage mask of the object as drawn (occlusion and camera included): 255 = fully covered,
     * intermediate values on anti-aliased edges, 0 = not covered.
     */
    public BufferedImage coverageMask(String id) {
        float[] v = visible(id);
        BufferedImage m = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) m.getRaster().getDataBuffer()).getData();
        for (int k = 0; k < v.length; k++) {
            px[k] = (byte) Math.round(v[k] * 255);
        }
        return m;
    }

    private int index(String id) {
        int i = ids.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no object with id " + id + " in the rendered scene");
        }
        return i;
    }

    private static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }
}
