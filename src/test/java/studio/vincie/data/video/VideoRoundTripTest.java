package studio.vincie.data.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.data.frames.Psnr;

class VideoRoundTripTest {

    @TempDir
    Path dir;

    /** A small synthetic animation: gradient sky, a moving anti-aliased disc and a recoloured square. */
    static List<BufferedImage> frames(int size, int n) {
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new java.awt.GradientPaint(0, 0, new Color(120, 170, 230), 0, size, new Color(230, 220, 200)));
            g.fillRect(0, 0, size, size);
            g.setColor(new Color(220, 40, 40));
            g.fillOval(10 + i, size / 3, size / 4, size / 4);
            g.setColor(i < n / 2 ? new Color(40, 160, 60) : new Color(240, 200, 30));
            g.fillRect(size * 2 / 3, size * 2 / 3, size / 5, size / 5);
            g.dispose();
            out.add(img);
        }
        return out;
    }

    @Test
    void decodedMp4IsCloseToRenderedFrames() throws Exception {
        List<BufferedImage> rendered = frames(128, 24);
        Path mp4 = dir.resolve("clip.mp4");
        try (VideoWriter w = new VideoWriter(mp4, 128, 128, 12)) {
            for (BufferedImage f : rendered) {
                w.write(f);
            }
        }
        assertThat(Files.size(mp4)).isGreaterThan(100);
        byte[] head = Files.readAllBytes(mp4);
        assertThat(new String(head, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        try (VideoReader r = new VideoReader(mp4)) {
            assertThat(r.fps()).isEqualTo(12.0);
            assertThat(r.width()).isEqualTo(128);
            List<BufferedImage> decoded = new ArrayList<>();
            for (BufferedImage f = r.next(); f != null; f = r.next()) {
                decoded.add(f);
            }
            assertThat(decoded).hasSize(rendered.size());
            double worst = Double.MAX_VALUE;
            for (int i = 0; i < rendered.size(); i++) {
                worst = Math.min(worst, Psnr.of(rendered.get(i), decoded.get(i)));
            }
            assertThat(worst).as("worst-frame PSNR (dB)").isGreaterThanOrEqualTo(30.0);
        }
    }

    @Test
    void readsOtherFormatsToo() throws Exception {
        List<BufferedImage> rendered = frames(96, 10);
        Path avi = dir.resolve("clip.avi");
        try (VideoWriter w = new VideoWriter(avi, 96, 96, 10, "avi", "mpeg4")) {
            for (BufferedImage f : rendered) {
                w.write(f);
            }
        }
        try (VideoReader r = new VideoReader(avi)) {
            List<BufferedImage> decoded = new ArrayList<>();
            for (BufferedImage f = r.next(); f != null; f = r.next()) {
                decoded.add(f);
            }
            assertThat(decoded).hasSize(10);
            assertThat(Psnr.of(rendered.get(5), decoded.get(5))).isGreaterThan(25.0);
        }
    }

    @Test
    void readerScalesToShortSide() throws Exception {
        Path mp4 = dir.resolve("small.mp4");
        try (VideoWriter w = new VideoWriter(mp4, 64, 32, 10)) {
            BufferedImage f = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i < 5; i++) {
                w.write(f);
            }
        }
        List<BufferedImage> frames = VideoReader.readAll(mp4, 16);
        assertThat(frames).hasSize(5);
        assertThat(frames.get(0).getWidth()).isEqualTo(32);
        assertThat(frames.get(0).getHeight()).isEqualTo(16);
    }

    @Test
    void corruptOrMissingFilesThrowVideoException() throws Exception {
        Path junk = dir.resolve("junk.mp4");
        Files.write(junk, "this is not a video at all, just some text bytes".repeat(20).getBytes());
        assertThatThrownBy(() -> new VideoReader(junk)).isInstanceOf(VideoException.class)
                .hasMessageContaining("junk.mp4");
        assertThatThrownBy(() -> new VideoReader(dir.resolve("none.mp4"))).isInstanceOf(VideoException.class)
                .hasMessageContaining("no such video file");
        assertThatThrownBy(() -> new VideoWriter(dir.resolve("odd.mp4"), 33, 32, 10))
                .hasMessageContaining("even");
    }
}
