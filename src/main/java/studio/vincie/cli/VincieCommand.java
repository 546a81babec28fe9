package studio.vincie.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code vincie} command line: {@code java -jar target/vincie.jar <command>}. Without a command
 * the editor starts (see {@code app.Launcher}). Each subcommand lives in its own class in this package.
 */
@Command(name = "vincie",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = {"Vincie Studio: multi-turn in-context image editing.",
                "Without a command, the editor window opens."},
        subcommands = {
                HelpCommand.class,
                VersionCommand.class,
                VideosCommand.class,
                PrepareCommand.class,
                BenchCommand.class,
                SpeedCommand.class,
                EditCommand.class,
                TrainCommand.class,
                TrainCodecCommand.class,
        })
public final class VincieCommand implements Runnable {

    @Override
    public void run() {
        // Only reached when a caller registers no "gui" behaviour; Launcher handles the no-argument case.
        System.out.println("Run with --help to see the commands.");
    }
}
