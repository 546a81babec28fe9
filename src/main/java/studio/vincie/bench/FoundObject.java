package studio.vincie.bench;

/**
 * One object the {@link SceneParser} found in an image: a connected region of one palette colour.
 * {@code pixels} marks the pixels labelled with the colour; {@code alpha} is the estimated coverage
 * (0..1) of every pixel of the region and its anti-aliased rim (0 elsewhere), both full-frame and
 * row-major. Area (in pixels) and centroid are coverage-weighted, so they are sub-pixel accurate.
 */
public record FoundObject(String color, double area, double centerX, double centerY, boolean[] pixels, float[] alpha) {

    /** Distance between the centroids of two objects, in pixels. */
    public double distanceTo(FoundObject other) {
        return Math.hypot(centerX - other.centerX, centerY - other.centerY);
    }

    /** max(a/b, b/a) of the two areas: 1 for equal sizes, 2 when one is twice the other. */
    public double sizeRatioTo(FoundObject other) {
        double a = Math.max(1, area);
        double b = Math.max(1, other.area);
        return Math.max(a / b, b / a);
    }

    @Override
    public String toString() {
        return String.format("%s object, %.0f px at (%.1f, %.1f)", color, area, centerX, centerY);
    }
}
