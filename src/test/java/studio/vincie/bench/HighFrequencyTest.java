package studio.vincie.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;


/** The benchmark's noise figure: {@link ImageMetrics#highFrequency} and its per-turn excess over the truth. */
class HighFrequencyTest {

    @Test
    void flatIsZeroAnEdgeIsALineAndNoiseScoresEverywhere() {
        BufferedImage flat = filled(64, 0x336699);
        assertThat(ImageMetrics.highFrequency(flat)).isZero();

        BufferedImage edge = filled(64, 0x000000);
        for (int y = 0; y < 64; y++) {
            for (int x = 32; x < 64; x++) {
                edge.setRGB(x, y, 0xffffff);
            }
        }
        // columns 31 and 32 of the 62 interior ones each read 255 in every channel
        assertThat(ImageMetrics.highFrequency(edge)).isCloseTo(2 * 255.0 / 62, within(1e-9));

        BufferedImage noisy = noisy(flat, 20, 1);
        double n = ImageMetrics.highFrequency(noisy);
        assertThat(n).isBetween(1.7 * 20, 2.5 * 20); // about 2.1 n for uniform +-n
        assertThat(ImageMetrics.highFrequency(noisy(flat, 40, 1))).isGreaterThan(1.8 * n);
    }

    @Test
    void benchReportsNoiseAboveTheTruthAndBlurBelowIt() {
        List<BenchSession> set = List.of(HandMadeSessions.session());
        BenchReport exact = run(new OracleModel(), set);
        assertThat(exact.highFrequencyExcess()).allSatisfy(v -> assertThat(v).isCloseTo(0.0, within(1e-9)));
        BenchReport noisy = run(new NoisyOracleModel(16), set);
        assertThat(noisy.highFrequencyExcess()).allSatisfy(v -> assertThat(v).isGreaterThan(10.0));
        BenchReport blurred = run(new BlurredOracleModel(1.5), set);
        assertThat(blurred.highFrequencyExcess()).allSatisfy(v -> assertThat(v).isLessThan(0.0));
    }

    private static BenchReport run(studio.vincie.model.EditModel model, List<BenchSession> set) {
        List<TurnOutcome> outcomes = new BenchRunner(model, new TurnJudge(JudgeTolerances.DEFAULT),
                new BenchRunner.Options(false, 1, 0f, 3)).run(set, s -> { });
        return BenchReport.summarize(outcomes, set.get(0).turns().size(),
                new BenchReport.RunInfo("m", "none", 3, HandMadeSessions.SIZE, 0));
    }

    private static BufferedImage filled(int size, int rgb) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    private static BufferedImage noisy(BufferedImage src, int amount, long seed) {
        return NoisyOracleModel.addNoise(src, amount, new Random(seed));
    }
}
