package studio.vincie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/**
 * {@link ImageMetrics#changeRecall}: the judge's change check (with DEFAULT, a pixel changes when a channel
 * moves by more than 40) and the bench's partial credit.
 */
class ChangeRecallTest {

    private static BufferedImage image(Color background, Color square, int x0) {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, 32, 32);
        if (square != null) {
            g.setColor(square);
            g.fillRect(x0, 8, 8, 8); // 64 pixels
        }
        g.dispose();
        return img;
    }

    @Test
    void countsTheShareOfChangedPixelsThatMovedTowardsTheTruth() {
        BufferedImage before = image(Color.WHITE, Color.RED, 8);
        BufferedImage after = image(Color.WHITE, Color.BLUE, 8); // recolour: 64 pixels change
        assertThat(ImageMetrics.changeRecall(before, after, after, JudgeTolerances.DEFAULT)).isEqualTo(1.0);
        assertThat(ImageMetrics.changeRecall(before, after, before, JudgeTolerances.DEFAULT)).isEqualTo(0.0);
        // half the square recoloured: 32 of 64
        BufferedImage half = image(Color.WHITE, Color.RED, 8);
        Graphics2D g = half.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(8, 8, 4, 8);
        g.dispose();
        assertThat(ImageMetrics.changeRecall(before, after, half, JudgeTolerances.DEFAULT)).isEqualTo(0.5);
        // a change everywhere else is not credited: only the pixels the edit changes count
        assertThat(ImageMetrics.changeRecall(before, after, image(Color.BLACK, Color.RED, 8), JudgeTolerances.DEFAULT)).isEqualTo(0.0);
    }

    @Test
    void anEditThatChangesTooFewPixelsHasNothingToMeasure() {
        BufferedImage before = image(Color.WHITE, null, 0);
        BufferedImage after = image(Color.WHITE, null, 0);
        after.setRGB(3, 3, Color.BLACK.getRGB());
        assertThat(ImageMetrics.changeRecall(before, after, before, JudgeTolerances.DEFAULT)).isEqualTo(1.0);
        // below the delta nothing counts as changed
        assertThat(ImageMetrics.changeRecall(before, image(new Color(250, 250, 250), null, 0), before, JudgeTolerances.DEFAULT))
                .isEqualTo(1.0);
    }
}
