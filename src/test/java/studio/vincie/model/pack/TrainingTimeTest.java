package studio.vincie.model.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The training timestep density follows the sampler's schedule shift (design.md section 3.4). */
class TrainingTimeTest {

    private static double shareAbove(float shift, double threshold) {
        Random rng = new Random(5);
        int n = 200_000;
        int above = 0;
        for (int i = 0; i < n; i++) {
            float t = SessionPacker.trainingTime(rng, shift);
            assertThat(t).isBetween(0f, 1f);
            if (t > threshold) {
                above++;
            }
        }
        return (double) above / n;
    }

    @Test
    void shiftOneIsThePlainLogitNormal() {
        // P(sigmoid(n) > 0.8) = P(n > ln 4) = 1 - Phi(1.386) = 0.0829
        assertThat(shareAbove(1f, 0.8)).isCloseTo(0.0829, within(0.004));
    }

    @Test
    void shiftThreeTrainsWhereTheSamplerSpendsItsFirstSteps() {
        // P(n + ln 3 > ln 4) = 1 - Phi(ln 4 - ln 3) = 1 - Phi(0.2877) = 0.3868
        assertThat(shareAbove(3f, 0.8)).isCloseTo(0.3868, within(0.004));
        // P(t > 0.9) = 1 - Phi(ln 9 - ln 3) = 1 - Phi(1.0986) = 0.1360
        assertThat(shareAbove(3f, 0.9)).isCloseTo(0.1360, within(0.004));
    }
}
