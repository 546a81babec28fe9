package studio.vincie.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vincie gui [SESSION_OR_IMAGE]}: opens the editor (the default when no command is given). */
@Command(name = "gui", description = "Open the editor window (the default when no command is given).")
final class GuiCommand implements Runnable {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "An image or .vincie session to open.")
    String file;

    @Override
    public void run() {
        EditorApp.launchEditor(file == null ? new String[0] : new String[] {file});
    }
}
