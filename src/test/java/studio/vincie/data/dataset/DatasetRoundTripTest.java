package studio.vincie.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRoundTripTest {

    @TempDir
    Path dir;

    private static BufferedImage image(int size, Color c, int x) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, size, size);
        g.setColor(c);
        g.fillOval(x, 4, 8, 8);
        g.dispose();
        return img;
    }

    private static BufferedImage mask(int size, int x) {
        BufferedImage m = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = m.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(x, 4, 8, 8);
        g.dispose();
        return m;
    }

    private static TrainingSession session(String id, String split) {
        return new TrainingSession(id, split,
                List.of(image(16, Color.RED, 0), image(16, Color.BLUE, 0), image(16, Color.BLUE, 6)),
                List.of("make the red circle blue", "move the blue circle right"),
                Arrays.asList(mask(16, 0), null), Arrays.asList(mask(16, 0), mask(16, 6)),
                List.of("recolor", "move"));
    }

    @Test
    void writtenSessionsReadBackPixelExact() {
        try (DatasetWriter w = new DatasetWriter(dir, 16, 7)) {
            w.add(session("s000002", "val"), "b.mp4", List.of(0, 10, 20));
            w.add(session("s000001", "train"));
        }
        Dataset ds = Dataset.open(dir);
        assertThat(ds.imageSize()).isEqualTo(16);
        assertThat(ds.seed()).isEqualTo(7);
        assertThat(ds.ids(null)).containsExactly("s000001", "s000002");
        assertThat(ds.ids("train")).containsExactly("s000001");
        assertThat(ds.ids("test")).isEmpty();
        assertThat(ds.categories("s000002")).containsExactly("recolor", "move");

        TrainingSession expected = session("s000002", "val");
        TrainingSession loaded = ds.load("s000002");
        assertThat(loaded.instructions()).isEqualTo(expected.instructions());
        assertThat(loaded.categories()).isEqualTo(expected.categories());
        assertThat(loaded.split()).isEqualTo("val");
        assertThat(loaded.images()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            BufferedImage a = expected.images().get(i);
            BufferedImage b = loaded.images().get(i);
            assertThat(b.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    assertThat(b.getRGB(x, y) & 0xFFFFFF).isEqualTo(a.getRGB(x, y) & 0xFFFFFF);
                }
            }
        }
        assertThat(loaded.currentMasks().get(1)).isNull();
        BufferedImage n2 = loaded.nextMasks().get(1);
        assertThat(n2.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(n2.getRaster().getSample(7, 5, 0)).isEqualTo(255);
        assertThat(n2.getRaster().getSample(0, 0, 0)).isZero();
        assertThat(ds.stream("train").count()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("sessions/s000002/c2.png"))).isFalse();
    }

    @Test
    void brokenManifestGivesClearError() throws IOException {
        try (DatasetWriter w = new DatasetWriter(dir, 16, 1)) {
            w.add(session("s1", "train"));
        }
        Path manifest = dir.resolve("manifest.json");
        String good = Files.readString(manifest);

        Files.writeString(manifest, good.substring(0, good.length() / 2));
        assertThatThrownBy(() -> Dataset.open(dir)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining("prepare");

        Files.writeString(manifest, good.replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
        assertThatThrownBy(() -> Dataset.open(dir)).hasMessageContaining("formatVersion 9");

        Files.writeString(manifest, good.replace("\"train\"", "\"holdout\""));
        assertThatThrownBy(() -> Dataset.open(dir)).hasMessageContaining("split 'holdout'");

        Files.delete(manifest);
        assertThatThrownBy(() -> Dataset.open(dir)).hasMessageContaining("no manifest.json");
    }

    @Test
    void missingSessionFileIsReportedOnLoad() throws IOException {
        try (DatasetWriter w = new DatasetWriter(dir, 16, 1)) {
            w.add(session("s1", "test"));
        }
        Files.delete(dir.resolve("sessions/s1/i2.png"));
        Dataset ds = Dataset.open(dir);
        assertThatThrownBy(() -> ds.load("s1")).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("i2.png");
    }

    @Test
    void writerRejectsWrongSizeAndDuplicates() {
        try (DatasetWriter w = new DatasetWriter(dir, 32, 1)) {
            assertThatThrownBy(() -> w.add(session("s1", "train"))).hasMessageContaining("16x16")
                    .hasMessageContaining("32x32");
        }
        try (DatasetWriter w = new DatasetWriter(dir, 16, 1)) {
            w.add(session("s1", "train"));
            assertThatThrownBy(() -> w.add(session("s1", "train"))).hasMessageContaining("already added");
        }
        assertThatThrownBy(() -> new TrainingSession("x", "train", List.of(image(16, Color.RED, 0)),
                List.of("a"), Arrays.asList((BufferedImage) null), Arrays.asList((BufferedImage) null),
                List.of("c"))).hasMessageContaining("one image more");
    }
}
