package studio.vincie.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/** The change map marks whole patch blocks by their mean change. */
class ChangeRegionTest {

    private static BufferedImage gray(int w, int h, int level) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, level * 0x010101);
            }
        }
        return img;
    }

    @Test
    void aBlockIsInWhenItsMeanChangeExceedsTheThreshold() {
        BufferedImage before = gray(32, 24, 100);
        BufferedImage after = gray(32, 24, 100);
        // block (1, 0): 16 of its 64 pixels moved by 40 levels -> mean 10; block (2, 1): all moved by 3
        for (int y = 0; y < 4; y++) {
            for (int x = 8; x < 12; x++) {
                after.setRGB(x, y, 140 * 0x010101);
            }
        }
        for (int y = 8; y < 16; y++) {
            for (int x = 16; x < 24; x++) {
                after.setRGB(x, y, 103 * 0x010101);
            }
        }
        BufferedImage mask = ChangeRegion.of(before, after, 8, 5);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                boolean in = x >= 8 && x < 16 && y < 8;
                assertThat(mask.getRaster().getSample(x, y, 0)).as("pixel %d,%d", x, y).isEqualTo(in ? 255 : 0);
            }
        }
        assertThat(ChangeRegion.of(before, after, 8, 2).getRaster().getSample(20, 12, 0)).isEqualTo(255);
        assertThat(ChangeRegion.blockMeans(before, after, 8))
                .containsExactly(0, 10, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0); // 4 x 3 blocks, row-major
    }

    @Test
    void partialBlocksAtTheEdgeAreMeasuredOverWhatTheyHold() {
        BufferedImage before = gray(10, 10, 0);
        BufferedImage after = gray(10, 10, 0);
        after.setRGB(9, 9, 0xFFFFFF); // the 2x2 corner block: mean 255/4
        BufferedImage mask = ChangeRegion.of(before, after, 8, 60);
        assertThat(mask.getRaster().getSample(8, 8, 0)).isEqualTo(255);
        assertThat(mask.getRaster().getSample(0, 0, 0)).isZero();
    }

    @Test
    void sizesMustMatch() {
        assertThatThrownBy(() -> ChangeRegion.of(gray(8, 8, 0), gray(9, 8, 0), 4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9x8");
    }
}
