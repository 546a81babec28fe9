package studio.vincie.model.nn;

import java.util.Objects;

/**
 * One segment of a session sequence: its kind, its index {@code s} and its content (token ids for
 * text, {@code tokens x P} codec values for images and masks).
 *
 * <p>Indices are fixed by turn, not by position in the packed list: {@code I0 = 0},
 * {@code Tk = 4k-3}, {@code Ck = 4k-2}, {@code Nk = 4k-1}, {@code Ik = 4k}. Dropping an optional mask
 * therefore never moves later segments, and RoPE axis 0 of a turn is the same in training and editing.
 */
public record Segment(SegmentKind kind, int index, int[] tokenIds, float[] values) {

    public Segment {
        Objects.requireNonNull(kind, "kind");
        if (index < 0) {
            throw new IllegalArgumentException("segment index must be >= 0, was " + index);
        }
        if ((kind == SegmentKind.TEXT) != (tokenIds != null) || (kind == SegmentKind.TEXT) == (values != null)) {
            throw new IllegalArgumentException("a TEXT segment carries token ids only, other kinds values only");
        }
    }

    public static Segment text(int turn, int[] tokenIds) {
        return new Segment(SegmentKind.TEXT, 4 * turn - 3, tokenIds, null);
    }

    public static Segment image(int turn, float[] values) {
        return new Segment(SegmentKind.IMAGE, 4 * turn, null, values);
    }

    public static Segment currentMask(int turn, float[] values) {
        return new Segment(SegmentKind.CURRENT_MASK, 4 * turn - 2, null, values);
    }

    public static Segment nextMask(int turn, float[] values) {
        return new Segment(SegmentKind.NEXT_MASK, 4 * turn - 1, null, values);
    }

    /** Same kind and index, other values (a noisy copy). */
    public Segment withValues(float[] newValues) {
        return new Segment(kind, index, null, newValues);
    }

    /** The turn this segment belongs to (0 for {@code I0}). */
    public int turn() {
        return (index + 3) / 4;
    }

    /** Number of tokens under a config (text: its ids). */
    public int tokenCount(studio.vincie.model.ModelConfig config) {
        return kind == SegmentKind.TEXT ? tokenIds.length : config.tokens(kind);
    }
}
