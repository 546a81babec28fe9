package studio.vincie.model.codec;

import java.awt.image.BufferedImage;

/**
 * Where an edit changed the picture, from the model's own output: the image is cut into the model's
 * patch blocks, and a block belongs to the region when its mean absolute change from the image edited
 * from (over pixels and RGB channels, 0-255) exceeds a threshold. With {@link RegionComposite} as the
 * mask, this keeps exactly what the model left (nearly) alone, so its small per-patch offsets do not
 * show as a grid over the untouched picture, while every patch it really changed stays as generated.
 */
public final class ChangeRegion {

    private ChangeRegion() {
    }

    /**
     * @param before    the image the turn edits from, at the model's size
     * @param after     the model's output, same size
     * @param block     the patch size in pixels
     * @param threshold mean absolute change (0-255) above which a block counts as changed
     * @return a grayscale mask of the same size, white on changed blocks, black elsewhere
     */
    public static BufferedImage of(BufferedImage before, BufferedImage after, int block, double threshold) {
        int w = before.getWidth();
        int h = before.getHeight();
        if (after.getWidth() != w || after.getHeight() != h) {
            throw new IllegalArgumentException("after is " + after.getWidth() + "x" + after.getHeight()
                    + ", before " + w + "x" + h);
        }
        if (block < 1) {
            throw new IllegalArgumentException("block must be at least 1 px, was " + block);
        }
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int by = 0; by < h; by += block) {
            for (int bx = 0; bx < w; bx += block) {
                int x1 = Math.min(w, bx + block);
                int y1 = Math.min(h, by + block);
                if (meanChange(before, after, bx, by, x1, y1) > threshold) {
                    for (int y = by; y < y1; y++) {
                        for (int x = bx; x < x1; x++) {
                            mask.getRaster().setSample(x, y, 0, 255);
                        }
                    }
                }
            }
        }
        return mask;
    }

    private static double meanChange(BufferedImage a, BufferedImage b, int x0, int y0, int x1, int y1) {
        long sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int sh = 0; sh <= 16; sh += 8) {
                    sum += Math.abs(((p >> sh) & 0xFF) - ((q >> sh) & 0xFF));
                }
            }
        }
        return sum / (3.0 * (x1 - x0) * (y1 - y0));
    }
}
