package studio.vincie.data.world;

/** Named colors for solid backdrops and for the ground under a sky; muted so objects stand out. */
public enum Backdrop {
    CREAM("cream", 245, 238, 220),
    PALE_BLUE("pale blue", 210, 228, 245),
    PALE_GREEN("pale green", 218, 238, 210),
    LAVENDER("lavender", 228, 216, 244),
    LIGHT_GRAY("light gray", 222, 222, 222),
    SLATE("dark slate", 60, 70, 85),
    GRASS("grass", 95, 150, 75),
    SAND("sand", 215, 195, 150),
    STONE("rocky ground", 160, 155, 150);

    private final String word;
    private final int r;
    private final int g;
    private final int b;

    Backdrop(String word, int r, int g, int b) {
        this.word = word;
        this.r = r;
        this.g = g;
        this.b = b;
    }

    public String word() {
        return word;
    }

    /** RGB 0..255. */
    public int[] rgb() {
        return new int[] {r, g, b};
    }

    /** True for the colors used as ground under a sky (the others are solid backdrops). */
    public boolean isGround() {
        return this == GRASS || this == SAND || this == STONE;
    }
}
