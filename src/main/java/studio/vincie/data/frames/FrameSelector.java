package studio.vincie.data.frames;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stage 1: picks the frames of a video that become session images, by hybrid equal-interval + content-based
 * sampling. Content: consecutive frames are compared on small luma thumbnails; a step where enough pixels
 * changed is a change, runs of changes are events and the frames between them stable stretches. One frame
 * from the middle of each stable stretch is a candidate, so consecutive candidates bracket exactly one event.
 * Time: a grid of every {@code interval}-th frame adds candidates, except inside short change runs (which
 * would split one event in two); grid frames catch slow drifts that no single step reveals and cut long
 * continuous motion into several turns. Finally a candidate is kept only if it differs from the previously
 * kept frame, so no turn shows "nothing happened". {@link #sessions} cuts the kept frames into sessions of
 * 2-6 frames.
 * Thread-safe (stateless apart from its configuration).
 */
public final class FrameSelector {

    private final FrameSelectionConfig config;

    public FrameSelector(FrameSelectionConfig config) {
        this.config = config;
    }

    public FrameSelectionConfig config() {
        return config;
    }

    /** A run of consecutive changed steps: frames {@code first-1 -> last} differ; stable before and after. */
    public record ChangeRun(int first, int last) {
        /** Number of changed steps in the run. */
        public int length() {
            return last - first + 1;
        }
    }

    /** What {@link #select} found: the kept frame indices (ascending) and the change runs. */
    public record Selection(List<Integer> frames, List<ChangeRun> changes) {
    }

    /** True when two thumbnails differ enough to count as a change. */
    public boolean differs(Thumbnail a, Thumbnail b) {
        return a.changedFraction(b, config.pixelThreshold()) >= config.minChangedFraction();
    }

    /** Selects frames from the thumbnails of all frames of one video, in order. */
    public Selection select(List<Thumbnail> thumbs) {
        int n = thumbs.size();
        if (n == 0) {
            return new Selection(List.of(), List.of());
        }
        // step[i] (i >= 1): frame i differs from frame i-1.
        boolean[] step = new boolean[n];
        for (int i = 1; i < n; i++) {
            step[i] = differs(thumbs.get(i - 1), thumbs.get(i));
        }
        List<ChangeRun> runs = new ArrayList<>();
        // runOf[i] = index of the change run frame i lies strictly inside or ends, -1 if in a stable stretch.
        int[] runOf = new int[n];
        java.util.Arrays.fill(runOf, -1);
        for (int i = 1; i < n; i++) {
            if (step[i]) {
                int j = i;
                while (j + 1 < n && step[j + 1]) {
                    j++;
                }
                runs.add(new ChangeRun(i, j));
                for (int k = i; k < j; k++) {
                    runOf[k] = runs.size() - 1; // frames i..j-1 are mid-motion; frame j is the first settled one
                }
                i = j;
            }
        }
        List<Integer> candidates = new ArrayList<>();
        // Content-based: the middle of each stable stretch (maximal run of frames with runOf == -1).
        for (int i = 0; i < n; ) {
            if (runOf[i] >= 0) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < n && runOf[j + 1] < 0 && !step[j + 1]) {
                j++;
            }
            candidates.add((i + j) / 2);
            i = j + 1;
        }
        // Time-based: the equal-interval grid, skipping frames inside short events.
        for (int g = 0; g < n; g += config.interval()) {
            int r = runOf[g];
            if (r < 0 || runs.get(r).length() > config.maxChangeSpan()) {
                candidates.add(g);
            }
        }
        candidates = candidates.stream().distinct().sorted().toList();
        List<Integer> kept = new ArrayList<>();
        for (int c : candidates) {
            if (kept.isEmpty() || differs(thumbs.get(kept.get(kept.size() - 1)), thumbs.get(c))) {
                kept.add(c);
            }
        }
        return new Selection(List.copyOf(kept), List.copyOf(runs));
    }

    /**
     * Cuts kept frames into sessions of {@code minFrames..maxFrames} frames, lengths drawn from {@code rng}.
     * A session starts at the frame the previous one ended on, so every bracketed event lands in exactly one
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
