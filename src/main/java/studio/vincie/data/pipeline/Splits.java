package studio.vincie.data.pipeline;

/**
 * Deterministic train/val/test assignment: a key (video name or session id) and the seed hash to a number in
 * [0, 1); the lowest {@code test} share goes to test, the next {@code val} share to val, the rest to train.
 * Adding or removing other videos never moves a key to another split.
 */
public final class Splits {

    private Splits() {
    }

    public static String assign(String key, long seed, double val, double test) {
        long h = seed ^ 0x5DEECE66DL;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        double u = (h >>> 11) * 0x1.0p-53;
        if (u < test) {
            return "test";
        }
        return u < test + val ? "val" : "train";
    }
}
