package studio.vincie.model.codec;

import java.awt.image.BufferedImage;

/**
 * Keeps the source outside an edit region: {@code out = a * edited + (1 - a) * source}, where the
 * weight {@code a} is the region (mask > 127) grown by {@code grow} pixels and then softened over
 * {@code feather} pixels, so the seam does not show. What an inpainting tool does with a painted
 * mask: the edit may happen inside, everything outside stays exactly as it was, at the source's full
 * resolution (the model works at its own, smaller size).
 */
public final class RegionComposite {

    private RegionComposite() {
    }

    /**
     * @param source the image the turn edits from
     * @param edited the model's output, same size as the source
     * @param regions grayscale masks at the source size (null entries are skipped); their union is the region
     */
    public static BufferedImage blend(BufferedImage source, BufferedImage edited, int grow, int feather,
                                      BufferedImage... regions) {
        int w = source.getWidth();
        int h = source.getHeight();
        if (edited.getWidth() != w || edited.getHeight() != h) {
            throw new IllegalArgumentException("edited image is " + edited.getWidth() + "x" + edited.getHeight()
                    + ", source " + w + "x" + h);
        }
        float[] alpha = weights(w, h, grow, feather, regions);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float a = alpha[y * w + x];
                int s = source.getRGB(x, y);
                int e = edited.getRGB(x, y);
                int rgb = a >= 1f ? e : a <= 0f ? s : mix(s, e, a);
                out.setRGB(x, y, rgb & 0xFFFFFF);
            }
        }
        return out;
    }

    /** Per-pixel weight of the edit in [0, 1] (row-major). */
    static float[] weights(int w, int h, int grow, int feather, BufferedImage... regions) {
        boolean[] in = new boolean[w * h];
        for (BufferedImage r : regions) {
            if (r == null) {
                continue;
            }
            if (r.getWidth() != w || r.getHeight() != h) {
                throw new IllegalArgumentException("region is " + r.getWidth() + "x" + r.getHeight()
                        + ", source " + w + "x" + h);
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    in[y * w + x] |= r.getRaster().getSample(x, y, 0) > 127;
                }
            }
        }
        boolean[] grown = dilate(in, w, h, grow);
        float[] a = new float[w * h];
        for (int i = 0; i < a.length; i++) {
            a[i] = grown[i] ? 1f : 0f;
        }
        return feather > 0 ? boxBlurOutward(a, grown, w, h, feather) : a;
    }

    /** Square dilation by {@code r} pixels (separable: rows, then columns). */
    private static boolean[] dilate(boolean[] in, int w, int h, int r) {
        if (r <= 0) {
            return in.clone();
        }
        boolean[] rows = new boolean[in.length];
        for (int y = 0; y < h; y++) {
            int last = Integer.MIN_VALUE / 2; // last set column seen
            for (int x = 0; x < w + r; x++) {
                if (x < w && in[y * w + x]) {
                    last = x;
                }
                // pixel x - r is covered by any set pixel in [x - 2r, x]
                int t = x - r;
                if (t >= 0 && x - last <= 2 * r) {
                    rows[y * w + t] = true;
                }
            }
        }
        boolean[] out = new boolean[in.length];
        for (int x = 0; x < w; x++) {
            int last = Integer.MIN_VALUE / 2;
            for (int y = 0; y < h + r; y++) {
                if (y < h && rows[y * w + x]) {
                    last = y;
                }
                int t = y - r;
                if (t >= 0 && y - last <= 2 * r) {
                    out[t * w + x] = true;
                }
            }
        }
        return out;
    }

    /**
     * Softens the edge outward only: inside the grown region the weight stays 1, so the edit itself is
     * never blended away; outside it falls off over {@code f} pixels.
     */
    private static float[] boxBlurOutward(float[] a, boolean[] inside, int w, int h, int f) {
        float[] blurred = new float[a.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                int n = 0;
                for (int dy = -f; dy <= f; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -f; dx <= f; dx++) {
                        int xx = x + dx;
                        if (xx >= 0 && xx < w) {
                            sum += a[yy * w + xx];
                            n++;
                        }
                    }
                }
                blurred[y * w + x] = inside[y * w + x] ? 1f : sum / n;
            }
        }
        return blurred;
    }

    private static int mix(int s, int e, float a) {
        int out = 0;
        for (int sh = 16; sh >= 0; sh -= 8) {
            float v = ((s >> sh) & 0xFF) * (1 - a) + ((e >> sh) & 0xFF) * a;
            out |= Math.round(v) << sh;
        }
        return out;
    }
}
