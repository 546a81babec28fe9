package studio.vincie.session.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import studio.vincie.session.EditSettings;
import studio.vincie.session.Session;
import studio.vincie.session.TestImages;
import studio.vincie.session.Turn;

/** Sessions and zip surgery for the session-file tests. */
final class SessionFixtures {

    private SessionFixtures() {
    }

    /** Source -> first -> second, and a branch source -> first -> alternative (current), with masks of every kind. */
    static Session branchedSession() {
        BufferedImage src = TestImages.gradient(40, 30);
        Session s = new Session(Turn.builder().id("root").image(src).createdAt(Instant.parse("2026-11-27T10:00:00Z")).build(), "Kitchen story");
        Turn first = Turn.builder().id("t1").instruction("add a red mug on the table")
                .image(noise(40, 30, 1)).userMask(grayRamp(40, 30)).predictedCurrentMask(grayRamp(40, 30))
                .predictedNextMask(TestImages.rectMask(40, 30, 5, 5, 10, 10))
                .settings(new EditSettings(42, 20, 3.5f)).modelId("vincie-tiny").elapsedMillis(1234)
                .createdAt(Instant.parse("2026-11-27T10:01:00.123Z")).build();
        s.attach(s.root(), first, 0);
        Turn second = Turn.builder().id("t2").instruction("make the mug blue")
                .image(noise(40, 30, 2)).settings(new EditSettings(-7, 8, 0f)).modelId("vincie-tiny").elapsedMillis(55).build();
        s.attach(first, second, 0);
        Turn alt = Turn.builder().id("t3").instruction("turn the lights off — ünïcode ✓")
                .image(noise(40, 30, 3)).predictedNextMask(grayRamp(40, 30))
                .settings(new EditSettings(Long.MAX_VALUE, 1, 50f)).modelId("vincie-tiny").build();
        s.attach(first, alt, 1);
        s.select(alt);
        return s;
    }

    static BufferedImage noise(int w, int h, long seed) {
        java.util.Random r = new java.util.Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        return img;
    }

    /** A mask using every gray level, so lossy or gamma-shifted storage would show. */
    static BufferedImage grayRamp(int w, int h) {
        BufferedImage m = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                m.getRaster().setSample(x, y, 0, (x * 7 + y * 13) % 256);
            }
        }
        return m;
    }

    static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).isNotNull();
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        assertThat(actual.getRaster().getNumBands()).isEqualTo(expected.getRaster().getNumBands());
        int w = expected.getWidth();
        int h = expected.getHeight();
        int bands = expected.getRaster().getNumBands();
        int[] a = actual.getRaster().getPixels(0, 0, w, h, new int[w * h * bands]);
        int[] e = expected.getRaster().getPixels(0, 0, w, h, new int[w * h * bands]);
        if (expected.getType() == BufferedImage.TYPE_INT_RGB) {
            a = actual.getRGB(0, 0, w, h, null, 0, w);
            e = expected.getRGB(0, 0, w, h, null, 0, w);
        }
        assertThat(a).isEqualTo(e);
    }

    static Map<String, byte[]> readZip(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), readAll(in));
            }
        }
        return out;
    }

    static void writeZip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    /** Rewrites the session.json of a saved file through {@code edit}. */
    static void editJson(Path file, UnaryOperator<String> edit) throws IOException {
        Map<String, byte[]> entries = readZip(file);
        String json = new String(entries.get("session.json"), java.nio.charset.StandardCharsets.UTF_8);
        String changed = edit.apply(json);
        assertThat(changed).as("the edit must change the JSON").isNotEqualTo(json);
        entries.put("session.json", changed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        writeZip(file, entries);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    static List<String> ids(List<Turn> turns) {
        return turns.stream().map(Turn::id).toList();
    }
}
