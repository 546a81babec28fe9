package studio.vincie.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class RegionCompositeTest {

    private static BufferedImage filled(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    /** White rectangle [x0, x1) x [y0, y1) on black. */
    private static BufferedImage box(int w, int h, int x0, int y0, int x1, int y1) {
        BufferedImage m = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                m.getRaster().setSample(x, y, 0, 255);
            }
        }
        return m;
    }

    @Test
    void keepsTheSourceOutsideTheGrownRegionAndTheEditInside() {
        BufferedImage source = filled(40, 30, 0x102030);
        BufferedImage edited = filled(40, 30, 0xF0E0D0);
        BufferedImage out = RegionComposite.blend(source, edited, 2, 2, box(40, 30, 10, 10, 20, 20), null);
        // inside the region grown by 2: the edit, untouched
        for (int y = 8; y < 22; y++) {
            for (int x = 8; x < 22; x++) {
                assertThat(out.getRGB(x, y) & 0xFFFFFF).as("%d,%d", x, y).isEqualTo(0xF0E0D0);
            }
        }
        // beyond grow + feather: the source, exactly
        assertThat(out.getRGB(4, 4) & 0xFFFFFF).isEqualTo(0x102030);
        assertThat(out.getRGB(25, 15) & 0xFFFFFF).isEqualTo(0x102030);
        assertThat(out.getRGB(39, 29) & 0xFFFFFF).isEqualTo(0x102030);
        // the feathered ring lies strictly between
        int ring = out.getRGB(23, 15) & 0xFF;
        assertThat(ring).isStrictlyBetween(0x30, 0xD0);
    }

    @Test
    void theRegionIsTheUnionOfTheMasks() {
        BufferedImage source = filled(30, 10, 0x000000);
        BufferedImage edited = filled(30, 10, 0xFFFFFF);
        BufferedImage out = RegionComposite.blend(source, edited, 0, 0, box(30, 10, 0, 0, 5, 10),
                box(30, 10, 25, 0, 30, 10));
        assertThat(out.getRGB(2, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(out.getRGB(27, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(out.getRGB(15, 5) & 0xFFFFFF).isZero();
        assertThat(out.getRGB(5, 5) & 0xFFFFFF).isZero(); // no growth asked
    }

    @Test
    void mismatchedSizesAreRejected() {
        assertThatThrownBy(() -> RegionComposite.blend(filled(10, 10, 0), filled(12, 10, 0), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12x10");
        assertThatThrownBy(() -> RegionComposite.blend(filled(10, 10, 0), filled(10, 10, 0), 1, 1, box(8, 8, 0, 0, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region is 8x8");
    }
}
