package studio.vincie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.model.DitEditModel;
import studio.vincie.model.TinyFixtures;
import studio.vincie.model.io.ModelFolder;
import studio.vincie.model.nn.DitWeights;
import studio.vincie.session.SessionController;
import studio.vincie.ui.RecordingErrors;
import studio.vincie.ui.file.ModelViewModel;

/** The status bar shows the domain line of a real model folder's MODEL_CARD.md, written in plain or markdown style. */
class ModelCardDomainTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void engine() {
        TinyFixtures.prepareEngine();
    }

    @Test
    void theStatusBarShowsTheModelCardsDomain() throws Exception {
        List<String> cards = List.of("Domain: studio world", "- **Domain:** studio world", "**Domain**: studio world");
        for (int i = 0; i < cards.size(); i++) {
            Path folder = dir.resolve("model-" + i);
            try (NDManager m = NDManager.newBaseManager()) {
                ModelFolder.save(folder, DitWeights.init(m, TinyFixtures.config(), 3, false), TinyFixtures.tokenizer());
            }
            Files.writeString(folder.resolve(ModelFolder.CARD), "# Vincie default model\n\n" + cards.get(i) + "\n\nTrained on ...\n");
            SessionController controller = new SessionController(Runnable::run, Runnable::run);
            ModelViewModel vm = new ModelViewModel(controller,
                    EditorApp.adapt(new FolderModelLoader(DitEditModel::load, List.of())),
                    Runnable::run, Runnable::run, new RecordingErrors());
            vm.loadFolder(folder);
            assertThat(vm.statusProperty().get()).as(cards.get(i)).isEqualTo("Model: model-" + i + " · studio world");
            assertThat(vm.regionPredictionSupportedProperty().get()).isTrue();
            controller.model().close();
        }
    }
}
