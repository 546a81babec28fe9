package studio.vincie.data.world;

import java.awt.Color;

/**
 * The studio palette: twelve object colors with the word a person uses for each. The RGB values are
 * chosen far apart (the closest pair, orange and yellow, differ by more than 80 in RGB distance), so a
 * judge can classify a pixel by its nearest palette color after undoing the scene's light tint.
 */
public enum NamedColor {
    RED("red", 220, 40, 40),
    ORANGE("orange", 245, 140, 20),
    YELLOW("yellow", 245, 220, 30),
    GREEN("green", 40, 160, 60),
    CYAN("cyan", 30, 200, 220),
    BLUE("blue", 40, 80, 220),
    PURPLE("purple", 130, 50, 180),
    PINK("pink", 245, 120, 190),
    BROWN("brown", 120, 70, 30),
    BLACK("black", 25, 25, 25),
    WHITE("white", 250, 250, 250),
    GRAY("gray", 135, 135, 135);

    private final String word;
    private final int r;
    private final int g;
    private final int b;

    NamedColor(String word, int r, int g, int b) {
        this.word = word;
        this.r = r;
        this.g = g;
        this.b = b;
    }

    /** The word used in instructions, e.g. "red". */
    public String word() {
        return word;
    }

    public int red() {
        return r;
    }

    public int green() {
        return g;
    }

    public int blue() {
        return b;
    }

    /** Packed 0xRRGGBB. */
    public int rgb() {
        return (r << 16) | (g << 8) | b;
    }

    public Color awt() {
        return new Color(r, g, b);
    }

    /** Euclidean RGB distance between two palette colors. */
    public double distance(NamedColor other) {
        return Math.sqrt(sq(r - other.r) + sq(g - other.g) + sq(b - other.b));
    }

    /** The palette color nearest to an RGB triple (components 0..255). */
    public static NamedColor nearest(double red, double green, double blue) {
        NamedColor best = RED;
        double bestD = Double.MAX_VALUE;
        for (NamedColor c : values()) {
            double d = sq(red - c.r) + sq(green - c.g) + sq(blue - c.b);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static double sq(double v) {
        return v * v;
    }
}
