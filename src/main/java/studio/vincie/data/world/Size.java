package studio.vincie.data.world;

/**
 * The three size words of the studio world. An object stores its exact {@code scale} (radius in scene
 * units, the scene being the unit square); its size word is the class whose nominal scale is nearest
 * in log space, so grow/shrink events that step one class up or down always change the word.
 */
public enum Size {
    SMALL("small", 0.06),
    MEDIUM("medium", 0.09),
    LARGE("large", 0.13);

    private final String word;
    private final double scale;

    Size(String word, double scale) {
        this.word = word;
        this.scale = scale;
    }

    public String word() {
        return word;
    }

    /** Nominal radius in scene units (fraction of the shorter frame side at zoom 1). */
    public double scale() {
        return scale;
    }

    /** The next larger class, or null for LARGE. */
    public Size larger() {
        return this == LARGE ? null : values()[ordinal() + 1];
    }

    /** The next smaller class, or null for SMALL. */
    public Size smaller() {
        return this == SMALL ? null : values()[ordinal() - 1];
    }

    /** The size class of an exact scale: nearest nominal scale in log space. */
    public static Size of(double scale) {
        Size best = SMALL;
        double bestD = Double.MAX_VALUE;
        for (Size s : values()) {
            double d = Math.abs(Math.log(scale / s.scale));
            if (d < bestD) {
                bestD = d;
                best = s;
            }
        }
        return best;
    }
}
