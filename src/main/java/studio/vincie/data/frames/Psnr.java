package studio.vincie.data.frames;

import java.awt.image.BufferedImage;

/**
 * Peak signal-to-noise ratio between two RGB images of the same size, in dB (peak 255, mean squared error
 * over the three channels). The one PSNR of the project: the video round-trip check in {@code data} and
 * the benchmark in {@code bench} both use it, so their figures are comparable. Identical images, where the
 * formula is infinite, give {@link #CAP} so that reports and JSON stay finite.
 */
public final class Psnr {

    /** PSNR reported for identical images; no finite PSNR of a real image pair reaches it. */
    public static final double CAP = 100.0;

    private Psnr() {
    }

    /** PSNR of {@code a} against {@code b} in dB, at most {@link #CAP}. */
    public static double of(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("images differ in size: " + a.getWidth() + "x" + a.getHeight()
                    + " vs " + b.getWidth() + "x" + b.getHeight() + "; resize one to the other's size first");
        }
        double sq = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    double d = ((p >> shift) & 255) - ((q >> shift) & 255);
                    sq += d * d;
                }
            }
        }
        double mse = sq / (3.0 * a.getWidth() * a.getHeight());
        if (mse == 0) {
            return CAP;
        }
        return Math.min(CAP, 10 * Math.log10(255.0 * 255.0 / mse));
    }
}
