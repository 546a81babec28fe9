package studio.vincie.data.frames;

import java.awt.image.BufferedImage;

/**
 * A small grayscale copy of a frame (box-filtered luma), the unit frame differences are measured on. Box
 * filtering averages away most codec noise, so differences respond to content, not to compression.
 */
public record Thumbnail(int size, float[] luma) {

    /** Box-filters {@code frame} down to {@code size x size} luma (ITU-R BT.601 weights). */
    public static Thumbnail of(BufferedImage frame, int size) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        float[] sum = new float[size * size];
        int[] count = new int[size * size];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            frame.getRGB(0, y, w, 1, row, 0, w);
            int ty = y * size / h;
            for (int x = 0; x < w; x++) {
                int p = row[x];
                float l = 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
                int t = ty * size + x * size / w;
                sum[t] += l;
                count[t]++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = count[i] == 0 ? 0 : sum[i] / count[i];
        }
        return new Thumbnail(size, sum);
    }

    /** Largest absolute luma difference to {@code other} over all thumbnail pixels (0..255). */
    public double maxDifference(Thumbnail other) {
        if (other.size != size) {
            throw new IllegalArgumentException("thumbnails of different sizes: " + size + " vs " + other.size);
        }
        float max = 0;
        for (int i = 0; i < luma.length; i++) {
            max = Math.max(max, Math.abs(luma[i] - other.luma[i]));
        }
        return max;
    }
}
