package studio.vincie.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.data.dataset.Dataset;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.data.world.NamedColor;

/** The contrast bed: per scene, the same picture and phrasing, one session per other colour. */
class RecolorContrastTest {

    @TempDir
    Path tmp;

    @Test
    void aSceneGivesElevenSessionsThatDifferOnlyInTheColourWord() {
        int[] counts = RecolorContrast.write(tmp.resolve("bed"), 2, 64, 7, 0.0);
        assertThat(counts).containsExactly(22, 0, 0);
        Dataset data = Dataset.open(tmp.resolve("bed"));
        Map<String, List<String>> scenes = WordLossCheck.scenes(data, "train");
        assertThat(scenes).hasSize(2);
        for (List<String> ids : scenes.values()) {
            assertThat(ids).hasSize(NamedColor.values().length - 1);
            TrainingSession first = data.load(ids.get(0));
            Set<String> colours = new HashSet<>();
            for (String id : ids) {
                TrainingSession s = data.load(id);
                assertThat(s.categories()).containsExactly("recolor");
                assertThat(samePixels(s.images().get(0), first.images().get(0))).as(id).isTrue();
                String[] a = first.instructions().get(0).split(" ");
                String[] b = s.instructions().get(0).split(" ");
                assertThat(b).hasSameSizeAs(a);
                int differing = 0;
                for (int i = 0; i < a.length; i++) {
                    differing += a[i].equals(b[i]) ? 0 : 1;
                }
                assertThat(differing).as(s.instructions().get(0)).isLessThanOrEqualTo(1);
                String colour = id.substring(id.lastIndexOf('_') + 1);
                assertThat(s.instructions().get(0)).endsWith(colour);
                assertThat(samePixels(s.images().get(1), s.images().get(0))).as("the edit changes the picture").isFalse();
                colours.add(colour);
            }
            assertThat(colours).hasSize(NamedColor.values().length - 1);
        }
        // the checks refuse a dataset that is not a contrast bed
        StudioDatasets.write(tmp.resolve("plain"), 2, 32, 5, 1, 1, 0.0);
        assertThatThrownBy(() -> WordLossCheck.scenes(Dataset.open(tmp.resolve("plain")), "train"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RecolorContrast");
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
