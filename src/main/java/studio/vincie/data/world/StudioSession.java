package studio.vincie.data.world;

import java.awt.image.BufferedImage;
import java.util.List;

/** A ground-truth multi-turn editing session: the start scene and image, then one turn per edit. */
public record StudioSession(long seed, Scene start, BufferedImage startImage, List<StudioTurn> turns) {
    public StudioSession {
        turns = List.copyOf(turns);
    }

    /** The image the given turn (1-based) edits: the start image or the previous turn's image. */
    public BufferedImage imageBefore(int turnNumber) {
        return turnNumber <= 1 ? startImage : turns.get(turnNumber - 2).image();
    }
}
