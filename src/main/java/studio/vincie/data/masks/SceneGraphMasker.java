package studio.vincie.data.masks;

import studio.vincie.data.describe.FramePair;
import studio.vincie.data.video.StudioSidecar;
import studio.vincie.data.video.StudioTimeline;
import studio.vincie.data.world.RegionMasks;

/**
 * Exact region masks for studio videos: the event a frame pair shows is looked up in the sidecar and its
 * objects' visible regions are rendered from the scene graphs of the two frames ({@link RegionMasks}), at any
 * size. Global events (background, time of day, camera) mark the whole frame.
 */
public final class SceneGraphMasker implements RegionMasker {

    private final StudioTimeline timeline;

    public SceneGraphMasker(StudioTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public MaskPair masks(FramePair pair, int size) {
        StudioSidecar.EventEntry event = timeline.soleEvent(pair.fromIndex(), pair.toIndex());
        if (event == null) {
            return null;
        }
        StudioSidecar sidecar = timeline.sidecar();
        RegionMasks m = RegionMasks.of(sidecar.frames().get(pair.fromIndex()), sidecar.frames().get(pair.toIndex()),
                event.event(), size, size);
        return new MaskPair(m.current(), m.next());
    }
}
