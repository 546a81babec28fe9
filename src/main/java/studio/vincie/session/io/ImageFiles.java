package studio.vincie.session.io;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading and writing the images and masks of the editor with ImageIO. Images come back as
 * {@code TYPE_INT_RGB} (transparency is composited onto white), masks as {@code TYPE_BYTE_GRAY}
 * (white = region); both are checked against a size limit before they are decoded, and every
 * failure is an {@link ImageFileException} whose message names the file and says what to do.
 * PNGs are written losslessly and atomically, optionally with {@code tEXt} metadata.
 */
public final class ImageFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);

    /** Longest side accepted, in pixels. */
    public static final int MAX_SIDE = 8192;
    /** Most pixels accepted (width x height): 40 megapixels. */
    public static final long MAX_PIXELS = 40_000_000L;

    private static final String PNG_METADATA_FORMAT = "javax_imageio_png_1.0";

    private ImageFiles() {
    }

    /** Reads a PNG or JPEG (or BMP/GIF) image as {@code TYPE_INT_RGB}. */
    public static BufferedImage read(Path file) throws ImageFileException {
        return toRgb(decode(file));
    }

    /** Reads a mask image as {@code TYPE_BYTE_GRAY}; colour images are reduced to their luminance. */
    public static BufferedImage readMask(Path file) throws ImageFileException {
        return toGray(decode(file));
    }

    /** Writes {@code image} as a lossless PNG, atomically. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        writePng(image, file, Map.of());
    }

    /**
     * Writes {@code image} as a lossless PNG, atomically, with one text chunk per entry of
     * {@code text} (keys such as {@code vincie:instruction}): {@code tEXt} for Latin-1 values,
     * {@code iTXt} (UTF-8) for others. Keys must be 1-79 Latin-1 characters (PNG rule).
     */
    public static void writePng(BufferedImage image, Path file, Map<String, String> text) throws IOException {
        byte[] png = encodePng(image, text);
        AtomicFiles.write(file, out -> out.write(png));
    }

    /** Encodes {@code image} as PNG bytes with optional {@code tEXt} chunks. */
    static byte[] encodePng(BufferedImage image, Map<String, String> text) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("This Java runtime has no PNG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = null;
            if (!text.isEmpty()) {
                metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                addText(metadata, text);
            }
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Latin-1 text goes into tEXt chunks as the PNG spec asks; anything else into UTF-8 iTXt chunks. */
    private static void addText(IIOMetadata metadata, Map<String, String> text) throws IIOInvalidTreeException {
        IIOMetadataNode latin = new IIOMetadataNode("tEXt");
        IIOMetadataNode international = new IIOMetadataNode("iTXt");
        java.nio.charset.CharsetEncoder latin1 = java.nio.charset.StandardCharsets.ISO_8859_1.newEncoder();
        text.forEach((key, raw) -> {
            String value = raw == null ? "" : raw;
            if (latin1.canEncode(value)) {
                IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                entry.setAttribute("keyword", key);
                entry.setAttribute("value", value);
                latin.appendChild(entry);
            } else {
                IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", key);
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", value);
                international.appendChild(entry);
            }
        });
        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA_FORMAT);
        if (latin.hasChildNodes()) {
            root.appendChild(latin);
        }
        if (international.hasChildNodes()) {
            root.appendChild(international);
        }
        metadata.mergeTree(PNG_METADATA_FORMAT, root);
    }

    /** The {@code tEXt} and {@code iTXt} entries of a PNG file (empty if it has none). */
    public static Map<String, String> readPngText(Path file) throws IOException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                IIOMetadata metadata = reader.getImageMetadata(0);
                org.w3c.dom.Node root = metadata.getAsTree(PNG_METADATA_FORMAT);
                for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    boolean itxt = "iTXt".equals(n.getNodeName());
                    if (!itxt && !"tEXt".equals(n.getNodeName())) {
                        continue;
                    }
                    for (org.w3c.dom.Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                        IIOMetadataNode entry = (IIOMetadataNode) e;
                        out.put(entry.getAttribute("keyword"), entry.getAttribute(itxt ? "text" : "value"));
                    }
                }
            } finally {
                reader.dispose();
            }
        }
        return out;
    }

    private static BufferedImage decode(Path file) throws ImageFileException {
        if (!Files.exists(file)) {
            throw new ImageFileException("Image file not found: " + file + ". Check the path and try again.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ImageFileException(file + " is not a file (is it a folder?). Choose an image file.");
        }
        if (!Files.isReadable(file)) {
            throw new ImageFileException("Cannot read " + file + ": permission denied. Check the file's permissions.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in, file.getFileName().toString());
        } catch (ImageFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageFileException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Decodes an image from a stream; {@code name} is used in messages. */
    static BufferedImage decode(InputStream input, String name) throws ImageFileException {
        try (ImageInputStream in = ImageIO.createImageInputStream(input)) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ImageFileException(name + " is not an image Vincie Studio can open. "
                        + "Use a PNG or JPEG file (BMP and GIF also work).");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                checkSize(name, w, h);
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new ImageFileException(name + " could not be decoded. Re-save it as PNG and try again.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (ImageFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports truncated or garbled data as IIOException, EOFException or even
            // IndexOutOfBounds/IllegalArgument from deep inside the decoder.
            LOG.debug("Decoding {} failed", name, e);
            throw new ImageFileException(name + " is damaged or incomplete and cannot be decoded ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "). Re-export it from the program that made it.", e);
        }
    }

    private static void checkSize(String name, int w, int h) throws ImageFileException {
        if (w <= 0 || h <= 0) {
            throw new ImageFileException(name + " has no pixels (" + w + "x" + h + "). Choose another image.");
        }
        if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
            throw new ImageFileException(name + " is too large (" + w + "x" + h + "): the limit is " + MAX_SIDE
                    + " pixels per side and " + MAX_PIXELS / 1_000_000 + " megapixels. Scale it down and try again.");
        }
    }

    /** Bytes of a PNG entry decoded without a file; see {@link #decode(InputStream, String)}. */
    static BufferedImage decode(byte[] bytes, String name) throws ImageFileException {
        return decode(new ByteArrayInputStream(bytes), name);
    }

    /**
     * Converts to {@code TYPE_INT_RGB} exactly: one-band (gray) images copy their samples, because
     * {@code getRGB} on a linear-gray colour model would brighten them; transparency goes onto white.
     */
    static BufferedImage toRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Raster raster = src.getRaster();
        if (raster.getNumBands() <= 2 && src.getColorModel().getColorSpace().getNumComponents() == 1) {
            int max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
            int[] row = new int[w];
            int[] alpha = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                if (raster.getNumBands() == 2) {
                    raster.getSamples(0, y, w, 1, 1, alpha);
                }
                for (int x = 0; x < w; x++) {
                    int g = row[x] * 255 / max;
                    if (raster.getNumBands() == 2) {
                        int a = alpha[x] * 255 / max;
                        g = (g * a + 255 * (255 - a)) / 255;
                    }
                    out.setRGB(x, y, (g << 16) | (g << 8) | g);
                }
            }
            return out;
        }
        int[] argb = src.getRGB(0, 0, w, h, null, 0, w);
        if (src.getColorModel().hasAlpha()) {
            for (int i = 0; i < argb.length; i++) {
                argb[i] = overWhite(argb[i]);
            }
        }
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    private static int overWhite(int argb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb;
        }
        int r = ((argb >> 16 & 0xff) * a + 255 * (255 - a)) / 255;
        int g = ((argb >> 8 & 0xff) * a + 255 * (255 - a)) / 255;
        int b = ((argb & 0xff) * a + 255 * (255 - a)) / 255;
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    /**
     * Converts to {@code TYPE_BYTE_GRAY} exactly: one-band images copy their (8-bit scaled) samples,
     * colour images take Rec. 601 luminance of their sRGB values.
     */
    static BufferedImage toGray(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Raster raster = src.getRaster();
        int[] row = new int[w];
        if (src.getColorModel().getColorSpace().getNumComponents() == 1) {
            int max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    row[x] = row[x] * 255 / max;
                }
                out.getRaster().setSamples(0, y, w, 1, 0, row);
            }
            return out;
        }
        for (int y = 0; y < h; y++) {
            int[] argb = src.getRGB(0, y, w, 1, null, 0, w);
            for (int x = 0; x < w; x++) {
                int p = argb[x];
                row[x] = ((p >> 16 & 0xff) * 299 + (p >> 8 & 0xff) * 587 + (p & 0xff) * 114 + 500) / 1000;
            }
            out.getRaster().setSamples(0, y, w, 1, 0, row);
        }
        return out;
    }
}
