package studio.vincie.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the objects in an image by parsing its pixels, the way the judge reads a model's output:
 * colour segmentation against the named palette (as lit in the scene), then connected components.
 *
 * <p>A pixel belongs to palette colour c when it differs from the scene background at that place by
 * more than {@link JudgeTolerances#backgroundSeparation()}, lies within {@link JudgeTolerances#colorDistance()}
 * of c, and is closer to c than to the background. Other non-background pixels (anti-aliased edges,
 * smears) stay unlabelled. Components of each colour (4-connected) smaller than
 * {@link JudgeTolerances#minObjectPixels()} are dropped as noise. Objects of one colour that touch merge
 * into one region; the judge compares regions, so that case is judged on the merged silhouette.
 */
public final class SceneParser {

    /** Unlabelled pixels this close to a component count as its anti-aliased rim. */
    static final int RIM = 1;

    /** Interior pixels (all four neighbours in the region) a region needs to count as an object. */
    static final int MIN_CORE = 3;

    private final JudgeTolerances tolerances;

    public SceneParser(JudgeTolerances tolerances) {
        this.tolerances = tolerances;
    }

    /**
     * @param image      the image to parse
     * @param background the scene's background without objects (same lighting), same size
     * @param palette    colour name to lit RGB (0xRRGGBB)
     */
    public List<FoundObject> parse(BufferedImage image, BufferedImage background, Map<String, Integer> palette) {
        ImageMetrics.requireSameSize(image, background);
        int w = image.getWidth();
        int h = image.getHeight();
        String[] names = palette.keySet().toArray(String[]::new);
        int[] colors = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            colors[i] = palette.get(names[i]);
        }
        int[] labels = label(image, background, colors);
        double scale = JudgeTolerances.scale(Math.min(w, h));
        int minPixels = Math.max(1, (int) Math.round(tolerances.minObjectPixels() * scale * scale));
        List<FoundObject> found = new ArrayList<>();
        boolean[] seen = new boolean[w * h];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < labels.length; start++) {
            if (labels[start] < 0 || seen[start]) {
                continue;
            }
            int label = labels[start];
            boolean[] pixels = new boolean[w * h];
            int area = 0;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                int x = p % w;
                int y = p / w;
                pixels[p] = true;
                area++;
                int[] neighbours = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1};
                for (int q : neighbours) {
                    if (q >= 0 && !seen[q] && labels[q] == label) {
                        seen[q] = true;
                        queue.add(q);
                    }
                }
            }
            // A region with no interior pixel is a seam (the blend along an edge between two colours
            // looks like a third one), not an object.
            if (area >= minPixels && hasCore(pixels, w, h)) {
                found.add(measure(names[label], colors[label], pixels, labels, image, background));
            }
        }
        return found;
    }

    /**
     * Coverage of a component: its pixels and the unlabelled rim pixels within {@link #RIM} pixels,
     * each projected onto the line from the background colour there to the object colour (0 = background,
     * 1 = object colour), as the renderer's "source over" compositing made them.
     */
    private static FoundObject measure(String name, int color, boolean[] pixels, int[] labels, BufferedImage image,
                                       BufferedImage background) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean[] rim = ImageMetrics.dilate(pixels, w, h, RIM);
        float[] alpha = new float[w * h];
        double area = 0;
        double sumX = 0;
        double sumY = 0;
        for (int k = 0; k < rim.length; k++) {
            if (!rim[k] || (!pixels[k] && labels[k] >= 0)) {
                continue;
            }
            int x = k % w;
            int y = k / w;
            float a = (float) coverage(image.getRGB(x, y), background.getRGB(x, y), color);
            alpha[k] = a;
            area += a;
            sumX += a * (x + 0.5);
            sumY += a * (y + 0.5);
        }
        return new FoundObject(name, area, sumX / area, sumY / area, pixels, alpha);
    }

    /** Where v lies between background b (0) and colour c (1), clamped to 0..1. */
    static double coverage(int v, int b, int c) {
        double num = 0;
        double den = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double cb = ((c >> shift) & 255) - ((b >> shift) & 255);
            num += (((v >> shift) & 255) - ((b >> shift) & 255)) * cb;
            den += cb * cb;
        }
        return den == 0 ? 0 : Math.max(0, Math.min(1, num / den));
    }

    /** Whether some pixel of the region has all four neighbours in the region, in at least {@link #MIN_CORE} places. */
    private static boolean hasCore(boolean[] pixels, int w, int h) {
        int core = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int k = y * w + x;
                if (pixels[k] && pixels[k - 1] && pixels[k + 1] && pixels[k - w] && pixels[k + w] && ++core >= MIN_CORE) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The colour label of every pixel: an index into {@code palette.keySet()} in its iteration order, or
     * -1 for background and unlabelled pixels. Two calls with the same map instance use the same indices.
     */
    public int[] labels(BufferedImage image, BufferedImage background, Map<String, Integer> palette) {
        ImageMetrics.requireSameSize(image, background);
        int[] colors = palette.values().stream().mapToInt(Integer::intValue).toArray();
        return label(image, background, colors);
    }

    /** Palette index per pixel, or -1 for background and unlabelled pixels. */
    private int[] label(BufferedImage image, BufferedImage background, int[] colors) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] labels = new int[w * h];
        double separation = tolerances.backgroundSeparation();
        double maxColor = tolerances.colorDistance();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = image.getRGB(x, y);
                // Backgrounds vary only vertically (sky gradient, horizon): a blend of the background two
                // rows up and down (a softened horizon) is still background.
                int up = background.getRGB(x, Math.max(0, y - 2));
                int down = background.getRGB(x, Math.min(h - 1, y + 2));
                double toBackground = Math.min(distance(v, background.getRGB(x, y)), distanceToSegment(v, up, down));
                int best = -1;
                double bestDistance = Double.MAX_VALUE;
                if (toBackground > separation) {
                    for (int c = 0; c < colors.length; c++) {
                        double d = distance(v, colors[c]);
                        if (d < bestDistance) {
                            bestDistance = d;
                            best = c;
                        }
                    }
                    // An object pixel must look like its colour more than like the background behind it.
                    if (bestDistance > maxColor || bestDistance >= toBackground) {
                        best = -1;
                    }
                }
                labels[y * w + x] = best;
            }
        }
        return labels;
    }

    /** RGB distance from v to the nearest blend of a and b. */
    static double distanceToSegment(int v, int a, int b) {
        double num = 0;
        double den = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double ab = ((b >> shift) & 255) - ((a >> shift) & 255);
            num += (((v >> shift) & 255) - ((a >> shift) & 255)) * ab;
            den += ab * ab;
        }
        double t = den == 0 ? 0 : Math.max(0, Math.min(1, num / den));
        double sq = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double pa = (a >> shift) & 255;
            double d = ((v >> shift) & 255) - (pa + t * (((b >> shift) & 255) - pa));
            sq += d * d;
        }
        return Math.sqrt(sq);
    }

    /** Euclidean RGB distance on the 0..255 scale. */
    static double distance(int a, int b) {
        int dr = ((a >> 16) & 255) - ((b >> 16) & 255);
        int dg = ((a >> 8) & 255) - ((b >> 8) & 255);
        int db = (a & 255) - (b & 255);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
