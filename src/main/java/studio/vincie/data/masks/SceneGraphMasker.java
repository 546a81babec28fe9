package studio.vincie.data.masks;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import studio.vincie.data.describe.FramePair;
import studio.vincie.data.video.StudioSidecar;
import studio.vincie.data.video.StudioTimeline;
import studio.vincie.data.world.RegionMasks;
import studio.vincie.data.world.Scene;

/**
 * Exact region masks for studio videos: the objects' visible regions are rendered from the scene graphs of
 * the two frames ({@link RegionMasks}), at any size, for the event the pair shows plus any other event the
 * pair overlaps (an invisible or barely started one still moves a few pixels). Global events (background,
 * time of day, camera) mark the whole frame. An optional margin of a pixel or two absorbs what H.264 does
 * to the decoded images (4:2:0 chroma bleeds colour edges by a pixel); margin 0 gives the pure scene-graph
 * regions.
 */
public final class SceneGraphMasker implements RegionMasker {

    private final StudioTimeline timeline;
    private final int margin;

    /** @param margin dilation in pixels applied to both masks (0 = exact scene-graph regions) */
    public SceneGraphMasker(StudioTimeline timeline, int margin) {
        if (margin < 0 || margin > 16) {
            throw new IllegalArgumentException("mask margin must be 0..16 pixels, was " + margin);
        }
        this.timeline = timeline;
        this.margin = margin;
    }

    @Override
    public MaskPair masks(FramePair pair, int size) {
        if (timeline.soleEvent(pair.fromIndex(), pair.toIndex()) == null) {
            return null;
        }
        StudioSidecar sidecar = timeline.sidecar();
        Scene a = sidecar.frames().get(pair.fromIndex());
        Scene b = sidecar.frames().get(pair.toIndex());
        BufferedImage current = null;
        BufferedImage next = null;
        for (StudioSidecar.EventEntry e : timeline.overlapping(pair.fromIndex(), pair.toIndex())) {
            RegionMasks m = RegionMasks.of(a, b, e.event(), size, size);
            current = current == null ? m.current() : RegionMasks.union(current, m.current());
            next = next == null ? m.next() : RegionMasks.union(next, m.next());
        }
        return new MaskPair(dilate(current, size), dilate(next, size));
    }

    private BufferedImage dilate(BufferedImage mask, int size) {
        if (margin == 0) {
            return mask;
        }
        byte[] px = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        boolean[] m = new boolean[px.length];
        for (int k = 0; k < px.length; k++) {
            m[k] = px[k] != 0;
        }
        boolean[] d = Morphology.dilate(m, size, size, margin);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        byte[] o = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int k = 0; k < d.length; k++) {
            o[k] = d[k] ? (byte) 255 : 0;
        }
        return out;
    }
}
