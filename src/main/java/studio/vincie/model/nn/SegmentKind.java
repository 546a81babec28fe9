package studio.vincie.model.nn;

/**
 * What a segment holds (design.md 3.1). The two mask roles share one in/out projection but get
 * different role embeddings, so a noisy mask token knows whether it is {@code Ck} or {@code Nk}.
 */
public enum SegmentKind {
    TEXT,
    IMAGE,
    CURRENT_MASK,
    NEXT_MASK;

    public boolean isMask() {
        return this == CURRENT_MASK || this == NEXT_MASK;
    }
}
