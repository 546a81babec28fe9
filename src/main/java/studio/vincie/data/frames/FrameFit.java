package studio.vincie.data.frames;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Fits decoded frames to the dataset's square image size: centre crop to a square, then scale if needed. */
public final class FrameFit {

    private FrameFit() {
    }

    /** The largest centred square of {@code frame}, scaled to {@code size x size} (RGB). */
    public static BufferedImage centerSquare(BufferedImage frame, int size) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        int side = Math.min(w, h);
        int x0 = (w - side) / 2;
        int y0 = (h - side) / 2;
        if (side == size && w == size && h == size && frame.getType() == BufferedImage.TYPE_INT_RGB) {
            return frame;
        }
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        if (side == size) {
            int[] row = new int[size];
            for (int y = 0; y < size; y++) {
                frame.getRGB(x0, y0 + y, size, 1, row, 0, size);
                out.setRGB(0, y, size, 1, row, 0, size);
            }
            return out;
        }
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(frame, 0, 0, size, size, x0, y0, x0 + side, y0 + side, null);
        g.dispose();
        return out;
    }
}
