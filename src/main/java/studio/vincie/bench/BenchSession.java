package studio.vincie.bench;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/** One held-out benchmark session: an id, the source image {@code I0} and the ground truth of every turn. */
public record BenchSession(String id, BufferedImage source, List<TurnTruth> turns) {

    public BenchSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        turns = List.copyOf(turns);
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("session " + id + " has no turns");
        }
    }
}
