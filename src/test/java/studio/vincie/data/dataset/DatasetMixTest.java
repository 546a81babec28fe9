package studio.vincie.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetMixTest {

    @TempDir
    Path dir;

    private static BufferedImage image(int size, Color c) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, size, size);
        g.dispose();
        return img;
    }

    private static TrainingSession session(String id, String split, int size, Color to) {
        return new TrainingSession(id, split, List.of(image(size, Color.GRAY), image(size, to)),
                List.of("paint it"), Arrays.asList((BufferedImage) null), Arrays.asList((BufferedImage) null),
                List.of("recolor"));
    }

    private Path dataset(String name, int size, Color to, String... idAndSplit) {
        Path d = dir.resolve(name);
        try (DatasetWriter w = new DatasetWriter(d, size, 3)) {
            for (int i = 0; i < idAndSplit.length; i += 2) {
                w.add(session(idAndSplit[i], idAndSplit[i + 1], size, to));
            }
        }
        return d;
    }

    @Test
    void extraTrainSessionsAreListedCopiesTimesAndLoadThroughTheLinks() throws Exception {
        Path first = dataset("first", 8, Color.RED, "a1", "train", "a2", "val", "a3", "test");
        Path extra = dataset("extra", 8, Color.BLUE, "b1", "train", "b2", "train", "b3", "val");

        int train = DatasetMix.write(dir.resolve("mix"), List.of(new DatasetMix.Source(first, 1),
                DatasetMix.Source.parse(extra + ":3")));

        Dataset mix = Dataset.open(dir.resolve("mix"));
        assertThat(train).isEqualTo(1 + 2 * 3);
        assertThat(mix.ids("train")).hasSize(7).contains("a1", "d1r0_b1", "d1r2_b2");
        assertThat(mix.ids("val")).containsExactly("a2");
        assertThat(mix.ids("test")).containsExactly("a3");
        assertThat(mix.imageSize()).isEqualTo(8);
        assertThat(mix.load("d1r2_b2").images().get(1).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(mix.load("a1").images().get(1).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Files.readSymbolicLink(dir.resolve("mix/d1"))).isEqualTo(Path.of("..", "extra"));
        // The same sources give the same manifest, so a run on the mix is reproducible.
        DatasetMix.write(dir.resolve("mix2"), List.of(new DatasetMix.Source(first, 1), DatasetMix.Source.parse(extra + ":3")));
        assertThat(Dataset.open(dir.resolve("mix2")).ids(null)).isEqualTo(mix.ids(null));
    }

    @Test
    void badInputGivesClearErrors() {
        Path first = dataset("first", 8, Color.RED, "a1", "train");
        Path other = dataset("other", 16, Color.RED, "c1", "train");
        assertThatThrownBy(() -> DatasetMix.write(dir.resolve("m1"), List.of(new DatasetMix.Source(first, 1),
                new DatasetMix.Source(other, 1)))).hasMessageContaining("16 px").hasMessageContaining("one image size");
        assertThat(dir.resolve("m1")).as("nothing is written when a source does not fit").doesNotExist();
        assertThatThrownBy(() -> DatasetMix.write(first, List.of(new DatasetMix.Source(other, 1))))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> DatasetMix.Source.parse("data-cb:x")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> DatasetMix.Source.parse("data-cb:0")).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> DatasetMix.write(dir.resolve("m2"), List.of(new DatasetMix.Source(dir.resolve("none"), 1))))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("no manifest.json");
    }
}
