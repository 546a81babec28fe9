package studio.vincie.bench.speed;

import java.util.List;

/**
 * Measured figures of one speed run; {@link SpeedBenchmark#toJson} writes them with exactly the keys
 * issue 3 lists.
 *
 * @param turns          one row per turn k = 1..n
 * @param steps          Euler steps per edit
 * @param guidance       guidance scale (two batched branches when != 1)
 * @param matmulGflops   a large float32 matrix product on the same engine, same run
 * @param achievedGflops model FLOPs of all cached edits / their time
 * @param peakRssMb      peak resident set size (VmHWM) after the cached edits, before the baseline
 * @param peakRssAllMb   peak resident set size at the end, including the uncached baseline (printed)
 * @param config         preset name (printed, not in the JSON)
 * @param device         device the model ran on (printed)
 * @param parameters     parameter count (printed)
 * @param loadAverage    1-minute load average at the start (printed: other processes share the cores)
 * @param threads        PyTorch intra-op threads (printed)
 */
public record SpeedResult(List<Turn> turns, int steps, float guidance, double matmulGflops, double achievedGflops,
                          double peakRssMb, double peakRssAllMb, String config, String device, long parameters, double loadAverage,
                          int threads) {

    /** One turn: context tokens the image target attends, cached and uncached wall time, cached time per step. */
    public record Turn(int turn, int contextTokens, double cachedMs, double uncachedMs, double msPerStep) {
    }
}
