package studio.vincie.bench;

import java.awt.image.BufferedImage;

import studio.vincie.data.frames.Psnr;

/**
 * Pixel metrics of the benchmark: mean absolute error (L1) and PSNR between two RGB images, IoU
 * between two grayscale masks, the binary views of masks the judge works on, and an image's
 * high-frequency energy (the noise figure). Values are on the 0..1 intensity scale except the
 * high-frequency energy (0..255); images compared must have the same size.
 */
public final class ImageMetrics {

    /** PSNR reported for identical images, where the formula is infinite; keeps JSON finite. */
    public static final double PSNR_CAP = Psnr.CAP;

    private ImageMetrics() {
    }

    /** Mean absolute difference over all pixels and the three channels, in 0..1. */
    public static double l1(BufferedImage a, BufferedImage b) {
        requireSameSize(a, b);
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs(((p >> 16) & 255) - ((q >> 16) & 255))
                        + Math.abs(((p >> 8) & 255) - ((q >> 8) & 255))
                        + Math.abs((p & 255) - (q & 255));
            }
        }
        return sum / (3.0 * 255.0 * a.getWidth() * a.getHeight());
    }

    /** Peak signal-to-noise ratio in dB (peak 255), capped at {@link #PSNR_CAP}; see {@link Psnr}. */
    public static double psnr(BufferedImage a, BufferedImage b) {
        requireSameSize(a, b);
        return Psnr.of(a, b);
    }

    /**
     * High-frequency energy: the mean over interior pixels and the three channels of the absolute
     * discrete Laplacian {@code |4 p - (left + right + up + down)|}, in 0..255 units (unlike the other
     * metrics). Flat regions score 0; an edge costs a line of pixels; per-pixel noise scores everywhere
     * (uniform noise of +-n adds about 2.1 n). The benchmark compares an output's figure with the
     * ground truth's, so that noisy output counts even where it costs little PSNR.
     */
    public static double highFrequency(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w < 3 || h < 3) {
            return 0;
        }
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        long sum = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int c = (rgb[i] >> shift) & 255;
                    int around = ((rgb[i - 1] >> shift) & 255) + ((rgb[i + 1] >> shift) & 255)
                            + ((rgb[i - w] >> shift) & 255) + ((rgb[i + w] >> shift) & 255);
                    sum += Math.abs(4 * c - around);
                }
            }
        }
        return sum / (3.0 * (w - 2) * (h - 2));
    }

    /**
     * The benchmark's noise figure for one output: its {@link #highFrequency} minus the ground truth's
     * (0..255; above 0 grainier than the truth, below 0 softer).
     */
    public static double highFrequencyExcess(BufferedImage output, BufferedImage truth) {
        return highFrequency(output) - highFrequency(truth);
    }

    /** Edits that change fewer pixels than this have nothing for the change-recall check to measure. */
    public static final int MIN_CHANGED = 4;

    /**
     * The judge's change check: of the pixels an edit changes ({@code before} vs {@code after} differ
     * by more than {@link JudgeTolerances#changedPixelDelta()} in some channel, 0..255), the share where
     * {@code output} is closer (Euclidean RGB) to {@code after} than to {@code before}; 1 when fewer than
     * {@link #MIN_CHANGED} pixels change. Also partial credit for an edit the other checks reject.
     */
    public static double changeRecall(BufferedImage before, BufferedImage after, BufferedImage output,
                                      JudgeTolerances tolerances) {
        requireSameSize(before, after);
        requireSameSize(output, after);
        int w = output.getWidth();
        int changed = 0;
        int towards = 0;
        for (int k = 0; k < w * output.getHeight(); k++) {
            int x = k % w;
            int y = k / w;
            int b = before.getRGB(x, y);
            int a = after.getRGB(x, y);
            if (maxChannelDelta(b, a) <= tolerances.changedPixelDelta()) {
                continue;
            }
            changed++;
            int v = output.getRGB(x, y);
            if (SceneParser.distance(v, a) < SceneParser.distance(v, b)) {
                towards++;
            }
        }
        return changed < MIN_CHANGED ? 1 : towards / (double) changed;
    }

    private static int maxChannelDelta(int a, int b) {
        int dr = Math.abs(((a >> 16) & 255) - ((b >> 16) & 255));
        int dg = Math.abs(((a >> 8) & 255) - ((b >> 8) & 255));
        int db = Math.abs((a & 255) - (b & 255));
        return Math.max(dr, Math.max(dg, db));
    }

    /** Mask pixels with gray level >= 128 (white = region), row-major. Null mask gives null. */
    public static boolean[] binary(BufferedImage mask) {
        if (mask == null) {
            return null;
        }
        int w = mask.getWidth();
        boolean[] out = new boolean[w * mask.getHeight()];
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                int p = mask.getRGB(x, y);
                // Luma of a gray mask is any channel; average guards against colored masks.
                int gray = (((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255)) / 3;
                out[y * w + x] = gray >= 128;
            }
        }
        return out;
    }

    /** Intersection over union of two masks; 1.0 when both are empty. */
    public static double maskIou(BufferedImage predicted, BufferedImage truth) {
        requireSameSize(predicted, truth);
        return iou(binary(predicted), binary(truth));
    }

    /** Intersection over union of two binary masks of equal length; 1.0 when both are empty. */
    public static double iou(boolean[] a, boolean[] b) {
        int inter = 0;
        int union = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] && b[i]) {
                inter++;
            }
            if (a[i] || b[i]) {
                union++;
            }
        }
        return union == 0 ? 1.0 : inter / (double) union;
    }

    /** Grows a binary mask by {@code radius} pixels (square neighbourhood; outside the image counts as unset). */
    public static boolean[] dilate(boolean[] mask, int width, int height, int radius) {
        return radius <= 0 ? mask.clone() : studio.vincie.data.masks.Morphology.dilate(mask, width, height, radius);
    }

    /** Gaussian blur of an RGB image (kernel radius 3 sigma, at least 1; edges keep their pixels). */
    public static BufferedImage gaussianBlur(BufferedImage src, double sigma) {
        if (!(sigma > 0 && sigma <= 10)) {
            throw new IllegalArgumentException("blur sigma must be in (0, 10] pixels, was " + sigma);
        }
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        int n = 2 * r + 1;
        float[] k = new float[n * n];
        float sum = 0;
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                float v = (float) Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                k[(y + r) * n + x + r] = v;
                sum += v;
            }
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(src, 0, 0, null);
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        new java.awt.image.ConvolveOp(new java.awt.image.Kernel(n, n, k), java.awt.image.ConvolveOp.EDGE_NO_OP, null)
                .filter(rgb, out);
        return out;
    }

    /** 3x3 box average of an RGB image (edge pixels average their in-frame neighbours). */
    public static BufferedImage boxSmooth(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] in = src.getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int n = 0;
                for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
                    for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                        int p = in[yy * w + xx];
                        r += (p >> 16) & 255;
                        g += (p >> 8) & 255;
                        b += p & 255;
                        n++;
                    }
                }
                out[y * w + x] = ((r + n / 2) / n << 16) | ((g + n / 2) / n << 8) | (b + n / 2) / n;
            }
        }
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, w, h, out, 0, w);
        return result;
    }

    static void requireSameSize(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("images differ in size: " + a.getWidth() + "x" + a.getHeight()
                    + " vs " + b.getWidth() + "x" + b.getHeight() + "; resize the model output to the benchmark size");
        }
    }
}
