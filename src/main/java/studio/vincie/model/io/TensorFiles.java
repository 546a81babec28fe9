package studio.vincie.model.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * NDArray maps to and from safetensors files, shared by the model and codec folders. Reading checks
 * every name and shape against what the description expects before creating a single array, and
 * fails as a whole with a {@link ModelLoadException} naming the tensor.
 */
final class TensorFiles {

    private TensorFiles() {
    }

    /** Writes the arrays in map order (atomically, see {@link SafeTensors#write}). */
    static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata) throws IOException {
        Map<String, SafeTensors.HostTensor> host = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            host.put(e.getKey(), new SafeTensors.HostTensor(e.getValue().getShape().getShape(),
                    e.getValue().toFloatArray()));
        }
        SafeTensors.write(file, host, metadata);
    }

    /**
     * Reads {@code file} into arrays on {@code manager}, in the order of {@code expected}.
     *
     * @param against what describes the expected tensors, for the messages (e.g. "config.json (width 256,
     *                depth 6)")
     * @throws ModelLoadException for an unreadable file, a missing, misshapen or unexpected tensor
     */
    static Map<String, NDArray> read(Path file, Map<String, Shape> expected, String against, NDManager manager) {
        Map<String, SafeTensors.HostTensor> host;
        try {
            host = SafeTensors.read(file);
        } catch (IOException e) {
            throw new ModelLoadException(file + ": " + e.getMessage(), e);
        }
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            SafeTensors.HostTensor t = host.get(e.getKey());
            if (t == null) {
                throw new ModelLoadException(file + " has no tensor '" + e.getKey() + "' (expected shape "
                        + e.getValue() + "); it does not match " + against);
            }
            Shape actual = new Shape(t.shape());
            if (!actual.equals(e.getValue())) {
                throw new ModelLoadException("tensor '" + e.getKey() + "' in " + file + " has shape " + actual + " but "
                        + against + " needs " + e.getValue() + "; the files do not belong together");
            }
        }
        for (String name : host.keySet()) {
            if (!expected.containsKey(name)) {
                throw new ModelLoadException(file + " has an unexpected tensor '" + name + "' that " + against
                        + " does not describe");
            }
        }
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (String name : expected.keySet()) {
            SafeTensors.HostTensor t = host.get(name);
            NDArray a = manager.create(t.data(), new Shape(t.shape()));
            a.setName(name);
            arrays.put(name, a);
        }
        return arrays;
    }
}
