package studio.vincie.data.world;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One ground-truth turn of a {@link StudioSession}: the event, its instruction (text and category),
 * the scenes before and after, the rendered image after the edit, and the exact current and next
 * region masks ({@link RegionMasks}).
 */
public record StudioTurn(int number, Event event, Instruction instruction, Scene before, Scene after,
                         BufferedImage image, BufferedImage currentMask, BufferedImage nextMask) {
    public StudioTurn {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(image, "image");
    }

    public EditCategory category() {
        return instruction.category();
    }

    public String text() {
        return instruction.text();
    }
}
