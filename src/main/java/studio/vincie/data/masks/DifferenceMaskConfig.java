package studio.vincie.data.masks;

/**
 * Parameters of {@link DifferenceMasker} (documented in docs/data-pipeline.md).
 *
 * @param threshold    per-channel difference (0..255) above which a pixel counts as changed
 * @param openRadius   opening radius in pixels (removes specks up to 2r+1 wide)
 * @param closeRadius  closing radius in pixels (fills holes and gaps up to 2r+1 wide)
 * @param dilateRadius final margin in pixels
 */
public record DifferenceMaskConfig(int threshold, int openRadius, int closeRadius, int dilateRadius) {

    /** Defaults for 128 px H.264 frames: threshold well above codec noise, one-pixel specks removed. */
    public static final DifferenceMaskConfig DEFAULT = new DifferenceMaskConfig(20, 1, 3, 2);

    public DifferenceMaskConfig {
        if (threshold < 1 || threshold > 254) {
            throw new IllegalArgumentException("mask threshold must be 1..254, was " + threshold);
        }
        if (openRadius < 0 || closeRadius < 0 || dilateRadius < 0 || openRadius > 32 || closeRadius > 32
                || dilateRadius > 32) {
            throw new IllegalArgumentException("morphology radii must be 0..32 (got open " + openRadius + ", close "
                    + closeRadius + ", dilate " + dilateRadius + ")");
        }
    }
}
