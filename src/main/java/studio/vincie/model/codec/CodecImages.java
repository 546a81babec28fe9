package studio.vincie.model.codec;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Image helpers of the codecs and the model: bilinear resizing, and RGB to and from planar float
 * values in [-1, 1] ((3, S, S), channel-major) for the learned codec.
 */
public final class CodecImages {

    private CodecImages() {
    }

    /** {@code in} at {@code size x size} RGB (bilinear), or {@code in} itself when it already is that size. */
    public static BufferedImage resized(BufferedImage in, int size) {
        return scaled(in, size, size, BufferedImage.TYPE_INT_RGB);
    }

    /**
     * {@code in} drawn at {@code w x h} into a new image of {@code type} with bilinear interpolation, or
     * {@code in} itself when it already has that size (its type is then kept).
     */
    public static BufferedImage scaled(BufferedImage in, int w, int h, int type) {
        if (in.getWidth() == w && in.getHeight() == h) {
            return in;
        }
        BufferedImage out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Planar (3, S, S) values of the image resized to {@code size}. */
    public static float[] planar(BufferedImage image, int size) {
        int[] rgb = resized(image, size).getRGB(0, 0, size, size, null, 0, size);
        int plane = size * size;
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            out[i] = ((p >> 16) & 0xFF) / 127.5f - 1f;
            out[plane + i] = ((p >> 8) & 0xFF) / 127.5f - 1f;
            out[2 * plane + i] = (p & 0xFF) / 127.5f - 1f;
        }
        return out;
    }

    /** The image of planar (3, S, S) values, clamped to [0, 255]. */
    public static BufferedImage image(float[] planar, int size) {
        int plane = size * size;
        if (planar.length != 3 * plane) {
            throw new IllegalArgumentException("image has " + planar.length + " values, expected " + 3 * plane);
        }
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = (toByte(planar[i]) << 16) | (toByte(planar[plane + i]) << 8) | toByte(planar[2 * plane + i]);
        }
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, size, size, rgb, 0, size);
        return img;
    }

    public static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
    }
}
