package studio.vincie.data.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void scriptsAreDeterministicBySeed() {
        StudioScript a = StudioScript.generate(42, 5);
        StudioScript b = StudioScript.generate(42, 5);
        StudioScript c = StudioScript.generate(43, 5);
        assertThat(a.frameCount()).isEqualTo(b.frameCount());
        assertThat(a.spans()).isEqualTo(b.spans());
        for (int i = 0; i < a.frameCount(); i++) {
            assertThat(SceneJson.toJson(a.frame(i))).isEqualTo(SceneJson.toJson(b.frame(i)));
        }
        for (int k = 0; k < a.spans().size(); k++) {
            assertThat(a.instruction(k)).isEqualTo(b.instruction(k));
        }
        assertThat(c.start()).isNotEqualTo(a.start());
    }

    @Test
    void scriptFramesFollowTheSpans() {
        StudioScript s = StudioScript.generate(9, 4);
        assertThat(s.spans()).hasSize(4);
        assertThat(s.frame(0)).isEqualTo(s.start());
        int previousEnd = 0;
        for (EventSpan span : s.spans()) {
            assertThat(span.startFrame()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(s.frame(span.startFrame())).isEqualTo(span.before());
            assertThat(s.frame(span.endFrame())).isEqualTo(span.after());
            assertThat(span.event().apply(span.before())).isEqualTo(span.after());
            previousEnd = span.endFrame();
        }
        assertThat(s.frame(s.frameCount() - 1)).isEqualTo(s.spans().get(3).after());
        assertThat(s.frameCount()).isGreaterThan(previousEnd);
    }

    @Test
    void sessionsAreDeterministicBySeed() {
        StudioSession a = StudioSessionGenerator.generate(7, 5, 64);
        StudioSession b = StudioSessionGenerator.generate(7, 5, 64);
        assertThat(pixels(a.startImage())).isEqualTo(pixels(b.startImage()));
        for (int t = 0; t < 5; t++) {
            StudioTurn x = a.turns().get(t);
            StudioTurn y = b.turns().get(t);
            assertThat(x.instruction()).isEqualTo(y.instruction());
            assertThat(x.event()).isEqualTo(y.event());
            assertThat(pixels(x.image())).isEqualTo(pixels(y.image()));
        }
    }

    private static int[] pixels(BufferedImage img) {
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }
}
