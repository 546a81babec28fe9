package studio.vincie.data.video;

import java.util.ArrayList;
import java.util.List;

import studio.vincie.data.frames.Thumbnail;
import studio.vincie.data.world.Event;
import studio.vincie.data.world.SceneRenderer;

/**
 * Reads a {@link StudioSidecar} the way Stage 2 and 3 need it: which event a pair of selected frames shows.
 * A pair shows an event when it covers at least {@link #MIN_COVERAGE} of the event's progress; any other
 * event it overlaps must be invisible (its scene before and after look the same on a 32 px thumbnail, e.g. a circle turning)
 * or barely touched (less than {@link #MAX_STRAY} of its progress). Otherwise the pair shows no single
 * describable event and the pipeline cuts the session there.
 */
public final class StudioTimeline {

    /** Fraction of an event's progress a pair must cover to be described as that event. */
    public static final double MIN_COVERAGE = 0.85;
    /** Progress of another visible event a pair may overlap without being rejected. */
    public static final double MAX_STRAY = 0.1;
    /** Events whose before and after thumbnails differ less than this (0..255 luma) count as invisible. */
    public static final double MIN_VISIBLE_DIFFERENCE = 2.0;
    private static final int VISIBILITY_SIZE = 128;
    private static final int THUMBNAIL = 32;

    private final StudioSidecar sidecar;
    private final boolean[] visible;

    /** Judges visibility on frames rendered from the sidecar's scene graphs. */
    public StudioTimeline(StudioSidecar sidecar) {
        this(sidecar, null);
    }

    /**
     * Judges visibility on the decoded video's thumbnails when given (what the video really shows: an encoder
     * may blur away a tiny change), else on frames rendered from the scene graphs.
     *
     * @param decoded one thumbnail per decoded frame (any analysis size), or null
     */
    public StudioTimeline(StudioSidecar sidecar, List<Thumbnail> decoded) {
        this.sidecar = sidecar;
        List<StudioSidecar.EventEntry> events = sidecar.events();
        visible = new boolean[events.size()];
        for (int k = 0; k < events.size(); k++) {
            StudioSidecar.EventEntry e = events.get(k);
            // Judged like frame selection sees it: a square turned by 90 degrees or a hidden object's change
            // alters a few anti-aliased pixels at most, and no frame pair can show it.
            int end = Math.min(e.endFrame(), sidecar.frameCount() - 1);
            Thumbnail before;
            Thumbnail after;
            if (decoded != null && end < decoded.size()) {
                before = decoded.get(e.startFrame());
                after = decoded.get(end);
            } else {
                before = Thumbnail.of(SceneRenderer.render(sidecar.frames().get(e.startFrame()),
                        VISIBILITY_SIZE, VISIBILITY_SIZE), THUMBNAIL);
                after = Thumbnail.of(SceneRenderer.render(sidecar.frames().get(end), VISIBILITY_SIZE, VISIBILITY_SIZE),
                        THUMBNAIL);
            }
            visible[k] = before.maxDifference(after) >= MIN_VISIBLE_DIFFERENCE;
        }
    }

    public StudioSidecar sidecar() {
        return sidecar;
    }

    /** The single visible event frames {@code a -> b} show, or null (none, several, or only part of one). */
    public StudioSidecar.EventEntry soleEvent(int a, int b) {
        StudioSidecar.EventEntry found = null;
        for (int k = 0; k < sidecar.events().size(); k++) {
            StudioSidecar.EventEntry e = sidecar.events().get(k);
            double coverage = progress(e, b) - progress(e, a);
            if (coverage <= 0 || !visible[k]) {
                continue;
            }
            if (coverage >= MIN_COVERAGE && found == null) {
                found = e;
            } else if (coverage > MAX_STRAY) {
                return null;
            }
        }
        return found;
    }

    /**
     * The first {@code i} such that the consecutive selected frames {@code kept[i] -> kept[i+1]} show event
     * {@code index} alone ({@link #soleEvent}), or -1: whether a frame selection brackets that event.
     */
    public int bracketingPair(List<Integer> kept, int index) {
        for (int i = 0; i + 1 < kept.size(); i++) {
            StudioSidecar.EventEntry shown = soleEvent(kept.get(i), kept.get(i + 1));
            if (shown != null && shown.index() == index) {
                return i;
            }
        }
        return -1;
    }

    /** Visible events overlapping {@code a -> b} (for diagnostics and tests). */
    public List<StudioSidecar.EventEntry> visibleEvents(int a, int b) {
        List<StudioSidecar.EventEntry> out = new ArrayList<>();
        for (int k = 0; k < sidecar.events().size(); k++) {
            StudioSidecar.EventEntry e = sidecar.events().get(k);
            if (visible[k] && progress(e, b) - progress(e, a) > 0) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every event (visible or not) whose progress differs between frames {@code a} and {@code b}. */
    public List<StudioSidecar.EventEntry> overlapping(int a, int b) {
        List<StudioSidecar.EventEntry> out = new ArrayList<>();
        for (StudioSidecar.EventEntry e : sidecar.events()) {
            if (progressAt(e, b) != progressAt(e, a)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Whether event {@code index} changes the picture at all. */
    public boolean isVisible(int index) {
        return visible[index];
    }

    private static double progressAt(StudioSidecar.EventEntry e, int frame) {
        // Raw interpolation fraction (no bring-to-front step): any change of it may move pixels.
        return frame <= e.startFrame() ? 0 : frame >= e.endFrame() ? 1
                : (frame - e.startFrame()) / (double) (e.endFrame() - e.startFrame());
    }

    private static double progress(StudioSidecar.EventEntry e, int frame) {
        if (frame <= e.startFrame()) {
            return 0;
        }
        if (frame >= e.endFrame()) {
            return 1;
        }
        double f = (frame - e.startFrame()) / (double) (e.endFrame() - e.startFrame());
        // Bring-to-front switches the drawing order at once, half-way through (Event.BringToFront).
        return e.event() instanceof Event.BringToFront ? (f >= 0.5 ? 1 : 0) : f;
    }
}
