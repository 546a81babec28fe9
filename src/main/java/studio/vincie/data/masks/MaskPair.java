package studio.vincie.data.masks;

import java.awt.image.BufferedImage;

/**
 * The current-region mask (where in the "before" frame the edit happens) and the next-region mask (where in
 * the "after" frame the changed content lies), both {@code TYPE_BYTE_GRAY}, 255 = region.
 */
public record MaskPair(BufferedImage current, BufferedImage next) {
}
