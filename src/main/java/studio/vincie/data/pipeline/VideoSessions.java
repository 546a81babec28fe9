package studio.vincie.data.pipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.data.describe.CaptionsDescriber;
import studio.vincie.data.describe.DescribeException;
import studio.vincie.data.describe.FramePair;
import studio.vincie.data.describe.SceneGraphDescriber;
import studio.vincie.data.describe.Transition;
import studio.vincie.data.describe.TransitionDescriber;
import studio.vincie.data.describe.VisionLanguageDescriber;
import studio.vincie.data.frames.FrameFit;
import studio.vincie.data.frames.FrameSelector;
import studio.vincie.data.frames.Thumbnail;
import studio.vincie.data.masks.DifferenceMasker;
import studio.vincie.data.masks.MaskPair;
import studio.vincie.data.masks.RegionMasker;
import studio.vincie.data.masks.SceneGraphMasker;
import studio.vincie.data.video.StudioSidecar;
import studio.vincie.data.video.StudioTimeline;
import studio.vincie.data.video.VideoException;
import studio.vincie.data.video.VideoReader;

/**
 * Cuts one video into training-session drafts, running the three stages: decode and select frames (Stage 1),
 * describe each consecutive pair (Stage 2: studio sidecar, else captions sidecar, else the VLM), and mark the
 * regions (Stage 3: exact from the studio sidecar, else frame differencing). A pair no describer can name
 * (nothing, several or half an event) cuts the session there; the pieces with at least one turn are kept.
 */
final class VideoSessions {

    private static final Logger LOG = LoggerFactory.getLogger(VideoSessions.class);
    /** Pixels added around exact studio regions for H.264 chroma bleed (see RegionMaskRecallTest). */
    static final int STUDIO_MASK_MARGIN = 1;

    /** One session before its id and split are assigned. */
    record Draft(List<Integer> frameIndices, List<BufferedImage> images, List<String> instructions,
                 List<BufferedImage> currentMasks, List<BufferedImage> nextMasks, List<String> categories) {
    }

    /** Drafts of one video plus how many pairs went undescribed. */
    record Result(List<Draft> drafts, int undescribedPairs, String describer) {
    }

    private final PrepareOptions options;
    private final FrameSelector selector;
    private final VisionLanguageDescriber vlm;

    VideoSessions(PrepareOptions options, VisionLanguageDescriber vlm) {
        this.options = options;
        this.selector = new FrameSelector(options.selection());
        this.vlm = vlm;
    }

    /**
     * Processes one video.
     *
     * @throws VideoException    when the video cannot be decoded
     * @throws DescribeException when no describer applies or the describer failed
     */
    Result process(Path video, long videoSeed) throws VideoException, DescribeException {
        Path sidecar = StudioSidecar.pathFor(video);
        Path captions = CaptionsDescriber.sidecar(video);
        if (!Files.isRegularFile(sidecar) && captions == null && vlm == null) {
            // Checked before decoding: no point reading a video nobody can describe.
            throw new DescribeException("no way to describe its changes: no studio sidecar " + sidecar.getFileName()
                    + ", no captions sidecar (" + CaptionsDescriber.baseName(video) + ".captions.json/.txt)"
                    + " and no vision-language endpoint (--vlm-url)");
        }
        List<BufferedImage> frames = new ArrayList<>();
        double fps;
        try (VideoReader reader = new VideoReader(video, options.imageSize())) {
            fps = reader.fps();
            for (BufferedImage f = reader.next(); f != null; f = reader.next()) {
                frames.add(FrameFit.centerSquare(f, options.imageSize()));
                if (frames.size() >= options.maxVideoFrames()) {
                    LOG.warn("{}: using only the first {} frames", video.getFileName(), options.maxVideoFrames());
                    break;
                }
            }
        }
        if (frames.size() < 2) {
            throw new VideoException(video + " has fewer than two decodable frames");
        }
        List<Thumbnail> thumbs = new ArrayList<>(frames.size());
        for (BufferedImage f : frames) {
            thumbs.add(Thumbnail.of(f, options.selection().analysisSize()));
        }
        TransitionDescriber describer;
        RegionMasker masker;
        if (Files.isRegularFile(sidecar)) {
            StudioTimeline timeline;
            try {
                timeline = new StudioTimeline(StudioSidecar.read(sidecar), thumbs);
            } catch (IOException e) {
                throw new DescribeException(e.getMessage(), e);
            }
            describer = new SceneGraphDescriber(timeline, videoSeed);
            masker = new SceneGraphMasker(timeline, STUDIO_MASK_MARGIN);
        } else if (captions != null) {
            describer = CaptionsDescriber.load(captions);
            masker = new DifferenceMasker(options.masks());
        } else {
            describer = vlm;
            masker = new DifferenceMasker(options.masks());
        }

        List<Integer> kept = selector.select(thumbs).frames();
        List<List<Integer>> sessions = selector.sessions(kept, new Random(videoSeed));

        List<Draft> drafts = new ArrayList<>();
        int undescribed = 0;
        for (List<Integer> session : sessions) {
            Builder current = null;
            for (int t = 0; t + 1 < session.size(); t++) {
                int a = session.get(t);
                int b = session.get(t + 1);
                FramePair pair = new FramePair(a, b, fps, frames.get(a), frames.get(b));
                Transition tr = describer.describe(pair);
                if (tr == null) {
                    undescribed++;
                    current = flush(current, drafts);
                    continue;
                }
                MaskPair masks = masker.masks(pair, options.imageSize());
                if (current == null) {
                    current = new Builder(a, frames.get(a));
                }
                current.add(b, frames.get(b), tr, masks);
            }
            flush(current, drafts);
        }
        return new Result(drafts, undescribed, describer.name());
    }

    private static Builder flush(Builder b, List<Draft> drafts) {
        if (b != null && !b.instructions.isEmpty()) {
            drafts.add(b.build());
        }
        return null;
    }

    /** Accumulates the turns of one draft. */
    private static final class Builder {
        final List<Integer> indices = new ArrayList<>();
        final List<BufferedImage> images = new ArrayList<>();
        final List<String> instructions = new ArrayList<>();
        final List<BufferedImage> current = new ArrayList<>();
        final List<BufferedImage> next = new ArrayList<>();
        final List<String> categories = new ArrayList<>();

        Builder(int index, BufferedImage image) {
            indices.add(index);
            images.add(image);
        }

        void add(int index, BufferedImage image, Transition tr, MaskPair masks) {
            indices.add(index);
            images.add(image);
            instructions.add(tr.instruction());
            categories.add(tr.category());
            current.add(masks == null ? null : masks.current());
            next.add(masks == null ? null : masks.next());
        }

        Draft build() {
            return new Draft(indices, images, instructions, current, next, categories);
        }
    }
}
