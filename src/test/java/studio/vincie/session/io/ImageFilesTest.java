package studio.vincie.session.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    @Test
    void pngRoundTripIsLosslessAndRgb() throws IOException {
        BufferedImage img = SessionFixtures.noise(33, 17, 5);
        Path file = dir.resolve("a.png");
        ImageFiles.writePng(img, file);

        BufferedImage back = ImageFiles.read(file);
        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        SessionFixtures.assertSamePixels(back, img);
    }

    @Test
    void writtenFilesAreReadableByOthersAndKeepReplacedPermissions() throws IOException {
        Path file = dir.resolve("shared.png");
        ImageFiles.writePng(SessionFixtures.noise(4, 4, 1), file);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");

        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        ImageFiles.writePng(SessionFixtures.noise(4, 4, 2), file);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-rw----");
    }

    @Test
    void jpegIsReadAsRgb() throws IOException {
        Path file = dir.resolve("photo.jpg");
        assertThat(ImageIO.write(SessionFixtures.noise(20, 10, 1), "jpg", file.toFile())).isTrue();

        BufferedImage back = ImageFiles.read(file);
        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(back.getWidth()).isEqualTo(20);
        assertThat(back.getHeight()).isEqualTo(10);
    }

    @Test
    void transparencyIsCompositedOntoWhite() throws IOException {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000); // fully transparent black
        argb.setRGB(1, 0, 0xff102030); // opaque
        Path file = dir.resolve("alpha.png");
        ImageIO.write(argb, "png", file.toFile());

        BufferedImage back = ImageFiles.read(file);
        assertThat(back.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
        assertThat(back.getRGB(1, 0) & 0xffffff).isEqualTo(0x102030);
    }

    @Test
    void masksKeepTheirGrayLevelsExactly() throws IOException {
        BufferedImage mask = SessionFixtures.grayRamp(31, 9);
        Path file = dir.resolve("mask.png");
        ImageFiles.writePng(mask, file);

        BufferedImage back = ImageFiles.readMask(file);
        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        SessionFixtures.assertSamePixels(back, mask);
    }

    @Test
    void colourMaskBecomesLuminance() throws IOException {
        BufferedImage rgb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xffffff);
        rgb.setRGB(1, 0, 0x000000);
        rgb.setRGB(2, 0, 0x808080);
        Path file = dir.resolve("rgbmask.png");
        ImageFiles.writePng(rgb, file);

        BufferedImage back = ImageFiles.readMask(file);
        assertThat(back.getRaster().getSample(0, 0, 0)).isEqualTo(255);
        assertThat(back.getRaster().getSample(1, 0, 0)).isEqualTo(0);
        assertThat(back.getRaster().getSample(2, 0, 0)).isEqualTo(128);
    }

    @Test
    void grayImageOpensAsRgbWithoutBrightening() throws IOException {
        BufferedImage mask = SessionFixtures.grayRamp(16, 4);
        Path file = dir.resolve("gray.png");
        ImageFiles.writePng(mask, file);

        BufferedImage back = ImageFiles.read(file);
        int g = mask.getRaster().getSample(5, 2, 0);
        assertThat(back.getRGB(5, 2) & 0xffffff).isEqualTo(g << 16 | g << 8 | g);
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> ImageFiles.read(dir.resolve("nope.png")))
                .isInstanceOf(ImageFileException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining("nope.png");
    }

    @Test
    void folderIsNotAnImage() {
        assertThatThrownBy(() -> ImageFiles.read(dir))
                .isInstanceOf(ImageFileException.class)
                .hasMessageContaining("not a file");
    }

    @Test
    void textFileIsNotAnImage() throws IOException {
        Path file = dir.resolve("notes.png");
        Files.writeString(file, "hello, not a picture");
        assertThatThrownBy(() -> ImageFiles.read(file))
                .isInstanceOf(ImageFileException.class)
                .hasMessageContaining("not an image")
                .hasMessageContaining("PNG or JPEG");
    }

    @Test
    void truncatedPngIsCorrupt() throws IOException {
        Path file = dir.resolve("cut.png");
        ImageFiles.writePng(SessionFixtures.noise(64, 64, 3), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ImageFiles.read(file))
                .isInstanceOf(ImageFileException.class)
                .hasMessageContaining("damaged or incomplete");
    }

    @Test
    void tooLargeImageNamesTheLimit() throws IOException {
        Path file = dir.resolve("wide.png");
        // One row is cheap to encode, yet wider than the limit; the check runs before decoding.
        ImageIO.write(new BufferedImage(ImageFiles.MAX_SIDE + 1, 1, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());

        assertThatThrownBy(() -> ImageFiles.read(file))
                .isInstanceOf(ImageFileException.class)
                .hasMessageContaining("too large")
                .hasMessageContaining(Integer.toString(ImageFiles.MAX_SIDE));
    }

    @Test
    void pngTextMetadataRoundTrips() throws IOException {
        Path file = dir.resolve("meta.png");
        ImageFiles.writePng(SessionFixtures.noise(4, 4, 1), file, Map.of("vincie:instruction", "add a red mug", "Title", "x"));

        assertThat(ImageFiles.readPngText(file))
                .containsEntry("vincie:instruction", "add a red mug")
                .containsEntry("Title", "x");
        SessionFixtures.assertSamePixels(ImageFiles.read(file), SessionFixtures.noise(4, 4, 1));
    }
}
