package studio.vincie.data.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * PNG reading and writing in the dataset's two pixel formats: RGB images and 8-bit grayscale masks. Any
 * input type is converted, so callers may hand in ARGB or indexed images and always read back the canonical
 * types ({@link BufferedImage#TYPE_INT_RGB} and {@link BufferedImage#TYPE_BYTE_GRAY}).
 */
public final class DatasetImages {

    private DatasetImages() {
    }

    /** The image as {@code TYPE_INT_RGB} (the same object when it already is). */
    public static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, image.getWidth(), 1, row, 0, image.getWidth());
            rgb.setRGB(0, y, image.getWidth(), 1, row, 0, image.getWidth());
        }
        return rgb;
    }

    /**
     * The mask as {@code TYPE_BYTE_GRAY}: the gray value of an RGB mask is its green channel (white stays
     * 255, black stays 0), which avoids colour-space conversion that Java2D would apply in drawImage.
     */
    public static BufferedImage toGray(BufferedImage mask) {
        if (mask.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return mask;
        }
        int w = mask.getWidth();
        int h = mask.getHeight();
        BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            mask.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) ((row[x] >> 8) & 0xFF);
            }
        }
        return gray;
    }

    static void writePng(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    static BufferedImage readPng(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing image " + file + "; the dataset is incomplete, prepare it again");
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not a readable PNG: " + file + "; the dataset is damaged, prepare it again");
        }
        return image;
    }
}
