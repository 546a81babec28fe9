package studio.vincie.data.world;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.List;

/**
 * The two region masks of an edit, exact from the scene graph (white 255 = region, black 0 = not):
 * <ul>
 *   <li><b>current</b>: where in the frame before the edit the change happens: the visible pixels of
 *   the event's objects before it (for an object that appears, where it will be);</li>
 *   <li><b>next</b>: where the changed content lies after the edit: the visible pixels of the event's
 *   objects after it (for an object that disappears, where it was).</li>
 * </ul>
 * A pixel is in a region when the object's visible coverage there is above zero, anti-aliased edges
 * included, so every pixel that differs between the two renders lies in current or next. Global events
 * (background, time of day, camera) give the whole frame for both.
 */
public record RegionMasks(BufferedImage current, BufferedImage next) {

    /** Masks of {@code event} taking {@code before} to {@code after}, at the given frame size. */
    public static RegionMasks of(Scene before, Scene after, Event event, int width, int height) {
        if (event.global()) {
            return new RegionMasks(full(width, height), full(width, height));
        }
        RenderedScene b = SceneRenderer.draw(before, width, height);
        RenderedScene a = SceneRenderer.draw(after, width, height);
        return of(b, a, event);
    }

    /** Masks from already rendered before/after frames (avoids rendering twice). */
    public static RegionMasks of(RenderedScene before, RenderedScene after, Event event) {
        return of(before, after, List.of(event));
    }

    /**
     * Masks of several events between two frames (for frames that bracket more than one event, or
     * frames taken part-way through an event): the union over the events' objects; the whole frame
     * when any of them is global.
     */
    public static RegionMasks of(RenderedScene before, RenderedScene after, List<? extends Event> events) {
        int w = before.width();
        int h = before.height();
        if (events.isEmpty()) {
            throw new IllegalArgumentException("give at least one event to draw region masks for");
        }
        if (events.stream().anyMatch(Event::global)) {
            return new RegionMasks(full(w, h), full(w, h));
        }
        BufferedImage current = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] cur = pixels(current);
        byte[] nxt = pixels(next);
        List<String> ids = events.stream().flatMap(e -> e.subjects().stream()).distinct().toList();
        for (String id : ids) {
            boolean inBefore = before.ids().contains(id);
            boolean inAfter = after.ids().contains(id);
            if (!inBefore && !inAfter) {
                continue; // appeared and disappeared again between the two frames
            }
            paint(cur, inBefore ? before.visible(id) : after.visible(id));
            paint(nxt, inAfter ? after.visible(id) : before.visible(id));
        }
        return new RegionMasks(current, next);
    }

    /** Number of white pixels in a mask. */
    public static int area(BufferedImage mask) {
        int n = 0;
        for (byte v : pixels(mask)) {
            if (v != 0) {
                n++;
            }
        }
        return n;
    }

    /** Union of two masks of the same size, as a new mask. */
    public static BufferedImage union(BufferedImage a, BufferedImage b) {
        BufferedImage u = new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pa = pixels(a);
        byte[] pb = pixels(b);
        byte[] pu = pixels(u);
        for (int k = 0; k < pu.length; k++) {
            pu[k] = (pa[k] != 0 || pb[k] != 0) ? (byte) 255 : 0;
        }
        return u;
    }

    private static void paint(byte[] mask, float[] coverage) {
        for (int k = 0; k < mask.length; k++) {
            if (coverage[k] > 0) {
                mask[k] = (byte) 255;
            }
        }
    }

    private static BufferedImage full(int w, int h) {
        BufferedImage m = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Arrays.fill(pixels(m), (byte) 255);
        return m;
    }

    static byte[] pixels(BufferedImage gray) {
        if (gray.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("expected a TYPE_BYTE_GRAY mask, got image type " + gray.getType());
        }
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }
}
