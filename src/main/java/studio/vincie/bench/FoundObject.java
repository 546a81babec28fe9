package studio.vincie.bench;

/**
 * One object the {@link SceneParser} found in an image: a connected region of pixels of one palette
 * colour, with its area, centroid and silhouette (row-major pixel mask of the whole frame).
 */
public record FoundObject(String color, int area, double centerX, double centerY, boolean[] pixels) {

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
        return String.format("%s object, %d px at (%.1f, %.1f)", color, area, centerX, centerY);
    }
}
