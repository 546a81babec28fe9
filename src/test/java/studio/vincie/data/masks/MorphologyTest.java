package studio.vincie.data.masks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MorphologyTest {

    /** Naive reference: square element of radius r, outside the image counts as unset. */
    private static boolean[] naive(boolean[] m, int w, int h, int r, boolean dilate) {
        boolean[] out = new boolean[m.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean any = false;
                boolean all = true;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        boolean v = xx >= 0 && yy >= 0 && xx < w && yy < h && m[yy * w + xx];
                        any |= v;
                        all &= v;
                    }
                }
                out[y * w + x] = dilate ? any : all;
            }
        }
        return out;
    }

    @Test
    void separableMatchesNaiveReference() {
        java.util.Random rnd = new java.util.Random(3);
        int w = 23;
        int h = 17;
        boolean[] m = new boolean[w * h];
        for (int i = 0; i < m.length; i++) {
            m[i] = rnd.nextDouble() < 0.4;
        }
        for (int r = 0; r <= 3; r++) {
            assertThat(Morphology.dilate(m, w, h, r)).isEqualTo(naive(m, w, h, r, true));
            assertThat(Morphology.erode(m, w, h, r)).isEqualTo(naive(m, w, h, r, false));
        }
    }

    @Test
    void openingRemovesSpecksAndClosingFillsHoles() {
        int w = 20;
        int h = 20;
        boolean[] m = new boolean[w * h];
        m[2 * w + 2] = true; // a speck
        for (int y = 8; y < 16; y++) {
            for (int x = 8; x < 16; x++) {
                m[y * w + x] = !(x == 11 && y == 11); // a block with a one-pixel hole
            }
        }
        boolean[] opened = Morphology.open(m, w, h, 1);
        assertThat(opened[2 * w + 2]).isFalse();
        boolean[] closed = Morphology.close(m, w, h, 1);
        assertThat(closed[11 * w + 11]).isTrue();
        assertThat(closed[2 * w + 2]).isTrue();
        assertThat(closed[0]).isFalse();
    }
}
