package studio.vincie.data.video;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import studio.vincie.data.world.SceneRenderer;

/**
 * Reads a {@link StudioSidecar} the way Stage 2 and 3 need it: which event a pair of selected frames shows.
 * A pair shows an event when it covers at least {@link #MIN_COVERAGE} of the event's progress; any other
 * event it overlaps must be invisible (its scene before and after render identically, e.g. a circle turning)
 * or barely touched (less than {@link #MAX_STRAY} of its progress). Otherwise the pair shows no single
 * describable event and the pipeline cuts the session there.
 */
public final class StudioTimeline {

    /** Fraction of an event's progress a pair must cover to be described as that event. */
    public static final double MIN_COVERAGE = 0.85;
    /** Progress of another visible event a pair may overlap without being rejected. */
    public static final double MAX_STRAY = 0.1;
    private static final int VISIBILITY_SIZE = 48;

    private final StudioSidecar sidecar;
    private final boolean[] visible;

    public StudioTimeline(StudioSidecar sidecar) {
        this.sidecar = sidecar;
        List<StudioSidecar.EventEntry> events = sidecar.events();
        visible = new boolean[events.size()];
        for (int k = 0; k < events.size(); k++) {
            StudioSidecar.EventEntry e = events.get(k);
            visible[k] = !sameImage(
                    SceneRenderer.render(sidecar.frames().get(e.startFrame()), VISIBILITY_SIZE, VISIBILITY_SIZE),
                    SceneRenderer.render(sidecar.frames().get(Math.min(e.endFrame(), sidecar.frameCount() - 1)),
                            VISIBILITY_SIZE, VISIBILITY_SIZE));
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

    /** Whether event {@code index} changes the picture at all. */
    public boolean isVisible(int index) {
        return visible[index];
    }

    private static double progress(StudioSidecar.EventEntry e, int frame) {
        if (frame <= e.startFrame()) {
            return 0;
        }
        if (frame >= e.endFrame()) {
            return 1;
        }
        return (frame - e.startFrame()) / (double) (e.endFrame() - e.startFrame());
    }

    private static boolean sameImage(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
