package studio.vincie.data.frames;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FrameSelectorTest {

    private final FrameSelector selector = new FrameSelector(FrameSelectionConfig.DEFAULT);

    /** A 64 px frame: grey background, a square at x with the given colour, and a background tint. */
    private static BufferedImage frame(int x, Color c, int tint) {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(100 + tint, 100 + tint, 110));
        g.fillRect(0, 0, 64, 64);
        g.setColor(c);
        g.fillRect(x, 20, 12, 12);
        g.dispose();
        return img;
    }

    private static List<Thumbnail> thumbs(List<BufferedImage> frames) {
        List<Thumbnail> t = new ArrayList<>();
        for (BufferedImage f : frames) {
            t.add(Thumbnail.of(f, FrameSelectionConfig.DEFAULT.analysisSize()));
        }
        return t;
    }

    /** Checks that consecutive kept frames bracket each change [start, end] exactly once and nothing else. */
    private static void assertBrackets(List<Integer> kept, int[][] changes) {
        assertThat(kept).hasSize(changes.length + 1);
        for (int i = 0; i < changes.length; i++) {
            assertThat(kept.get(i)).as("frame before change %d", i).isLessThanOrEqualTo(changes[i][0]);
            assertThat(kept.get(i + 1)).as("frame after change %d", i).isGreaterThanOrEqualTo(changes[i][1]);
            if (i + 1 < changes.length) {
                assertThat(kept.get(i + 1)).as("frame before change %d", i + 1).isLessThanOrEqualTo(changes[i + 1][0]);
            }
        }
    }

    @Test
    void bracketsGradualInstantAndSlowChanges() {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            frames.add(frame(5, Color.RED, 0)); // 0..7 still
        }
        for (int i = 1; i <= 6; i++) {
            frames.add(frame(5 + 5 * i, Color.RED, 0)); // 8..13 move right
        }
        for (int i = 0; i < 7; i++) {
            frames.add(frame(35, Color.RED, 0)); // 14..20 still
        }
        for (int i = 0; i < 6; i++) {
            frames.add(frame(35, Color.BLUE, 0)); // 21: instant recolour, 21..26 still
        }
        for (int i = 1; i <= 10; i++) {
            frames.add(frame(35, Color.BLUE, 2 * i)); // 27..36 slow tint, 2 levels a frame (below the step threshold)
        }
        for (int i = 0; i < 8; i++) {
            frames.add(frame(35, Color.BLUE, 20)); // 37..44 still
        }
        FrameSelector.Selection sel = selector.select(thumbs(frames));
        assertBrackets(sel.frames(), new int[][] {{7, 13}, {20, 21}, {26, 36}});
    }

    @Test
    void staticVideoGivesOneFrameAndNoSession() {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            frames.add(frame(10, Color.GREEN, 0));
        }
        List<Integer> kept = selector.select(thumbs(frames)).frames();
        assertThat(kept).hasSize(1);
        assertThat(selector.sessions(kept, new Random(1))).isEmpty();
    }

    @Test
    void continuousMotionIsSampledOnTheGrid() {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frames.add(frame(i % 50, Color.ORANGE, 0)); // never still
        }
        List<Integer> kept = selector.select(thumbs(frames)).frames();
        assertThat(kept).containsExactly(0, 24, 48, 72, 96);
    }

    @Test
    void sessionsHoldTwoToSixFramesAndShareBoundaries() {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            kept.add(i * 10);
        }
        List<List<Integer>> sessions = selector.sessions(kept, new Random(7));
        assertThat(sessions).isNotEmpty();
        for (int s = 0; s < sessions.size(); s++) {
            assertThat(sessions.get(s).size()).isBetween(2, 6);
            if (s > 0) {
                List<Integer> prev = sessions.get(s - 1);
                assertThat(sessions.get(s).get(0)).isEqualTo(prev.get(prev.size() - 1));
            }
        }
        assertThat(selector.sessions(kept, new Random(7))).isEqualTo(sessions);
    }
}
