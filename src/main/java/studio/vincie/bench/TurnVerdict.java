package studio.vincie.bench;

import java.util.List;

/**
 * The judge's decision on one turn: whether the output follows the instruction (its objects and
 * background match the ground-truth scene) and is consistent (outside the edit region it preserves the
 * image it was edited from), with a human-readable reason for every failed check.
 *
 * @param backgroundL1   mean absolute difference to the ground truth away from objects (0..1)
 * @param outsideL1      mean absolute difference to the previous image outside the edit region (0..1)
 * @param changedOutside fraction of pixels outside the edit region that changed beyond the tolerance
 * @param changeRecall   of the pixels the edit changes, the fraction where the output moved towards the
 *                       ground truth (1 when the edit changes too few pixels to measure): partial credit
 *                       for an edit the strict checks still reject
 */
public record TurnVerdict(boolean follows, boolean consistent, List<String> reasons,
                          double backgroundL1, double outsideL1, double changedOutside, double changeRecall) {

    public TurnVerdict {
        reasons = List.copyOf(reasons);
    }

    /** A turn succeeds when it both follows the instruction and is consistent. */
    public boolean succeeded() {
        return follows && consistent;
    }
}
