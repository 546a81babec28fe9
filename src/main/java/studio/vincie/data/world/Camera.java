package studio.vincie.data.world;

/**
 * The viewpoint: {@code panX}/{@code panY} move the camera in scene units (panning right makes the
 * content slide left) and {@code zoom} magnifies about the view centre (1 = the unit square fills the
 * shorter frame side). A scene point p appears at view coordinate {@code (p - 0.5 - pan) * zoom + 0.5}.
 */
public record Camera(double panX, double panY, double zoom) {

    public static final Camera DEFAULT = new Camera(0, 0, 1);

    public Camera {
        if (!(zoom >= 0.25 && zoom <= 4)) {
            throw new IllegalArgumentException("zoom must be between 0.25 and 4, was " + zoom);
        }
        if (!(Math.abs(panX) <= 1 && Math.abs(panY) <= 1)) {
            throw new IllegalArgumentException("pan must be within [-1, 1] scene units, was " + panX + ", " + panY);
        }
    }

    /** View x (0..1 across the square viewport) of scene x. */
    public double viewX(double sceneX) {
        return (sceneX - 0.5 - panX) * zoom + 0.5;
    }

    /** View y (0..1 down the square viewport) of scene y. */
    public double viewY(double sceneY) {
        return (sceneY - 0.5 - panY) * zoom + 0.5;
    }

    /** Scene y seen at view y (inverse of {@link #viewY}). */
    public double sceneY(double viewY) {
        return (viewY - 0.5) / zoom + 0.5 + panY;
    }

    /** Linear blend towards {@code to} by fraction f. */
    public Camera lerp(Camera to, double f) {
        return new Camera(panX + f * (to.panX - panX), panY + f * (to.panY - panY), zoom + f * (to.zoom - zoom));
    }
}
