package studio.vincie.ui;

import java.util.ArrayList;
import java.util.List;

/** Collects what view-models report, for assertions. */
public final class RecordingErrors implements ErrorReporter {

    public final List<String> titles = new ArrayList<>();
    public final List<String> messages = new ArrayList<>();

    @Override
    public void report(String title, String message) {
        titles.add(title);
        messages.add(message);
    }
}
