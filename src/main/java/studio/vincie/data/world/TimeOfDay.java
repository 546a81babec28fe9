package studio.vincie.data.world;

/**
 * Time of day: sets the sky gradient (top to horizon) and the light tint multiplied into objects,
 * ground and solid backdrops. Day is untinted; night darkens and cools everything.
 */
public enum TimeOfDay {
    DAWN("dawn", new int[] {110, 130, 190}, new int[] {250, 190, 160}, new double[] {1.0, 0.93, 0.88}),
    DAY("day", new int[] {90, 160, 230}, new int[] {190, 225, 250}, new double[] {1.0, 1.0, 1.0}),
    DUSK("dusk", new int[] {70, 60, 130}, new int[] {245, 150, 100}, new double[] {0.95, 0.85, 0.80}),
    NIGHT("night", new int[] {10, 15, 40}, new int[] {40, 50, 95}, new double[] {0.70, 0.72, 0.85});

    private final String word;
    private final int[] skyTop;
    private final int[] skyHorizon;
    private final double[] tint;

    TimeOfDay(String word, int[] skyTop, int[] skyHorizon, double[] tint) {
        this.word = word;
        this.skyTop = skyTop;
        this.skyHorizon = skyHorizon;
        this.tint = tint;
    }

    public String word() {
        return word;
    }

    /** Sky color at the top of the scene, RGB 0..255 (a copy). */
    public int[] skyTop() {
        return skyTop.clone();
    }

    /** Sky color at the horizon, RGB 0..255 (a copy). */
    public int[] skyHorizon() {
        return skyHorizon.clone();
    }

    /** Light tint per channel in 0..1, multiplied into everything but the sky (a copy). */
    public double[] tint() {
        return tint.clone();
    }
}
