package studio.vincie.app;

import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import studio.vincie.model.DitEditModel;

/**
 * {@code vincie gui [--device cpu|gpu|auto] [FILE]}: opens the editor (the default when no command is
 * given). {@code --device} sets the same {@code vincie.device} setting the model loader reads, so it
 * also applies to models opened later from the File menu.
 */
@Command(name = "gui", mixinStandardHelpOptions = true, versionProvider = studio.vincie.cli.VersionCommand.Provider.class,
        description = "Open the editor window (the default when no command is given).")
final class GuiCommand implements Runnable {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "An image or .vincie session to open.")
    String file;

    @Option(names = "--device", paramLabel = "cpu|gpu|auto",
            description = "Where the model runs (default: auto = GPU when DJL finds one, else CPU; "
                    + "also settable with -Dvincie.device).")
    String device;

    @Override
    public void run() {
        if (device != null) {
            String d = device.toLowerCase(Locale.ROOT);
            if (!d.equals("cpu") && !d.equals("gpu") && !d.equals("auto")) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--device must be cpu, gpu or auto, was '" + device + "'");
            }
            System.setProperty(DitEditModel.DEVICE_PROPERTY, d);
        }
        EditorApp.launchEditor(file == null ? new String[0] : new String[] {file});
    }
}
