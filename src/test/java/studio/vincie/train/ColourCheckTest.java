package studio.vincie.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/** ColourCheck's region mean: the image's mean RGB where the mask is white, nothing else. */
class ColourCheckTest {

    @Test
    void theRegionMeanCountsOnlyTheMaskedPixels() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        BufferedImage mask = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                image.setRGB(x, y, Color.BLUE.getRGB());
            }
        }
        image.setRGB(1, 2, new Color(200, 100, 0).getRGB());
        image.setRGB(2, 2, new Color(100, 0, 50).getRGB());
        mask.setRGB(1, 2, Color.WHITE.getRGB());
        mask.setRGB(2, 2, Color.WHITE.getRGB());
        assertThat(ColourCheck.meanIn(image, mask)).containsExactly(150, 50, 25);
        assertThat(ColourCheck.meanIn(image, new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB))).containsExactly(0, 0, 0);
    }
}
