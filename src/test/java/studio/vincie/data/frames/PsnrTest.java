package studio.vincie.data.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class PsnrTest {

    private static BufferedImage filled(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    @Test
    void identicalImagesGiveTheCap() {
        assertThat(Psnr.of(filled(4, 3, 0x336699), filled(4, 3, 0x336699))).isEqualTo(Psnr.CAP);
    }

    @Test
    void uniformErrorMatchesTheFormula() {
        // Every channel off by 10 levels: MSE 100, PSNR = 10 log10(255^2 / 100) = 28.13 dB.
        double p = Psnr.of(filled(5, 5, 0x0a0a0a), filled(5, 5, 0x000000));
        assertThat(p).isCloseTo(10 * Math.log10(255.0 * 255.0 / 100.0), within(1e-9));
    }

    @Test
    void differentSizesAreRejected() {
        assertThatThrownBy(() -> Psnr.of(filled(4, 4, 0), filled(4, 5, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x4 vs 4x5");
    }
}
