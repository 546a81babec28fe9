package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import studio.vincie.model.EditModel;
import studio.vincie.session.ScriptedEditModel;
import studio.vincie.session.SessionController;
import studio.vincie.ui.edit.EditViewModel;
import studio.vincie.ui.file.ModelFolderLoader;
import studio.vincie.ui.file.ModelViewModel;

class ModelViewModelTest {

    private final SessionController controller = new SessionController(Runnable::run, Runnable::run);
    private final RecordingErrors errors = new RecordingErrors();

    private ModelViewModel vm(Optional<EditModel> byDefault, EditModel fromFolder) {
        return new ModelViewModel(controller, new ModelFolderLoader() {
            @Override
            public Optional<EditModel> loadDefault() {
                return byDefault;
            }

            @Override
            public EditModel load(Path folder) throws Exception {
                if (fromFolder == null) {
                    throw new java.io.IOException(folder + " has no config.json");
                }
                return fromFolder;
            }
        }, Runnable::run, Runnable::run, errors);
    }

    @Test
    void withoutAModelTheStatusSaysHowToGetOne() {
        ModelViewModel model = vm(Optional.empty(), null);
        model.loadDefault();
        assertThat(model.statusProperty().get()).isEqualTo(EditViewModel.NO_MODEL);
        assertThat(errors.messages).isEmpty();
        assertThat(controller.model()).isNull();
    }

    @Test
    void theDefaultModelIsShownWithNameAndDomain() {
        ModelViewModel model = vm(Optional.of(new ScriptedEditModel()), null);
        model.loadDefault();
        assertThat(controller.model()).isNotNull();
        assertThat(model.statusProperty().get()).isEqualTo("Model: Scripted fake · tests");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void aBadFolderIsReportedAndTheStatusIsRestored() {
        ModelViewModel model = vm(Optional.empty(), null);
        model.loadFolder(Path.of("nowhere"));
        assertThat(errors.messages).singleElement().asString().contains("no config.json");
        assertThat(model.statusProperty().get()).isEqualTo(EditViewModel.NO_MODEL);
    }

    @Test
    void aFolderModelReplacesTheCurrentOne() {
        ModelViewModel model = vm(Optional.empty(), new ScriptedEditModel());
        model.loadFolder(Path.of("models/x"));
        assertThat(model.statusProperty().get()).startsWith("Model: Scripted fake");
    }
}
