package studio.vincie.data.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Region masks and instructions between arbitrary frames of a video script (what the pipeline samples). */
class ScriptRegionsTest {

    private static final int SIZE = 80;

    @Test
    void masksBetweenAnyTwoFramesCoverEveryChangedPixel() {
        int pairs = 0;
        for (long seed = 0; seed < 12; seed++) {
            StudioScript script = StudioScript.generate(seed, 3);
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int trial = 0; trial < 4; trial++) {
                int i = rnd.nextInt(script.frameCount());
                int j = i + rnd.nextInt(script.frameCount() - i);
                List<Event> between = new ArrayList<>();
                for (EventSpan s : script.spans()) {
                    if (s.endFrame() > i && s.startFrame() < j) {
                        between.add(s.event());
                    }
                }
                if (between.isEmpty()) {
                    continue;
                }
                RenderedScene a = SceneRenderer.draw(script.frame(i), SIZE, SIZE);
                RenderedScene b = SceneRenderer.draw(script.frame(j), SIZE, SIZE);
                RegionMasks m = RegionMasks.of(a, b, between);
                byte[] union = RegionMasks.pixels(RegionMasks.union(m.current(), m.next()));
                int[] pa = a.image().getRGB(0, 0, SIZE, SIZE, null, 0, SIZE);
                int[] pb = b.image().getRGB(0, 0, SIZE, SIZE, null, 0, SIZE);
                for (int k = 0; k < pa.length; k++) {
                    if (pa[k] != pb[k]) {
                        assertThat(union[k]).as("seed %d frames %d..%d pixel %d", seed, i, j, k).isNotZero();
                    }
                }
                pairs++;
            }
        }
        assertThat(pairs).isGreaterThan(10);
    }

    @Test
    void sequencesOfEventsAreDescribedInOrder() {
        StudioScript script = StudioScript.generate(4, 3);
        Instruction one = script.instruction(0);
        Instruction two = StudioDescriber.describeSequence(script.spans().subList(0, 2), new SplittableRandom(1));
        assertThat(two.text()).contains(", then ");
        assertThat(two.category()).isEqualTo(one.category());
    }

    @Test
    void objectViewsMatchTheRender() {
        Scene s = new Scene(Background.solid(Backdrop.CREAM, TimeOfDay.DUSK), Camera.DEFAULT,
                List.of(new SceneObject("c", Shape.CIRCLE, NamedColor.GREEN, 0.1, 0.3, 0.6, 0)));
        ObjectView v = ObjectView.of(s, 100, 100).get(0);
        assertThat(v.centerX()).isEqualTo(30.0);
        assertThat(v.centroidX()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(v.centroidY()).isCloseTo(60.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(v.radiusPx()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(v.visibleArea()).isCloseTo(Math.PI * 100, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(v.bounds().width).isBetween(20, 22);
        int p = SceneRenderer.render(s, 100, 100).getRGB(30, 60);
        assertThat(new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff}).isEqualTo(v.displayedRgb());
    }

    @Test
    void eventSpansRoundTripThroughJson() throws Exception {
        StudioScript script = StudioScript.generate(21, 4);
        for (EventSpan span : script.spans()) {
            String json = SceneJson.MAPPER.writeValueAsString(span);
            assertThat(SceneJson.MAPPER.readValue(json, EventSpan.class)).isEqualTo(span);
        }
    }
}
