package studio.vincie.bench;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import studio.vincie.data.world.NamedColor;
import studio.vincie.data.world.Scene;
import studio.vincie.data.world.SceneRenderer;

/**
 * Builds the judge's {@link TurnTruth} from a studio-world scene graph: the background is the same
 * scene rendered without its objects (sky, ground, time of day and camera unchanged), and the palette
 * is every named colour as the scene's light shows it ({@link SceneRenderer#displayedColor}).
 */
public final class StudioTruth {

    private StudioTruth() {
    }

    /**
     * @param before      ground-truth image before the turn
     * @param after       ground-truth scene after the turn
     * @param image       its rendering (the ground-truth image of the turn)
     * @param currentMask edit region in the previous image (null when the whole frame changes)
     * @param nextMask    edit region in this image (null when the whole frame changes)
     */
    public static TurnTruth of(String instruction, String category, BufferedImage before, Scene after, BufferedImage image,
                               BufferedImage currentMask, BufferedImage nextMask) {
        BufferedImage background = SceneRenderer.render(after.withObjects(List.of()), image.getWidth(), image.getHeight());
        return new TurnTruth(instruction, category, before, image, background, palette(after), currentMask, nextMask);
    }

    /** Colour word to the RGB (0xRRGGBB) an object of that colour shows under the scene's light. */
    public static Map<String, Integer> palette(Scene scene) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (NamedColor c : NamedColor.values()) {
            int[] rgb = SceneRenderer.displayedColor(scene, c);
            out.put(c.word(), (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
        }
        return out;
    }
}
