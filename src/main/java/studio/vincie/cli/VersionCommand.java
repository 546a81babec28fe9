package studio.vincie.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code vincie version}: prints the application, Java and DJL versions. */
@Command(name = "version", description = "Print the versions of Vincie Studio, Java and DJL.")
public final class VersionCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (String line : new Provider().getVersion()) {
            System.out.println(line);
        }
        return 0;
    }

    /** Shared by {@code --version} and {@code version}. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String app = VincieCommand.class.getPackage().getImplementationVersion();
            String djl = ai.djl.engine.Engine.class.getPackage().getImplementationVersion();
            return new String[] {
                    "Vincie Studio " + (app == null ? "(development build)" : app),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                    "DJL " + (djl == null ? "0.36.0" : djl),
            };
        }
    }
}
