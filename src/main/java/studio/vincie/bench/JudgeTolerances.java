package studio.vincie.bench;

/**
 * Every tolerance of the benchmark judge in one place (documented in {@code docs/benchmark.md}).
 * Distances are in pixels of a 128 px frame and scale with the frame size; colours are Euclidean
 * RGB distances on the 0..255 scale; fractions are of the pixels concerned.
 *
 * @param colorDistance     a pixel is labelled with a palette colour when it lies within this RGB distance
 *                          of the (lit) palette colour and is closer to it than to the background there
 * @param backgroundSeparation a pixel counts as an object pixel only if it differs from the ground-truth
 *                          background at that place by more than this RGB distance
 * @param minObjectPixels   connected components smaller than this (at 128 px) are noise, not objects
 * @param positionPixels    the centroid of a found object may be this far (at 128 px) from the reference
 * @param sizeRatio         the found area may be at most this factor larger or smaller than the reference
 *                          (or the equivalent-disc radii may differ by at most one pixel, for tiny objects)
 * @param shapeIou          IoU of the found silhouette with the reference after moving and scaling it onto
 *                          the reference (so only shape and orientation count) must reach this
 * @param changeRecall      of the pixels the edit changes (ground truth before vs after differ by more than
 *                          {@code changedPixelDelta} in a channel), the fraction where the output is closer to
 *                          the after than to the before image; catches edits the object statistics hide
 *                          (which object is in front, small turns)
 * @param backgroundL1      mean absolute difference (0..1) to the ground truth allowed away from objects
 *                          (background, lighting, time of day)
 * @param regionMarginPixels the edit region (union of the current and next masks) is grown by this many
 *                          pixels (at 128 px) before the consistency check
 * @param consistencyL1     mean absolute difference (0..1) to the previous image allowed outside the edit region
 * @param changedPixelDelta a pixel outside the edit region counts as changed when a channel moved by more
 *                          than this (0..255)
 * @param changedFraction   at most this fraction of the pixels outside the edit region may be changed
 */
public record JudgeTolerances(
        double colorDistance,
        double backgroundSeparation,
        int minObjectPixels,
        double positionPixels,
        double sizeRatio,
        double shapeIou,
        double changeRecall,
        double backgroundL1,
        int regionMarginPixels,
        double consistencyL1,
        int changedPixelDelta,
        double changedFraction) {

    /** The tolerances the published figures use. */
    public static final JudgeTolerances DEFAULT = new JudgeTolerances(
            60, 20, 8, 3.0, 1.35, 0.86, 0.75, 0.03, 2, 0.015, 40, 0.005);

    public JudgeTolerances {
        if (colorDistance <= 0 || backgroundSeparation <= 0) {
            throw new IllegalArgumentException("colour distances must be positive; use e.g. DEFAULT's 60 and 20");
        }
        if (minObjectPixels < 1 || positionPixels <= 0) {
            throw new IllegalArgumentException("minObjectPixels must be >= 1 and positionPixels > 0");
        }
        if (sizeRatio < 1) {
            throw new IllegalArgumentException("sizeRatio is a factor >= 1 (1.35 allows 35% larger or smaller), was "
                    + sizeRatio);
        }
        if (shapeIou <= 0 || shapeIou > 1 || changeRecall < 0 || changeRecall > 1) {
            throw new IllegalArgumentException("shapeIou must be in (0, 1] and changeRecall in [0, 1], were "
                    + shapeIou + " and " + changeRecall);
        }
        if (backgroundL1 <= 0 || consistencyL1 <= 0 || changedFraction < 0 || changedFraction > 1) {
            throw new IllegalArgumentException("backgroundL1 and consistencyL1 must be positive and changedFraction in [0, 1]");
        }
        if (regionMarginPixels < 0 || changedPixelDelta < 0 || changedPixelDelta > 255) {
            throw new IllegalArgumentException("regionMarginPixels must be >= 0 and changedPixelDelta in 0..255");
        }
    }

    /** Scale factor from the 128 px reference frame to a frame of {@code size} pixels. */
    static double scale(int size) {
        return size / 128.0;
    }
}
