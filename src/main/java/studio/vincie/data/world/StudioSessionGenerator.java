package studio.vincie.data.world;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates ground-truth editing sessions in memory, without video: a start scene, then per turn an
 * event, its instruction, the scene after, the rendered image and the exact region masks. Each turn
 * draws its category uniformly among those possible and not used yet in the session, so a 5-turn
 * session covers 5 categories when it can. Every scene keeps {@link SceneChecks}' guarantees (objects inside the view, mostly visible,
 * contrasting with background and neighbours, no two alike), so a judge can find the objects an
 * instruction refers to. Deterministic by seed.
 */
public final class StudioSessionGenerator {

    private StudioSessionGenerator() {
    }

    /** A session of {@code turns} turns rendered at {@code size} x {@code size}, from all event types. */
    public static StudioSession generate(long seed, int turns, int size) {
        return generate(seed, turns, size, size, List.of(EventType.values()));
    }

    public static StudioSession generate(long seed, int turns, int width, int height, List<EventType> types) {
        if (turns < 1 || turns > 100) {
            throw new IllegalArgumentException("turns must be between 1 and 100, was " + turns);
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("give at least one event type");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        // A separate stream for wording, so phrasing choices never change the scenes.
        SplittableRandom words = rnd.split();
        Scene scene = SceneSampler.startScene(rnd);
        RenderedScene drawn = SceneRenderer.draw(scene, width, height);
        Scene start = scene;
        var startImage = drawn.image();
        Set<EditCategory> used = EnumSet.noneOf(EditCategory.class);
        List<StudioTurn> out = new ArrayList<>();
        for (int t = 1; t <= turns; t++) {
            Event e = EventSampler.nextByCategory(scene, rnd, types, used);
            Scene after = e.apply(scene);
            RenderedScene drawnAfter = SceneRenderer.draw(after, width, height);
            RegionMasks masks = RegionMasks.of(drawn, drawnAfter, e);
            Instruction ins = StudioDescriber.describe(scene, after, e, words);
            out.add(new StudioTurn(t, e, ins, scene, after, drawnAfter.image(), masks.current(), masks.next()));
            used.add(e.type().category());
            scene = after;
            drawn = drawnAfter;
        }
        return new StudioSession(seed, start, startImage, out);
    }
}
