package studio.vincie.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --device} option of the commands that run the model ({@code edit}, {@code speed}); mix in
 * with {@code @Mixin}. The value is parsed where the model is loaded, so its error names what is wrong.
 */
public final class DeviceOption {

    @Option(names = "--device", defaultValue = "auto", description = "cpu, gpu or auto (default ${DEFAULT-VALUE}).")
    String device;

    /** The device as given: cpu, gpu or auto. */
    public String device() {
        return device;
    }
}
