package studio.vincie.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** AdamW on NDArrays against a naive host implementation; the schedule's hand-checkable points. */
class AdamWTest {

    @Test
    void threeStepsMatchANaiveReferenceIncludingDecoupledDecayAndClipScale() {
        float[] w0 = {0.5f, -1.0f, 2.0f, 0.25f, -0.75f, 1.5f};
        float[] b0 = {0.1f, -0.2f};
        float[][] gw = {{0.1f, 0.2f, -0.3f, 0.4f, 0.0f, -0.1f}, {-0.2f, 0.1f, 0.05f, 0.3f, 0.2f, 0.0f},
                {0.3f, -0.3f, 0.1f, -0.1f, 0.4f, 0.2f}};
        float[][] gb = {{0.5f, -0.5f}, {0.25f, 0.1f}, {-0.3f, 0.2f}};
        float lr = 0.01f;
        float wd = 0.1f;
        float scale = 0.5f;
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("fc.weight", m.create(w0, new Shape(2, 3)));
            params.put("fc.bias", m.create(b0));
            AdamW adam = new AdamW(m, params, wd);
            double[] rw = toDouble(w0);
            double[] rb = toDouble(b0);
            double[][] state = new double[4][];
            state[0] = new double[6];
            state[1] = new double[6];
            state[2] = new double[2];
            state[3] = new double[2];
            for (int t = 1; t <= 3; t++) {
                Map<String, NDArray> grads = new LinkedHashMap<>();
                grads.put("fc.weight", m.create(gw[t - 1], new Shape(2, 3)));
                grads.put("fc.bias", m.create(gb[t - 1]));
                try (NDManager scratch = m.newSubManager()) {
                    adam.update(scratch, params, grads, lr, scale);
                }
                reference(rw, gw[t - 1], state[0], state[1], t, lr, wd, scale);
                reference(rb, gb[t - 1], state[2], state[3], t, lr, 0, scale); // biases are not decayed
            }
            assertClose(params.get("fc.weight").toFloatArray(), rw);
            assertClose(params.get("fc.bias").toFloatArray(), rb);
            assertThat(adam.steps()).isEqualTo(3);
            assertThat(adam.state()).containsOnlyKeys("m.fc.weight", "m.fc.bias", "v.fc.weight", "v.fc.bias");
        }
    }

    private static void reference(double[] p, float[] g, double[] m, double[] v, int t, double lr, double wd,
                                  double scale) {
        for (int i = 0; i < p.length; i++) {
            double gi = g[i] * scale;
            m[i] = 0.9 * m[i] + 0.1 * gi;
            v[i] = 0.999 * v[i] + 0.001 * gi * gi;
            double mh = m[i] / (1 - Math.pow(0.9, t));
            double vh = v[i] / (1 - Math.pow(0.999, t));
            p[i] = p[i] * (1 - lr * wd) - lr * mh / (Math.sqrt(vh) + 1e-8);
        }
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static void assertClose(float[] actual, double[] expected) {
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(2e-6));
        }
    }

    @Test
    void scheduleWarmsUpLinearlyThenFollowsTheCosineToTheFloor() {
        LrSchedule s = new LrSchedule(1e-3f, 10, 110, 0.1f);
        assertThat(s.at(0)).isCloseTo(1e-4f, within(1e-9f));
        assertThat(s.at(9)).isCloseTo(1e-3f, within(1e-9f));
        assertThat(s.at(10)).isCloseTo(1e-3f, within(1e-9f));
        assertThat(s.at(60)).as("half way down the cosine: floor + half the span").isCloseTo(0.55e-3f, within(1e-8f));
        assertThat(s.at(110)).isCloseTo(1e-4f, within(1e-9f));
        assertThat(s.at(500)).isCloseTo(1e-4f, within(1e-9f));
    }
}
