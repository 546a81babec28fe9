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
        double[] change = blockMeans(before, after, block);
        int w = before.getWidth();
        int h = before.getHeight();
        int columns = (w + block - 1) / block;
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (change[(y / block) * columns + x / block] > threshold) {
                    mask.getRaster().setSample(x, y, 0, 255);
                }
            }
        }
        return mask;
    }

    /**
     * The mean absolute change (0-255, over pixels and RGB channels) of each {@code block} x
     * {@code block} block, row-major; blocks at the right and bottom edge may be smaller and are
     * measured over the pixels they hold.
     */
    public static double[] blockMeans(BufferedImage before, BufferedImage after, int block) {
        int w = before.getWidth();
        int h = before.getHeight();
        if (after.getWidth() != w || after.getHeight() != h) {
            throw new IllegalArgumentException("after is " + after.getWidth() + "x" + after.getHeight()
                    + ", before " + w + "x" + h);
        }
        if (block < 1) {
            throw new IllegalArgumentException("block must be at least 1 px, was " + block);
        }
        int columns = (w + block - 1) / block;
        double[] out = new double[columns * ((h + block - 1) / block)];
        for (int by = 0; by < h; by += block) {
            for (int bx = 0; bx < w; bx += block) {
                out[(by / block) * columns + bx / block] = meanChange(before, after, bx, by,
                        Math.min(w, bx + block), Math.min(h, by + block));
            }
        }
        return out;
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
