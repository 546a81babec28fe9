package studio.vincie.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * 3D rotary position embedding (design.md 3.3): the E/2 rotation pairs of a head are split between
 * axis 0 (segment index), axis 1 (grid row, or token position for text) and axis 2 (grid column, or
 * token position). Angles depend only on a token's own segment and place, so appending a segment
 * never moves an old token and cached keys stay valid.
 */
final class Rope {

    private Rope() {
    }

    /** Pairs given to (segment, row, column); the two spatial axes get 3/8 of the pairs each. */
    static int[] split(int pairs) {
        int spatial = pairs * 3 / 8;
        return new int[] {pairs - 2 * spatial, spatial, spatial};
    }

    /** cos and sin of every token's angles, each (B, 1, T, E/2). */
    static NDArray[] tables(NDManager m, int[] seg, float[] row, float[] col, int batch, int length, int headSize,
                            float base) {
        int pairs = headSize / 2;
        int[] axes = split(pairs);
        double[] freq = new double[pairs];
        int[] axisOf = new int[pairs];
        int p = 0;
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < axes[a]; i++, p++) {
                freq[p] = Math.pow(base, -(double) i / axes[a]);
                axisOf[p] = a;
            }
        }
        int n = batch * length;
        float[] cos = new float[n * pairs];
        float[] sin = new float[n * pairs];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < pairs; i++) {
                double pos = axisOf[i] == 0 ? seg[t] : axisOf[i] == 1 ? row[t] : col[t];
                double angle = pos * freq[i];
                cos[t * pairs + i] = (float) Math.cos(angle);
                sin[t * pairs + i] = (float) Math.sin(angle);
            }
        }
        Shape shape = new Shape(batch, 1, length, pairs);
        return new NDArray[] {m.create(cos, shape), m.create(sin, shape)};
    }

    /** Rotates x (B, H, T, E) pairwise by the angles in cos/sin (B|1, 1, T, E/2). */
    static NDArray apply(NDArray x, NDArray cos, NDArray sin) {
        Shape s = x.getShape();
        NDArray pairs = x.reshape(s.get(0), s.get(1), s.get(2), s.get(3) / 2, 2); // (B, H, T, E/2, 2)
        NDArray x1 = pairs.get("..., 0"); // (B, H, T, E/2)
        NDArray x2 = pairs.get("..., 1");
        NDArray r1 = x1.mul(cos).sub(x2.mul(sin));
        NDArray r2 = x1.mul(sin).add(x2.mul(cos));
        return NDArrays.stack(new NDList(r1, r2), -1).reshape(s); // (B, H, T, E)
    }
}
