package studio.vincie.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --threads} and {@code --no-progress} options of the batch commands that fan work out over
 * a thread pool ({@code videos}, {@code prepare}); mix in with {@code @Mixin}.
 */
public final class WorkerOptions {

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: number of cores).")
    int threads;

    @Option(names = "--no-progress", description = "Do not show a progress bar.")
    boolean noProgress;

    /** The worker count: {@code --threads} when positive, else the number of cores. */
    public int workers() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Whether to draw a progress bar. */
    public boolean progress() {
        return !noProgress;
    }
}
