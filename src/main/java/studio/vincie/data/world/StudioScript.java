package studio.vincie.data.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A studio "video" as a timeline of scene graphs: a random start scene, then events separated by idle
 * gaps, each event unfolding over several frames. {@link #frame(int)} gives the scene graph of any
 * frame and {@link #spans()} where each event starts and ends. Everything follows from the seed: the
 * same seed and options always give the same frames, events and instructions.
 */
public final class StudioScript {

    /**
     * Timeline options: number of events, frames per event (inclusive range) and idle frames before,
     * between and after events (inclusive range), and the event types to draw from.
     */
    public record Options(int events, int minEventFrames, int maxEventFrames, int minIdleFrames,
                          int maxIdleFrames, List<EventType> types) {
        public static final Options DEFAULT = new Options(4, 10, 16, 4, 10, List.of(EventType.values()));

        public Options {
            types = List.copyOf(types);
            if (events < 1 || events > 1000) {
                throw new IllegalArgumentException("events must be between 1 and 1000, was " + events);
            }
            if (minEventFrames < 1 || maxEventFrames < minEventFrames) {
                throw new IllegalArgumentException("event frames need 1 <= min <= max, was " + minEventFrames + ".." + maxEventFrames);
            }
            if (minIdleFrames < 0 || maxIdleFrames < minIdleFrames) {
                throw new IllegalArgumentException("idle frames need 0 <= min <= max, was " + minIdleFrames + ".." + maxIdleFrames);
            }
            if (types.isEmpty()) {
                throw new IllegalArgumentException("give at least one event type");
            }
        }

        public Options withEvents(int n) {
            return new Options(n, minEventFrames, maxEventFrames, minIdleFrames, maxIdleFrames, types);
        }
    }

    private final long seed;
    private final Scene start;
    private final List<EventSpan> spans;
    private final int frameCount;

    private StudioScript(long seed, Scene start, List<EventSpan> spans, int frameCount) {
        this.seed = seed;
        this.start = start;
        this.spans = List.copyOf(spans);
        this.frameCount = frameCount;
    }

    /** A script of {@code events} events with default timing. */
    public static StudioScript generate(long seed, int events) {
        return generate(seed, Options.DEFAULT.withEvents(events));
    }

    public static StudioScript generate(long seed, Options opt) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Scene scene = SceneSampler.startScene(rnd);
        Scene start = scene;
        List<EventSpan> spans = new ArrayList<>();
        int frame = idle(rnd, opt);
        EventType previous = null;
        for (int i = 0; i < opt.events(); i++) {
            // Avoid the same category twice in a row when there is a choice: more varied videos.
            Event e = EventSampler.nextByCategory(scene, rnd, opt.types(),
                    previous == null ? java.util.Set.of() : java.util.Set.of(previous.category()));
            int length = opt.minEventFrames() + rnd.nextInt(opt.maxEventFrames() - opt.minEventFrames() + 1);
            Scene after = e.apply(scene);
            spans.add(new EventSpan(e, scene, after, frame, frame + length));
            frame += length + idle(rnd, opt);
            scene = after;
            previous = e.type();
        }
        return new StudioScript(seed, start, spans, frame + 1);
    }

    private static int idle(SplittableRandom rnd, Options opt) {
        return opt.minIdleFrames() + rnd.nextInt(opt.maxIdleFrames() - opt.minIdleFrames() + 1);
    }

    public long seed() {
        return seed;
    }

    /** The scene of frame 0. */
    public Scene start() {
        return start;
    }

    /** The events in time order. */
    public List<EventSpan> spans() {
        return spans;
    }

    public int frameCount() {
        return frameCount;
    }

    /** The scene graph shown at frame {@code i} (0-based). */
    public Scene frame(int i) {
        if (i < 0 || i >= frameCount) {
            throw new IndexOutOfBoundsException("frame " + i + " is outside 0.." + (frameCount - 1));
        }
        Scene s = start;
        for (EventSpan span : spans) {
            if (i >= span.endFrame()) {
                s = span.after();
            } else if (i > span.startFrame()) {
                return span.event().sceneAt(span.before(), span.fractionAt(i));
            } else {
                return span.before();
            }
        }
        return s;
    }

    /** An instruction for event {@code k}, reproducible from the script's seed. */
    public Instruction instruction(int k) {
        EventSpan span = spans.get(k);
        return StudioDescriber.describe(span.before(), span.after(), span.event(),
                new SplittableRandom(seed * 1_000_003L + k));
    }
}
