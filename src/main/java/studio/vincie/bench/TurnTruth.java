package studio.vincie.bench;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Objects;

/**
 * Ground truth of one benchmark turn, in the form the judge needs: the instruction and its edit
 * category, the rendered ground-truth images before and after the turn, the scene after rendered without objects
 * (background, lighting and viewpoint only), the palette as lit in that scene (name to 0xRRGGBB) and
 * the exact edit-region masks (current region in the previous image, next region in this one; null
 * when the edit has no region, e.g. a whole-frame change).
 */
public record TurnTruth(String instruction, String category, BufferedImage before, BufferedImage image,
                        BufferedImage background,
                        Map<String, Integer> palette, BufferedImage currentMask, BufferedImage nextMask) {

    public TurnTruth {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(background, "background");
        palette = Map.copyOf(palette);
        if (palette.isEmpty()) {
            throw new IllegalArgumentException("palette is empty; pass the scene's named colours");
        }
    }
}
