package studio.vincie.data.describe;

import java.util.SplittableRandom;

import studio.vincie.data.video.StudioSidecar;
import studio.vincie.data.video.StudioTimeline;
import studio.vincie.data.world.Event;
import studio.vincie.data.world.Instruction;
import studio.vincie.data.world.Scene;
import studio.vincie.data.world.StudioDescriber;

/**
 * Describes studio-video frame pairs exactly, from the scene-graph sidecar: finds the one event the pair
 * shows ({@link StudioTimeline#soleEvent}) and phrases it with the studio world's instruction generator
 * ({@link StudioDescriber}), which picks one of several phrasings and object references. The phrasing is
 * drawn from a random stream seeded by the dataset seed, the video and the frame pair, so a dataset is
 * reproducible and different seeds give different wordings.
 */
public final class SceneGraphDescriber implements TransitionDescriber {

    private final StudioTimeline timeline;
    private final long seed;

    /** @param seed dataset seed mixed with the video name by the caller */
    public SceneGraphDescriber(StudioTimeline timeline, long seed) {
        this.timeline = timeline;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "studio";
    }

    @Override
    public Transition describe(FramePair pair) throws DescribeException {
        StudioSidecar sidecar = timeline.sidecar();
        if (pair.toIndex() >= sidecar.frameCount()) {
            throw new DescribeException("frame " + pair.toIndex() + " is beyond the sidecar's " + sidecar.frameCount()
                    + " frames; the video and its .json sidecar do not match");
        }
        StudioSidecar.EventEntry entry = timeline.soleEvent(pair.fromIndex(), pair.toIndex());
        if (entry == null) {
            return null;
        }
        Event event = entry.event();
        Scene before = sidecar.frames().get(entry.startFrame());
        Scene after = sidecar.frames().get(Math.min(entry.endFrame(), sidecar.frameCount() - 1));
        SplittableRandom rnd = new SplittableRandom(seed * 31 + pair.fromIndex() * 1_000_003L + pair.toIndex());
        try {
            Instruction ins = StudioDescriber.describe(before, after, event, rnd);
            return new Transition(ins.text(), ins.category().label());
        } catch (RuntimeException e) {
            throw new DescribeException("cannot phrase event " + entry.index() + " (" + entry.type() + "): "
                    + e.getMessage(), e);
        }
    }

    /** The event the pair shows (null if none), for the exact region masks. */
    public StudioSidecar.EventEntry event(FramePair pair) {
        return timeline.soleEvent(pair.fromIndex(), pair.toIndex());
    }
}
