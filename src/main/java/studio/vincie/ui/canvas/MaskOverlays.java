package studio.vincie.ui.canvas;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Turns a grayscale mask into a translucent colored overlay image (white = colored, black =
 * transparent), whole or just a changed rectangle, so painting stays fast on large images.
 */
public final class MaskOverlays {

    private MaskOverlays() {
    }

    public static WritableImage create(BufferedImage mask, Color color) {
        WritableImage out = new WritableImage(mask.getWidth(), mask.getHeight());
        update(out, mask, new Rectangle(0, 0, mask.getWidth(), mask.getHeight()), color);
        return out;
    }

    /** Repaints {@code area} of {@code overlay} from {@code mask}; both have the same size. */
    public static void update(WritableImage overlay, BufferedImage mask, Rectangle area, Color color) {
        Rectangle r = area.intersection(new Rectangle(0, 0, mask.getWidth(), mask.getHeight()));
        if (r.isEmpty()) {
            return;
        }
        int rgb = ((int) Math.round(color.getRed() * 255) << 16)
                | ((int) Math.round(color.getGreen() * 255) << 8)
                | (int) Math.round(color.getBlue() * 255);
        double alpha = color.getOpacity();
        int[] row = new int[r.width];
        Raster raster = mask.getRaster();
        PixelWriter writer = overlay.getPixelWriter();
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = 0; x < r.width; x++) {
                int v = raster.getSample(r.x + x, y, 0) & 0xff;
                int a = (int) Math.round(v * alpha);
                row[x] = (a << 24) | rgb;
            }
            writer.setPixels(r.x, y, r.width, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, r.width);
        }
    }
}
