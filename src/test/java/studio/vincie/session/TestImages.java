package studio.vincie.session;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Small deterministic images and masks for tests. */
public final class TestImages {

    private TestImages() {
    }

    /** A horizontal gradient with a dark square, so any edit is visible. */
    public static BufferedImage gradient(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, new Color(x * 255 / Math.max(1, w - 1), y * 255 / Math.max(1, h - 1), 128).getRGB());
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(w / 8, h / 8, w / 6, h / 6);
        g.dispose();
        return img;
    }

    /** A mask that is white inside the given rectangle. */
    public static BufferedImage rectMask(int w, int h, int x, int y, int rw, int rh) {
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(x, y, rw, rh);
        g.dispose();
        return mask;
    }
}
