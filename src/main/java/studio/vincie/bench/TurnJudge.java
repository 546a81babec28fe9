package studio.vincie.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Judges one benchmark turn against exact ground truth, the part MSE-Bench gives to GPT-4o.
 *
 * <p><b>Follows the instruction</b>: the objects found in the output by {@link SceneParser} match the
 * objects found in the ground-truth rendering one to one, with the same palette colour, centroid within
 * {@link JudgeTolerances#positionPixels()}, area within {@link JudgeTolerances#sizeRatio()} and a
 * position- and size-normalised silhouette IoU of at least {@link JudgeTolerances#shapeIou()} (pixels
 * where it meets another object are ignored); no extra object may appear; the pixels the edit changes
 * mostly moved towards the ground truth ({@link JudgeTolerances#changeRecall()}); and away from objects
 * the output matches the ground-truth background (time of day, lighting) within
 * {@link JudgeTolerances#backgroundL1()}. <b>Consistent</b>: outside the ground-truth edit region
 * (current and next masks, grown by a margin) the output, smoothed by a 3x3 box like the image it is
 * compared with, preserves the image the turn started from within {@link JudgeTolerances#consistencyL1()}
 * and {@link JudgeTolerances#changedFraction()}. Turns whose edit region is the whole frame (background,
 * lighting, viewpoint) have nothing to preserve and are consistent by definition.
 */
public final class TurnJudge {

    /** Below this visible area (px at 128 px) a silhouette is too small to have a shape; position and size still count. */
    static final double SHAPE_MIN_AREA = 40;

    private final JudgeTolerances tolerances;
    private final SceneParser parser;

    public TurnJudge(JudgeTolerances tolerances) {
        this.tolerances = tolerances;
        this.parser = new SceneParser(tolerances);
    }

    public JudgeTolerances tolerances() {
        return tolerances;
    }

    /** Objects the judge finds in the ground-truth image of a turn (the reference it compares against). */
    public List<FoundObject> reference(TurnTruth truth) {
        return parser.parse(truth.image(), truth.background(), truth.palette());
    }

    /**
     * @param output   the model's image for this turn
     * @param previous the image the turn was edited from (the model's own previous output)
     */
    public TurnVerdict judge(BufferedImage output, BufferedImage previous, TurnTruth truth) {
        ImageMetrics.requireSameSize(output, truth.image());
        ImageMetrics.requireSameSize(previous, truth.image());
        List<String> reasons = new ArrayList<>();
        boolean objectsMatch = matchObjects(output, truth, reasons);
        double recall = changeRecall(output, truth);
        if (recall < tolerances.changeRecall()) {
            reasons.add(String.format("the edit is not there: %.0f%% of the pixels it changes moved towards "
                    + "the ground truth (< %.0f%%)", 100 * recall, 100 * tolerances.changeRecall()));
            objectsMatch = false;
        }
        double backgroundL1 = backgroundL1(output, truth);
        boolean backgroundMatches = backgroundL1 <= tolerances.backgroundL1();
        if (!backgroundMatches) {
            reasons.add(String.format("background differs from the ground truth (L1 %.3f > %.3f)",
                    backgroundL1, tolerances.backgroundL1()));
        }
        double[] outside = outsideRegion(output, previous, truth);
        boolean consistent = outside[0] <= tolerances.consistencyL1() && outside[1] <= tolerances.changedFraction();
        if (!consistent) {
            reasons.add(String.format("image changed outside the edit region (L1 %.4f, %.2f%% of pixels changed)",
                    outside[0], 100 * outside[1]));
        }
        return new TurnVerdict(objectsMatch && backgroundMatches, consistent, reasons, backgroundL1, outside[0], outside[1],
                recall);
    }

    private boolean matchObjects(BufferedImage output, TurnTruth truth, List<String> reasons) {
        List<FoundObject> expected = reference(truth);
        List<FoundObject> found = new ArrayList<>(parser.parse(output, truth.background(), truth.palette()));
        int w = output.getWidth();
        int h = output.getHeight();
        double scale = JudgeTolerances.scale(Math.min(w, h));
        boolean ok = true;
        // Largest reference objects first, so a big object is not robbed of its match by a fragment.
        expected.sort(Comparator.comparingDouble(FoundObject::area).reversed());
        for (FoundObject want : expected) {
            FoundObject best = null;
            double bestIou = -1;
            for (FoundObject candidate : found) {
                if (!candidate.color().equals(want.color())) {
                    continue;
                }
                double iou = ImageMetrics.iou(candidate.pixels(), want.pixels());
                // Ties (no overlap at all) go to the nearest candidate, so the reason names the likely match.
                double score = iou > 0 ? iou : -candidate.distanceTo(want) / (w + h);
                if (best == null || score > bestIou) {
                    best = candidate;
                    bestIou = score;
                }
            }
            if (best == null) {
                reasons.add("missing: " + want);
                ok = false;
                continue;
            }
            found.remove(best);
            double distance = best.distanceTo(want);
            double sizeRatio = best.sizeRatioTo(want);
            double shape = shapeIou(best, want, w, h, bordersOfOthers(expected, want, w, h));
            if (distance > tolerances.positionPixels() * scale) {
                reasons.add(String.format("wrong position: expected %s, found %s (%.1f px off)", want, best, distance));
                ok = false;
            } else if (sizeRatio > tolerances.sizeRatio() && radiusGap(best, want) > scale) {
                reasons.add(String.format("wrong size: expected %s, found %s (ratio %.2f)", want, best, sizeRatio));
                ok = false;
            } else if (want.area() >= SHAPE_MIN_AREA * scale * scale && shape < tolerances.shapeIou()) {
                reasons.add(String.format("wrong shape: expected %s, found %s (IoU %.2f)", want, best, shape));
                ok = false;
            }
        }
        for (FoundObject extra : found) {
            reasons.add("unexpected: " + extra);
            ok = false;
        }
        return ok;
    }

    /**
     * Pixels within two pixels of the other reference objects: where two objects meet, a soft output
     * blends their colours and the border of either silhouette is uncertain, so shape ignores it.
     */
    private static boolean[] bordersOfOthers(List<FoundObject> reference, FoundObject self, int w, int h) {
        boolean[] others = new boolean[w * h];
        for (FoundObject o : reference) {
            if (o == self) {
                continue;
            }
            for (int k = 0; k < others.length; k++) {
                others[k] |= o.pixels()[k];
            }
        }
        return ImageMetrics.dilate(others, w, h, 2);
    }

    /** Difference of the equivalent-disc radii of two areas, in pixels (tiny objects get 1 px of slack). */
    private static double radiusGap(FoundObject a, FoundObject b) {
        return Math.abs(Math.sqrt(a.area() / Math.PI) - Math.sqrt(b.area() / Math.PI));
    }

    /**
     * Shape agreement with position and size factored out: the found coverage is resampled (bilinear)
     * so that its centroid and area coincide with the reference's, both are cut at coverage 0.5 and
     * their IoU is returned. Orientation is not normalised, so a rotation shows as a shape difference.
     */
    static double shapeIou(FoundObject found, FoundObject reference, int w, int h) {
        return shapeIou(found, reference, w, h, new boolean[w * h]);
    }

    /** As {@link #shapeIou(FoundObject, FoundObject, int, int)}, skipping the pixels marked in {@code ignore}. */
    static double shapeIou(FoundObject found, FoundObject reference, int w, int h, boolean[] ignore) {
        double s = Math.sqrt(Math.max(1e-9, found.area()) / Math.max(1e-9, reference.area()));
        int inter = 0;
        int union = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ignore[y * w + x]) {
                    continue;
                }
                boolean ref = reference.alpha()[y * w + x] >= 0.5f;
                double qx = found.centerX() + (x + 0.5 - reference.centerX()) * s - 0.5;
                double qy = found.centerY() + (y + 0.5 - reference.centerY()) * s - 0.5;
                boolean got = bilinear(found.alpha(), w, h, qx, qy) >= 0.5;
                if (ref && got) {
                    inter++;
                }
                if (ref || got) {
                    union++;
                }
            }
        }
        return union == 0 ? 1.0 : inter / (double) union;
    }

    /** Bilinear sample of a row-major map at pixel coordinates (pixel centres at integers); 0 outside. */
    private static double bilinear(float[] map, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fx) * (1 - fy) * at(map, w, h, x0, y0) + fx * (1 - fy) * at(map, w, h, x0 + 1, y0)
                + (1 - fx) * fy * at(map, w, h, x0, y0 + 1) + fx * fy * at(map, w, h, x0 + 1, y0 + 1);
    }

    private static double at(float[] map, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0 : map[y * w + x];
    }

    /**
     * Of the pixels the ground-truth edit changes (a channel moves by more than {@code changedPixelDelta}),
     * the fraction where the output is closer to the ground truth after than before; 1 when the edit
     * changes fewer than {@link ImageMetrics#MIN_CHANGED} pixels.
     */
    private double changeRecall(BufferedImage output, TurnTruth truth) {
        return ImageMetrics.changeRecall(truth.before(), truth.image(), output, tolerances);
    }

    /** Mean absolute difference to the ground truth over pixels well away from any object (0..1). */
    private double backgroundL1(BufferedImage output, TurnTruth truth) {
        int w = output.getWidth();
        int h = output.getHeight();
        boolean[] objects = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                objects[y * w + x] = SceneParser.distance(truth.image().getRGB(x, y), truth.background().getRGB(x, y))
                        > tolerances.backgroundSeparation() / 2;
            }
        }
        int margin = (int) Math.ceil(tolerances.regionMarginPixels() * JudgeTolerances.scale(Math.min(w, h)));
        boolean[] near = ImageMetrics.dilate(objects, w, h, margin);
        return meanAbs(output, truth.image(), near)[0];
    }

    /** {mean abs difference, changed fraction} of output vs previous outside the grown edit region. */
    private double[] outsideRegion(BufferedImage output, BufferedImage previous, TurnTruth truth) {
        boolean[] current = ImageMetrics.binary(truth.currentMask());
        boolean[] next = ImageMetrics.binary(truth.nextMask());
        if (current == null && next == null) {
            return new double[] {0, 0};
        }
        int w = output.getWidth();
        int h = output.getHeight();
        boolean[] region = new boolean[w * h];
        for (int i = 0; i < region.length; i++) {
            region[i] = (current != null && current[i]) || (next != null && next[i]);
        }
        int margin = (int) Math.ceil(tolerances.regionMarginPixels() * JudgeTolerances.scale(Math.min(w, h)));
        // Compared after a 3x3 box smoothing: preserving the content is what counts, not re-sampling exactly
        // (a slightly soft re-rendering of an untouched edge is still consistent; a smudge is not).
        return meanAbs(ImageMetrics.boxSmooth(output), ImageMetrics.boxSmooth(previous),
                ImageMetrics.dilate(region, w, h, margin));
    }

    /** {mean abs difference (0..1), fraction of pixels with a channel off by more than the delta} over !excluded. */
    private double[] meanAbs(BufferedImage a, BufferedImage b, boolean[] excluded) {
        int w = a.getWidth();
        long sum = 0;
        int count = 0;
        int changed = 0;
        for (int i = 0; i < excluded.length; i++) {
            if (excluded[i]) {
                continue;
            }
            int p = a.getRGB(i % w, i / w);
            int q = b.getRGB(i % w, i / w);
            int dr = Math.abs(((p >> 16) & 255) - ((q >> 16) & 255));
            int dg = Math.abs(((p >> 8) & 255) - ((q >> 8) & 255));
            int db = Math.abs((p & 255) - (q & 255));
            sum += dr + dg + db;
            count++;
            if (Math.max(dr, Math.max(dg, db)) > tolerances.changedPixelDelta()) {
                changed++;
            }
        }
        if (count == 0) {
            return new double[] {0, 0};
        }
        return new double[] {sum / (3.0 * 255.0 * count), changed / (double) count};
    }
}
