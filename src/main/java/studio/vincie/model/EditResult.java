package studio.vincie.model;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * What a turn produced: the new image and, when the model predicts them, the current-region mask
 * {@code Ck} (where in the previous image the edit happened) and the next-region mask {@code Nk}
 * (where the changed content lies in the new image). Masks are grayscale, white = region.
 */
public record EditResult(BufferedImage image, BufferedImage currentMask, BufferedImage nextMask) {

    public EditResult {
        Objects.requireNonNull(image, "image");
    }
}
