package studio.vincie.model.pack;

import java.util.List;

import studio.vincie.model.nn.Segment;
import studio.vincie.model.nn.TokenBatch;

/**
 * A packed training batch: B sessions, each row its clean segments followed by noisy copies of its
 * targets (design.md 3.5), plus what each copy must predict.
 *
 * @param tokens    the token rows
 * @param cleanRows the clean segments of each row, in order (for the packed = unpacked check)
 * @param copies    every noisy copy with its place and flow-matching target
 */
public record PackedBatch(TokenBatch tokens, List<List<Segment>> cleanRows, List<NoisyCopy> copies) {

    /** Which loss a copy feeds: NIP images, CSP current masks, NSP next masks. */
    public enum Task { NIP, CSP, NSP }

    /**
     * One noisy copy: row, first position in the row, the noisy segment (values {@code x_t}), its
     * timestep, and the velocity target {@code v = eps - x0} (tokens x P).
     */
    public record NoisyCopy(int row, int start, Segment noisy, float t, float[] target, Task task) {
    }

    public long count(Task task) {
        return copies.stream().filter(c -> c.task() == task).count();
    }
}
