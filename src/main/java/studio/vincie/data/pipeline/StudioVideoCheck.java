package studio.vincie.data.pipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import studio.vincie.data.frames.FrameSelectionConfig;
import studio.vincie.data.frames.FrameSelector;
import studio.vincie.data.frames.Psnr;
import studio.vincie.data.frames.Thumbnail;
import studio.vincie.data.video.StudioSidecar;
import studio.vincie.data.video.StudioTimeline;
import studio.vincie.data.video.VideoReader;
import studio.vincie.data.world.SceneRenderer;

/**
 * Measures a folder of studio videos against their sidecars: PSNR of every decoded frame against the frame
 * rendered from its scene graph, and how many visible events Stage 1 brackets. The figures in
 * docs/data-pipeline.md come from it. Run:
 * {@code java -cp "target/vincie.jar:target/lib/*" studio.vincie.data.pipeline.StudioVideoCheck VIDEOS [out.json]}
 */
public final class StudioVideoCheck {

    /** The measured figures. */
    public record Result(int videos, int frames, double meanPsnr, double worstPsnr, int framesBelow30Db,
                         int visibleEvents, int bracketedEvents) {
    }

    private StudioVideoCheck() {
    }

    public static Result check(List<Path> videos) throws IOException {
        FrameSelector selector = new FrameSelector(FrameSelectionConfig.DEFAULT);
        int frames = 0;
        double sum = 0;
        double worst = Double.MAX_VALUE;
        int below30 = 0;
        int visible = 0;
        int bracketed = 0;
        for (Path mp4 : videos) {
            StudioSidecar sidecar = StudioSidecar.read(StudioSidecar.pathFor(mp4));
            List<BufferedImage> decoded = VideoReader.readAll(mp4, 0);
            List<Thumbnail> thumbs = new ArrayList<>();
            for (int i = 0; i < decoded.size(); i++) {
                BufferedImage d = decoded.get(i);
                thumbs.add(Thumbnail.of(d, FrameSelectionConfig.DEFAULT.analysisSize()));
                if (i < sidecar.frameCount()) {
                    double p = Psnr.of(SceneRenderer.render(sidecar.frames().get(i), d.getWidth(), d.getHeight()), d);
                    sum += p;
                    worst = Math.min(worst, p);
                    below30 += p < 30 ? 1 : 0;
                    frames++;
                }
            }
            List<Integer> kept = selector.select(thumbs).frames();
            StudioTimeline timeline = new StudioTimeline(sidecar, thumbs);
            for (StudioSidecar.EventEntry e : sidecar.events()) {
                if (!timeline.isVisible(e.index())) {
                    continue;
                }
                visible++;
                if (timeline.bracketingPair(kept, e.index()) >= 0) {
                    bracketed++;
                }
            }
        }
        return new Result(videos.size(), frames, frames == 0 ? 0 : sum / frames, worst, below30, visible, bracketed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: StudioVideoCheck VIDEO_FOLDER [out.json]");
            System.exit(2);
        }
        List<Path> videos;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            videos = s.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
        }
        Result r = check(videos);
        System.out.printf("%-28s %s%n", "videos", r.videos());
        System.out.printf("%-28s %s%n", "frames", r.frames());
        System.out.printf("%-28s %.2f dB%n", "mean PSNR (decoded/render)", r.meanPsnr());
        System.out.printf("%-28s %.2f dB%n", "worst-frame PSNR", r.worstPsnr());
        System.out.printf("%-28s %d%n", "frames below 30 dB", r.framesBelow30Db());
        System.out.printf("%-28s %d of %d%n", "visible events bracketed", r.bracketedEvents(), r.visibleEvents());
        if (args.length > 1) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(args[1]).toFile(), r);
        }
    }
}
