package studio.vincie.data.masks;

/**
 * Binary morphology on row-major boolean masks with square structuring elements of radius r (side 2r+1),
 * computed separably (rows then columns), so cost does not grow with r squared.
 */
public final class Morphology {

    private Morphology() {
    }

    /** Dilation: a pixel is set when any pixel within radius r is set. */
    public static boolean[] dilate(boolean[] m, int w, int h, int r) {
        return pass(pass(m, w, h, r, true, true), w, h, r, true, false);
    }

    /** Erosion: a pixel stays set only when every pixel within radius r is set (outside counts as unset). */
    public static boolean[] erode(boolean[] m, int w, int h, int r) {
        return pass(pass(m, w, h, r, false, true), w, h, r, false, false);
    }

    /** Opening (erode then dilate): removes specks smaller than the element. */
    public static boolean[] open(boolean[] m, int w, int h, int r) {
        return dilate(erode(m, w, h, r), w, h, r);
    }

    /** Closing (dilate then erode): fills holes and gaps smaller than the element. */
    public static boolean[] close(boolean[] m, int w, int h, int r) {
        // Pad by r so the erosion does not eat regions touching the border (outside counts as unset).
        int pw = w + 2 * r;
        int ph = h + 2 * r;
        boolean[] padded = new boolean[pw * ph];
        for (int y = 0; y < h; y++) {
            System.arraycopy(m, y * w, padded, (y + r) * pw + r, w);
        }
        boolean[] closed = erode(dilate(padded, pw, ph, r), pw, ph, r);
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(closed, (y + r) * pw + r, out, y * w, w);
        }
        return out;
    }

    /** One 1-D pass along rows (horizontal) or columns; any = dilate, all = erode. */
    private static boolean[] pass(boolean[] m, int w, int h, int r, boolean any, boolean horizontal) {
        if (r <= 0) {
            return m.clone();
        }
        boolean[] out = new boolean[m.length];
        int lines = horizontal ? h : w;
        int len = horizontal ? w : h;
        for (int line = 0; line < lines; line++) {
            // count of set pixels in the sliding window [i-r, i+r]
            int count = 0;
            for (int j = 0; j <= Math.min(r, len - 1); j++) {
                count += at(m, w, horizontal, line, j) ? 1 : 0;
            }
            for (int i = 0; i < len; i++) {
                int lo = Math.max(0, i - r);
                int hi = Math.min(len - 1, i + r);
                int window = 2 * r + 1;
                boolean v = any ? count > 0 : count == window && hi - lo + 1 == window;
                int idx = horizontal ? line * w + i : i * w + line;
                out[idx] = v;
                int leaving = i - r;
                int entering = i + r + 1;
                if (leaving >= 0 && at(m, w, horizontal, line, leaving)) {
                    count--;
                }
                if (entering < len && at(m, w, horizontal, line, entering)) {
                    count++;
                }
            }
        }
        return out;
    }

    private static boolean at(boolean[] m, int w, boolean horizontal, int line, int j) {
        return horizontal ? m[line * w + j] : m[j * w + line];
    }
}
