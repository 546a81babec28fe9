package studio.vincie.model;

/** Receives sampling progress: {@code done} of {@code total} denoising steps finished. */
@FunctionalInterface
public interface EditProgress {

    EditProgress NONE = (done, total) -> { };

    void step(int done, int total);
}
