package studio.vincie.model.sampling;

import java.util.List;

import studio.vincie.model.nn.Segment;

/**
 * One edit turn in segment form.
 *
 * @param context      clean segments before the turn, in order: {@code I0, T1, [C1], [N1], I1, ..., I(k-1)}
 * @param turn         k, the turn being generated
 * @param instruction  token ids of {@code Tk}
 * @param userMask     codec values of a user-painted {@code Ck}, or null
 * @param predictMasks segmentation-first: generate {@code Ck} (unless the user gave one) and {@code Nk}
 *                     first, commit them, then generate {@code Ik}
 * @param seed         noise seed (host-side, so the same on every device)
 * @param steps        Euler steps per generated segment
 * @param guidance     classifier-free guidance scale on the instruction (1 = no guidance branch)
 * @param masksOnly    stop after the masks (segmentation-first, phase 1: show {@code Ck}/{@code Nk} to
 *                     the user, who may edit them and then ask for the image with {@code Ck} as user mask)
 */
public record TurnInput(List<Segment> context, int turn, int[] instruction, float[] userMask, boolean predictMasks,
                        long seed, int steps, float guidance, boolean masksOnly) {

    /** A full turn (masks, if asked for, then the image). */
    public TurnInput(List<Segment> context, int turn, int[] instruction, float[] userMask, boolean predictMasks,
                     long seed, int steps, float guidance) {
        this(context, turn, instruction, userMask, predictMasks, seed, steps, guidance, false);
    }

    public TurnInput {
        context = List.copyOf(context);
        if (context.isEmpty() || context.get(0).index() != 0) {
            throw new IllegalArgumentException("context must start with the source image I0");
        }
        if (turn < 1) {
            throw new IllegalArgumentException("turn must be >= 1, was " + turn);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        if (!(guidance >= 0)) {
            throw new IllegalArgumentException("guidance must be >= 0, was " + guidance);
        }
        if (masksOnly && !predictMasks) {
            throw new IllegalArgumentException("masksOnly needs predictMasks");
        }
    }
}
