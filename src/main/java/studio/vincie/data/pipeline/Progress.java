package studio.vincie.data.pipeline;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar on stderr for long runs (at least {@link #MIN_ITEMS} items); shorter runs and
 * {@code enabled = false} get a silent one, so tests and small batches keep a clean output.
 */
public final class Progress implements AutoCloseable {

    /** Runs with fewer items than this show no bar. */
    public static final int MIN_ITEMS = 20;

    private final ProgressBar bar;

    public Progress(String task, long items, boolean enabled) {
        bar = enabled && items >= MIN_ITEMS
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(items).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().setUpdateIntervalMillis(500)
                .build()
                : null;
    }

    /** One item done (thread-safe). */
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /** Extra text shown after the bar, e.g. "412 sessions". */
    public void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
