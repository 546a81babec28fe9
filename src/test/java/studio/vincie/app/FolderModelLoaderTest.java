package studio.vincie.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.session.ScriptedEditModel;

class FolderModelLoaderTest {

    @TempDir
    Path dir;

    @Test
    void noDefaultFolderMeansNoModel() throws IOException {
        FolderModelLoader loader = new FolderModelLoader(f -> new ScriptedEditModel(), List.of(dir.resolve("missing")));
        assertThat(loader.loadDefault()).isEmpty();
    }

    @Test
    void theFirstCandidateWithAConfigIsLoaded() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("a"));
        Path model = Files.createDirectories(dir.resolve("b"));
        Files.writeString(model.resolve("config.json"), "{}");
        Path[] loaded = new Path[1];
        FolderModelLoader loader = new FolderModelLoader(f -> {
            loaded[0] = f;
            return new ScriptedEditModel();
        }, List.of(empty, model));
        assertThat(loader.loadDefault()).isPresent();
        assertThat(loaded[0]).isEqualTo(model);
    }

    @Test
    void aFolderWithoutConfigIsRejectedWithAHint() throws IOException {
        FolderModelLoader loader = new FolderModelLoader(f -> new ScriptedEditModel(), List.of());
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("no config.json");
        assertThatThrownBy(() -> loader.load(dir.resolve("nope"))).hasMessageContaining("is not a folder");
    }

    @Test
    void withoutAnEngineTheMessageSaysWhatStillWorks() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{}");
        FolderModelLoader loader = new FolderModelLoader(null, List.of());
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("cannot run models");
    }
}
