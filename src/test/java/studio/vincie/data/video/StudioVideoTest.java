package studio.vincie.data.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import studio.vincie.data.StudioVideosFixture;
import studio.vincie.data.frames.Psnr;
import studio.vincie.data.world.SceneRenderer;
import studio.vincie.data.world.StudioScript;

class StudioVideoTest {

    @Test
    void decodedStudioVideoMatchesRenderedFrames() throws Exception {
        Path mp4 = StudioVideosFixture.videos().get(0);
        StudioSidecar sidecar = StudioSidecar.read(StudioSidecar.pathFor(mp4));
        List<BufferedImage> decoded = VideoReader.readAll(mp4, 0);
        assertThat(decoded).hasSize(sidecar.frameCount());
        double worst = Double.MAX_VALUE;
        for (int i = 0; i < decoded.size(); i++) {
            BufferedImage rendered = SceneRenderer.render(sidecar.frames().get(i), 128, 128);
            worst = Math.min(worst, Psnr.of(rendered, decoded.get(i)));
        }
        assertThat(worst).as("worst-frame PSNR of the decoded studio video (dB)").isGreaterThanOrEqualTo(30.0);
    }

    @Test
    void sidecarHoldsEveryFrameAndTheEventIntervals() throws Exception {
        Path mp4 = StudioVideosFixture.videos().get(1);
        StudioSidecar sidecar = StudioSidecar.read(StudioSidecar.pathFor(mp4));
        StudioScript script = StudioScript.generate(
                StudioVideoGenerator.videoSeed(StudioVideosFixture.SEED, 1), 6);
        assertThat(sidecar.frameCount()).isEqualTo(script.frameCount());
        assertThat(sidecar.events()).hasSize(6);
        for (int k = 0; k < 6; k++) {
            StudioSidecar.EventEntry e = sidecar.events().get(k);
            assertThat(e.startFrame()).isEqualTo(script.spans().get(k).startFrame());
            assertThat(e.endFrame()).isEqualTo(script.spans().get(k).endFrame());
            assertThat(e.event()).isEqualTo(script.spans().get(k).event());
            assertThat(e.instruction()).isNotBlank();
        }
        for (int i = 0; i < sidecar.frameCount(); i += 7) {
            assertThat(sidecar.frames().get(i)).isEqualTo(script.frame(i));
        }
    }

    @Test
    void sameSeedGivesTheSameVideo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        StudioVideoGenerator gen = new StudioVideoGenerator(new StudioVideoGenerator.Options(128, 12, 6));
        Path again = gen.generate(dir, StudioVideosFixture.SEED, 2);
        Path first = StudioVideosFixture.videos().get(2);
        assertThat(Files.readAllBytes(StudioSidecar.pathFor(again)))
                .isEqualTo(Files.readAllBytes(StudioSidecar.pathFor(first)));
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(first));
    }
}
