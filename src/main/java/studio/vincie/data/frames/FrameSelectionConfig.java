package studio.vincie.data.frames;

/**
 * Parameters of Stage 1 frame selection (see {@link FrameSelector} and {@code docs/data-pipeline.md}).
 *
 * @param analysisSize       side of the grayscale thumbnail differences are measured on (pixels)
 * @param pixelThreshold     a thumbnail pixel has changed when its luma moved by more than this (0..255); the
 *                           box-filtered thumbnail keeps H.264 noise well below it
 * @param minChangedFraction two frames differ when at least this fraction of thumbnail pixels changed
 * @param interval           equal-interval grid spacing in frames (the time-based half of the hybrid)
 * @param maxChangeSpan      a change run longer than this many frames is continuous motion; grid frames
 *                           inside it are kept so one turn does not span the whole motion
 * @param minFrames          fewest frames per session (2 = one turn)
 * @param maxFrames          most frames per session (6 = five turns)
 */
public record FrameSelectionConfig(int analysisSize, double pixelThreshold, double minChangedFraction, int interval,
                                   int maxChangeSpan, int minFrames, int maxFrames) {

    /** Defaults tuned on studio-world videos and H.264 noise at 128 px; see docs/data-pipeline.md. */
    public static final FrameSelectionConfig DEFAULT = new FrameSelectionConfig(64, 8.0, 0.001, 24, 48, 2, 6);

    public FrameSelectionConfig {
        if (analysisSize < 4 || analysisSize > 512) {
            throw new IllegalArgumentException("analysisSize " + analysisSize + " must be 4..512 (e.g. 64)");
        }
        if (!(pixelThreshold > 0) || !(minChangedFraction > 0) || minChangedFraction > 1) {
            throw new IllegalArgumentException("pixelThreshold must be > 0 and minChangedFraction in (0, 1] (got "
                    + pixelThreshold + ", " + minChangedFraction + ")");
        }
        if (interval < 1 || maxChangeSpan < 1) {
            throw new IllegalArgumentException("interval and maxChangeSpan must be at least 1 frame (got "
                    + interval + ", " + maxChangeSpan + ")");
        }
        if (minFrames < 2 || maxFrames > 6 || minFrames > maxFrames) {
            throw new IllegalArgumentException("frames per session must satisfy 2 <= minFrames <= maxFrames <= 6 (got "
                    + minFrames + ".." + maxFrames + ")");
        }
    }
}
