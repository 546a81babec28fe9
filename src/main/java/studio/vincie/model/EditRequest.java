package studio.vincie.model;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * One edit turn as the model sees it: the source image {@code I0}, the earlier turns of the current
 * branch in order (each with its instruction, optional region masks and resulting image), the new
 * instruction, an optional user mask (white = the edit may happen here) and the sampler settings.
 *
 * <p>The image of the turn being edited from is {@code history.isEmpty() ? source : last.image}.
 */
public record EditRequest(
        BufferedImage source,
        List<PriorTurn> history,
        String instruction,
        BufferedImage userMask,
        long seed,
        int steps,
        float guidance) {

    public EditRequest {
        Objects.requireNonNull(source, "source");
        history = List.copyOf(history);
        Objects.requireNonNull(instruction, "instruction");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
        if (guidance < 0) {
            throw new IllegalArgumentException("guidance must be >= 0, was " + guidance);
        }
    }

    /** The image this turn edits: the last result of the branch, or the source. */
    public BufferedImage currentImage() {
        return history.isEmpty() ? source : history.get(history.size() - 1).image();
    }

    /** Number of this turn, 1-based (turn k produces image {@code Ik}). */
    public int turnNumber() {
        return history.size() + 1;
    }

    /**
     * An earlier turn: instruction {@code Tk}, current region {@code Ck} (user mask, or the predicted
     * one; may be null), next region {@code Nk} (may be null) and image {@code Ik}.
     */
    public record PriorTurn(String instruction, BufferedImage currentMask, BufferedImage nextMask,
                            BufferedImage image) {
        public PriorTurn {
            Objects.requireNonNull(instruction, "instruction");
            Objects.requireNonNull(image, "image");
        }
    }
}
