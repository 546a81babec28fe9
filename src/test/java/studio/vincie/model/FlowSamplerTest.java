package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import studio.vincie.model.sampling.FlowSampler;

/** Invariant 5 of issue 3: the Euler sampler on analytic velocity fields. */
class FlowSamplerTest {

    @org.junit.jupiter.api.BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    @Test
    void reachesThePointMassEndpointExactly() {
        // For data concentrated at a, x_t = (1-t) a + t eps, so v(x, t) = (x - a) / t; Euler is exact on it.
        float[] a = {0.5f, -1.25f, 2f, 0f};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray target = m.create(a);
            NDArray noise = m.create(new float[] {1.3f, -0.2f, 0.7f, -2.1f});
            NDArray out = FlowSampler.sample(noise, 7, 3f, (x, t) -> x.sub(target).div(t), FlowSampler.StepListener.NONE);
            float[] v = out.toFloatArray();
            for (int i = 0; i < a.length; i++) {
                assertThat(v[i]).isCloseTo(a[i], within(1e-5f));
            }
        }
    }

    @Test
    void followsAConstantFieldBackToTheStart() {
        // v = eps - x0 constant: x at t = 0 must be x1 - v.
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray noise = m.create(new float[] {1f, 2f});
            NDArray vel = m.create(new float[] {0.25f, -3f});
            float[] out = FlowSampler.sample(noise, 5, 1f, (x, t) -> vel.duplicate(), FlowSampler.StepListener.NONE)
                    .toFloatArray();
            assertThat(out[0]).isCloseTo(0.75f, within(1e-6f));
            assertThat(out[1]).isCloseTo(5f, within(1e-6f));
        }
    }

    @Test
    void scheduleRunsFromOneToZeroAndShiftSpendsStepsAtHighNoise() {
        float[] plain = FlowSampler.schedule(4, 1f);
        float[] shifted = FlowSampler.schedule(4, 3f);
        assertThat(plain).containsExactly(1f, 0.75f, 0.5f, 0.25f, 0f);
        assertThat(shifted[0]).isEqualTo(1f);
        assertThat(shifted[4]).isEqualTo(0f);
        assertThat(shifted[2]).isCloseTo(0.75f, within(1e-6f)); // 3*0.5 / (1 + 2*0.5)
        for (int i = 0; i < 4; i++) {
            assertThat(shifted[i + 1]).isLessThan(shifted[i]);
        }
    }

    @Test
    void guidanceExtrapolatesFromUnconditionedTowardConditioned() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0f, 0f}).reshape(1, 2);
            // row 0 (cond) = 1, row 1 (uncond) = 0.5
            FlowSampler.Velocity both = (xx, t) -> m.create(new float[] {1f, 1f, 0.5f, 0.5f}).reshape(2, 2);
            float[] v = FlowSampler.guided(both, 3f).at(x, 0.5f).toFloatArray();
            assertThat(v).containsExactly(2f, 2f); // 0.5 + 3 * (1 - 0.5)
        }
    }
}
