package studio.vincie.data.world;

import java.util.Objects;

/**
 * One event of a {@link StudioScript}: the event, the scenes before and after it, and the frames over
 * which it unfolds. Frame {@code startFrame} shows the scene before and {@code endFrame} the scene
 * after; frames in between show the change part-way.
 */
public record EventSpan(Event event, Scene before, Scene after, int startFrame, int endFrame) {
    public EventSpan {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (startFrame < 0 || endFrame <= startFrame) {
            throw new IllegalArgumentException("need 0 <= startFrame < endFrame, was " + startFrame + ".." + endFrame);
        }
    }

    /** Fraction of the event shown at frame i (0 before the span, 1 after it). */
    public double fractionAt(int frame) {
        if (frame <= startFrame) {
            return 0;
        }
        if (frame >= endFrame) {
            return 1;
        }
        return (frame - startFrame) / (double) (endFrame - startFrame);
    }
}
