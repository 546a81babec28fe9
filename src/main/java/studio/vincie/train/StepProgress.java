package studio.vincie.train;

import java.time.temporal.ChronoUnit;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The training progress bar on stderr: steps done of the sitting's last step, steps/s and ETA (from
 * the bar), and the latest loss, validation loss and learning rate as its extra message.
 */
final class StepProgress implements AutoCloseable {

    private final ProgressBar bar;
    private final String valLabel;

    StepProgress(boolean enabled, int start, int end) {
        this(enabled, "train", "val", start, end);
    }

    /** A bar named {@code task} whose message shows the validation figure as {@code valLabel}. */
    StepProgress(boolean enabled, String task, String valLabel, int start, int end) {
        this.valLabel = valLabel;
        bar = enabled ? new ProgressBarBuilder().setTaskName(task).setInitialMax(end)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setUnit(" steps", 1).setUpdateIntervalMillis(1000)
                .startsFrom(start, java.time.Duration.ZERO).build() : null;
    }

    boolean visible() {
        return bar != null;
    }

    void step(int step, float loss, float val, float lr) {
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(String.format("loss %.4f %s %s lr %.1e", loss, valLabel, value(val), lr));
        }
    }

    /** A loss for the status line: "-" before the first validation of the sitting (NaN). */
    static String value(float loss) {
        return Float.isNaN(loss) ? "-" : String.format("%.4f", loss);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
