package studio.vincie.data.frames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Stage 1: picks the frames of a video that become session images, by hybrid content-based + equal-interval
 * sampling. Frames are compared on small box-filtered luma thumbnails (the largest pixel difference, so a
 * small object changing counts as much as a big one).
 * <ol>
 *   <li><b>Content</b>: a stable stretch is a run of at least {@code minStableFrames} frames whose steps are
 *   all still and which stays close to its first frame (so slow fades end it); everything between stable
 *   stretches is a change. One frame per stable stretch is a candidate, the calmest one (smallest differences
 *   to both neighbours, nearest the middle), so consecutive candidates bracket each change.</li>
 *   <li><b>Time</b>: every {@code interval}-th frame is a candidate too, except inside changes shorter than
 *   {@code maxChangeSpan} (which it would cut in two); it cuts long continuous motion into several turns and
 *   samples videos that never hold still.</li>
 *   <li>A candidate is kept only when it differs from the previously kept frame, so no turn shows
 *   "nothing happened".</li>
 * </ol>
 * {@link #sessions} then cuts the kept frames into sessions of 2-6 frames. Stateless and thread-safe.
 */
public final class FrameSelector {

    private final FrameSelectionConfig config;

    public FrameSelector(FrameSelectionConfig config) {
        this.config = config;
    }

    public FrameSelectionConfig config() {
        return config;
    }

    /** Frames {@code first..last} (inclusive) hold still. */
    public record Stretch(int first, int last) {
        public boolean contains(int frame) {
            return frame >= first && frame <= last;
        }
    }

    /**
     * What {@link #select} found: the kept frame indices (ascending), the stable stretches and the still
     * threshold used for this video.
     */
    public record Selection(List<Integer> frames, List<Stretch> stable, double threshold) {
    }

    /** Selects frames from the thumbnails of all frames of one video, in order. */
    public Selection select(List<Thumbnail> thumbs) {
        int n = thumbs.size();
        if (n == 0) {
            return new Selection(List.of(), List.of(), config.stillThreshold());
        }
        double[] step = new double[n + 1]; // step[i] = difference frame i-1 -> i; step[0], step[n] = 0
        for (int i = 1; i < n; i++) {
            step[i] = thumbs.get(i - 1).maxDifference(thumbs.get(i));
        }
        double threshold = threshold(step, n);
        double drift = threshold * config.driftFactor();
        List<Stretch> stable = new ArrayList<>();
        int s = 0;
        while (s < n) {
            int e = s;
            while (e + 1 < n && step[e + 1] < threshold
                    && thumbs.get(s).maxDifference(thumbs.get(e + 1)) < drift) {
                e++;
            }
            if (e - s + 1 >= config.minStableFrames()) {
                stable.add(new Stretch(s, e));
            }
            s = e + 1;
        }
        List<Integer> candidates = new ArrayList<>();
        for (Stretch st : stable) {
            candidates.add(calmest(st, step));
        }
        for (int g = 0; g < n; g += config.interval()) {
            int change = changeLength(g, stable, n);
            if (change == 0 || change > config.maxChangeSpan()) {
                candidates.add(g);
            }
        }
        candidates = candidates.stream().distinct().sorted().toList();
        List<Integer> kept = new ArrayList<>();
        for (int c : candidates) {
            if (kept.isEmpty() || thumbs.get(kept.get(kept.size() - 1)).maxDifference(thumbs.get(c)) >= drift) {
                kept.add(c);
            }
        }
        return new Selection(List.copyOf(kept), List.copyOf(stable), threshold);
    }

    /** The still threshold, raised for noisy videos to a multiple of the lower quartile of step differences. */
    private double threshold(double[] step, int n) {
        if (n < 3) {
            return config.stillThreshold();
        }
        double[] sorted = Arrays.copyOfRange(step, 1, n);
        Arrays.sort(sorted);
        double noise = sorted[sorted.length / 4];
        return Math.min(config.maxStillThreshold(), Math.max(config.stillThreshold(), config.noiseFactor() * noise));
    }

    /** The frame of a stretch with the smallest differences to both neighbours, nearest the middle on ties. */
    private static int calmest(Stretch st, double[] step) {
        double mid = (st.first() + st.last()) / 2.0;
        int best = st.first();
        double bestScore = Double.MAX_VALUE;
        for (int i = st.first(); i <= st.last(); i++) {
            double inside = (i > st.first() ? step[i] : 0) + (i < st.last() ? step[i + 1] : 0);
            double score = inside * 1000 + Math.abs(i - mid);
            if (score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /** 0 when {@code frame} is in a stable stretch, else the length of the change it lies in (frames). */
    private static int changeLength(int frame, List<Stretch> stable, int n) {
        int before = -1;
        int after = n;
        for (Stretch st : stable) {
            if (st.contains(frame)) {
                return 0;
            }
            if (st.last() < frame) {
                before = st.last();
            } else if (st.first() > frame && after == n) {
                after = st.first();
            }
        }
        return after - before - 1;
    }

    /**
     * Cuts kept frames into sessions of {@code minFrames..maxFrames} frames, lengths drawn from {@code rng}.
     * A session starts at the frame the previous one ended on, so every bracketed change lands in exactly one
     * turn.
     */
    public List<List<Integer>> sessions(List<Integer> frames, Random rng) {
        List<List<Integer>> sessions = new ArrayList<>();
        int i = 0;
        while (frames.size() - i >= config.minFrames()) {
            int len = config.minFrames() + rng.nextInt(config.maxFrames() - config.minFrames() + 1);
            len = Math.min(len, frames.size() - i);
            sessions.add(List.copyOf(frames.subList(i, i + len)));
            i += len - 1;
        }
        return sessions;
    }
}
