package studio.vincie.data.world;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Shared test fixtures: one valid (scene, event) example per event type, found from fixed seeds. */
final class WorldFixtures {

    record Example(Scene before, Event event, Scene after) {
    }

    private static Map<EventType, Example> examples;

    private WorldFixtures() {
    }

    static synchronized Map<EventType, Example> oneExamplePerType() {
        if (examples == null) {
            Map<EventType, Example> m = new EnumMap<>(EventType.class);
            for (long seed = 1; seed < 300 && m.size() < EventType.values().length; seed++) {
                SplittableRandom rnd = new SplittableRandom(seed);
                Scene s = SceneSampler.startScene(rnd);
                for (EventType t : EventType.values()) {
                    if (!m.containsKey(t)) {
                        Optional<Event> e = EventSampler.next(s, rnd, t);
                        e.ifPresent(ev -> m.put(t, new Example(s, ev, ev.apply(s))));
                    }
                }
            }
            examples = m;
        }
        return examples;
    }

    /** Max absolute channel difference of two RGB pixels. */
    static int diff(int p, int q) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
        }
        return d;
    }
}
