package studio.vincie.data.pipeline;

import java.util.List;
import java.util.Map;

/**
 * What a {@code prepare} run did: videos found, read and skipped (with the reason for each), sessions and
 * turns written, turns per category and sessions per split, pairs no describer could name, and wall time.
 */
public record PrepareReport(int videosFound, int videosUsed, List<String> skipped, int sessions, int turns,
                            int undescribedPairs, Map<String, Integer> categories, Map<String, Integer> splits,
                            double seconds) {

    /** Sessions written per second of wall time. */
    public double sessionsPerSecond() {
        return seconds > 0 ? sessions / seconds : 0;
    }
}
