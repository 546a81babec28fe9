package studio.vincie.data.frames;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import studio.vincie.data.StudioVideosFixture;
import studio.vincie.data.video.StudioSidecar;
import studio.vincie.data.video.StudioTimeline;
import studio.vincie.data.video.VideoReader;

/** Frame selection on real generated (H.264-decoded) studio videos, judged against the sidecar's events. */
class StudioFrameSelectionTest {

    @Test
    void selectedFramesBracketTheEventsTheVideoShows() throws Exception {
        FrameSelector selector = new FrameSelector(FrameSelectionConfig.DEFAULT);
        int visible = 0;
        int bracketed = 0;
        for (Path mp4 : StudioVideosFixture.videos()) {
            List<Thumbnail> thumbs = new ArrayList<>();
            for (BufferedImage f : VideoReader.readAll(mp4, 0)) {
                thumbs.add(Thumbnail.of(f, FrameSelectionConfig.DEFAULT.analysisSize()));
            }
            List<Integer> kept = selector.select(thumbs).frames();
            StudioTimeline timeline = new StudioTimeline(StudioSidecar.read(StudioSidecar.pathFor(mp4)), thumbs);
            for (StudioSidecar.EventEntry e : timeline.sidecar().events()) {
                if (!timeline.isVisible(e.index())) {
                    continue;
                }
                visible++;
                int i = timeline.bracketingPair(kept, e.index());
                if (i >= 0) {
                    // bracketed: the "before" frame precedes (nearly all of) the event, the "after" frame follows it
                    assertThat(kept.get(i)).isLessThan(e.endFrame());
                    assertThat(kept.get(i + 1)).isGreaterThan(e.startFrame());
                    bracketed++;
                }
            }
        }
        assertThat(visible).isGreaterThanOrEqualTo(20);
        // H.264 at constant quantiser sometimes holds a slow change back for a few frames, which then looks
        // like a pause inside the event; such events are cut, not mislabelled. Measured: 170/178 on 30 videos.
        assertThat((double) bracketed / visible).as("bracketed %d of %d visible events", bracketed, visible)
                .isGreaterThanOrEqualTo(0.9);
    }
}
