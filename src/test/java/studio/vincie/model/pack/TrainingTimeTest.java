package studio.vincie.model.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The training timestep density covers where the sampler works (design.md section 3.4, SessionPacker). */
class TrainingTimeTest {

    private static double shareAbove(float shift, double threshold) {
        return shareAbove(shift, 0f, threshold);
    }

    private static double shareAbove(float shift, float lowNoise, double threshold) {
        Random rng = new Random(5);
        int n = 200_000;
        int above = 0;
        for (int i = 0; i < n; i++) {
            float t = SessionPacker.trainingTime(rng, shift, lowNoise);
            assertThat(t).isBetween(0f, 1f);
            if (t > threshold) {
                above++;
            }
        }
        return (double) above / n;
    }

    @Test
    void shiftOneMixesThePlainLogitNormalWithUniformTime() {
        // 0.5 P(sigmoid(n) > 0.8) + 0.5 P(u > 0.8) = 0.5 (1 - Phi(ln 4)) + 0.5 * 0.2 = 0.5 * 0.0829 + 0.1
        assertThat(shareAbove(1f, 0.8)).isCloseTo(0.14145, within(0.004));
    }

    @Test
    void shiftThreeTrainsWhereTheSamplerSpendsItsFirstSteps() {
        // logit-normal half: P(n + ln 3 > ln 4) = 1 - Phi(0.2877) = 0.3868; sampler half: 3u/(1+2u) > 0.8
        // for u > 4/7, P = 0.4286
        assertThat(shareAbove(3f, 0.8)).isCloseTo(0.5 * 0.3868 + 0.5 * 0.4286, within(0.004));
        // t > 0.95: 1 - Phi(ln 19 - ln 3) = 0.0324 and u > 0.95/1.1 = 0.8636, P = 0.1364
        assertThat(shareAbove(3f, 0.95)).isCloseTo(0.5 * 0.0324 + 0.5 * 0.1364, within(0.003));
    }

    @Test
    void lowNoiseShareMovesThatShareToTheMirroredSamplerDensity() {
        // mixture: P(t <= 0.1) = 0.5 Phi(ln(1/9) - ln 3) + 0.5 P(u <= 1/28) = 0.5 * 0.00048 + 0.5 * 0.0357
        double mixture = 0.5 * 0.00048 + 0.5 * 0.0357;
        assertThat(1 - shareAbove(3f, 0.1)).isCloseTo(mixture, within(0.002));
        // mirrored density u / (3 - 2u) <= 0.1 for u <= 0.25
        assertThat(1 - shareAbove(3f, 1f, 0.1)).isCloseTo(0.25, within(0.004));
        assertThat(1 - shareAbove(3f, 0.3f, 0.1)).isCloseTo(0.3 * 0.25 + 0.7 * mixture, within(0.003));
    }

    @Test
    void noLowNoiseShareDrawsExactlyTheOldSequence() {
        Random a = new Random(9);
        Random b = new Random(9);
        for (int i = 0; i < 1000; i++) {
            assertThat(SessionPacker.trainingTime(a, 3f, 0f)).isEqualTo(SessionPacker.trainingTime(b, 3f));
        }
    }
}
