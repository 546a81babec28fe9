package studio.vincie.data.describe;

/**
 * Stage 2: turns a pair of selected frames into the instruction that would edit the first into the second.
 * Implementations: {@link StudioDescriber} (exact, from the studio world's scene-graph sidecar),
 * {@link VisionLanguageDescriber} (an OpenAI-compatible vision-language endpoint) and
 * {@link CaptionsDescriber} (a captions sidecar file beside the video). A describer is made for one video.
 */
public interface TransitionDescriber {

    /**
     * Describes the change between two frames of the video.
     *
     * @return the instruction and its category, or null when nothing describable changed (the pipeline then
     *         cuts the session at this pair)
     * @throws DescribeException when the describer failed (endpoint down, malformed answer, bad sidecar)
     */
    Transition describe(FramePair pair) throws DescribeException;

    /** Short name for logs and the manifest's {@code createdBy}, e.g. "studio", "vlm", "captions". */
    String name();
}
