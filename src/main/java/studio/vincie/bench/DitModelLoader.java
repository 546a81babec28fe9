package studio.vincie.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import studio.vincie.model.DitEditModel;
import studio.vincie.model.EditModel;
import studio.vincie.model.io.ModelFolder;

/**
 * Opens a block-causal DiT model folder ({@code config.json} + {@code weights.safetensors}) as an
 * {@link EditModel} on the given device. Registered for {@link java.util.ServiceLoader}.
 */
public final class DitModelLoader implements EditModelLoader {

    @Override
    public boolean accepts(Path folder) {
        return Files.isRegularFile(folder.resolve(ModelFolder.CONFIG))
                && Files.isRegularFile(folder.resolve(ModelFolder.WEIGHTS));
    }

    @Override
    public EditModel load(Path folder, String device) {
        return DitEditModel.load(folder, DitEditModel.parseDevice(device));
    }
}
