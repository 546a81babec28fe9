package studio.vincie.data.frames;

/**
 * Parameters of Stage 1 frame selection (see {@link FrameSelector} and {@code docs/data-pipeline.md}).
 *
 * @param analysisSize     side of the box-filtered luma thumbnail differences are measured on (pixels)
 * @param stillThreshold   a step between consecutive frames is "still" when no thumbnail pixel moved by this
 *                         much or more (0..255 luma); above H.264 noise at the default encoder settings
 * @param noiseFactor      the still threshold rises to this multiple of the video's noise level (lower
 *                         quartile of step differences) for noisy footage, but never above
 *                         {@code maxStillThreshold} (else a video in constant motion would count as still)
 * @param maxStillThreshold upper bound of the noise-raised still threshold
 * @param driftFactor      a stable stretch also ends once a frame differs from the stretch's first frame by
 *                         this multiple of the still threshold (slow fades and drifts)
 * @param minStableFrames  fewest frames a still run needs to count as a stable state between changes
 * @param interval         equal-interval grid spacing in frames (the time-based half of the hybrid)
 * @param maxChangeSpan    a change longer than this many frames is continuous motion; grid frames inside it
 *                         are kept so one turn does not span the whole motion
 * @param minFrames        fewest frames per session (2 = one turn)
 * @param maxFrames        most frames per session (6 = five turns)
 */
public record FrameSelectionConfig(int analysisSize, double stillThreshold, double noiseFactor,
                                   double maxStillThreshold, double driftFactor,
                                   int minStableFrames, int interval, int maxChangeSpan, int minFrames,
                                   int maxFrames) {

    /** Defaults tuned on studio-world videos and H.264 noise at 128 px; see docs/data-pipeline.md. */
    public static final FrameSelectionConfig DEFAULT = new FrameSelectionConfig(32, 1.0, 1.5, 6.0, 2.0, 4, 24, 48, 2,
            6);

    public FrameSelectionConfig {
        if (analysisSize < 4 || analysisSize > 512) {
            throw new IllegalArgumentException("analysisSize " + analysisSize + " must be 4..512 (e.g. 32)");
        }
        if (!(stillThreshold > 0) || !(noiseFactor >= 1) || !(driftFactor >= 1)) {
            throw new IllegalArgumentException("need stillThreshold > 0, noiseFactor >= 1, driftFactor >= 1 (got "
                    + stillThreshold + ", " + noiseFactor + ", " + driftFactor + ")");
        }
        if (maxStillThreshold < stillThreshold) {
            throw new IllegalArgumentException("maxStillThreshold " + maxStillThreshold + " must be >= stillThreshold "
                    + stillThreshold);
        }
        if (minStableFrames < 1 || interval < 1 || maxChangeSpan < 1) {
            throw new IllegalArgumentException("minStableFrames, interval and maxChangeSpan must be at least 1 (got "
                    + minStableFrames + ", " + interval + ", " + maxChangeSpan + ")");
        }
        if (minFrames < 2 || maxFrames > 6 || minFrames > maxFrames) {
            throw new IllegalArgumentException("frames per session must satisfy 2 <= minFrames <= maxFrames <= 6 (got "
                    + minFrames + ".." + maxFrames + ")");
        }
    }
}
