package studio.vincie.app;

import picocli.CommandLine;
import studio.vincie.cli.VincieCommand;

/**
 * Entry point of {@code target/vincie.jar} and of {@code ./mvnw javafx:run}. Does not extend
 * {@code javafx.application.Application}, so JavaFX can be loaded from the plain classpath.
 * With no arguments (or {@code gui}) the editor starts; otherwise the picocli commands run.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // DJL must never reach for the network: the engine comes from pytorch-native-cpu on the classpath.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (args.length == 0) {
            EditorApp.launchEditor(args);
            return;
        }
        if (args.length == 1 && opensInEditor(args[0])) {
            // `vincie photo.png` / `vincie story.vincie` opens the file, as desktop apps do.
            EditorApp.launchEditor(args);
            return;
        }
        CommandLine cli = new CommandLine(new VincieCommand());
        cli.addSubcommand("gui", new GuiCommand());
        System.exit(cli.execute(args));
    }

    private static boolean opensInEditor(String arg) {
        String name = arg.toLowerCase(java.util.Locale.ROOT);
        boolean looksLikeFile = name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")
                || name.endsWith(".vincie");
        return looksLikeFile && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(arg));
    }
}
