package studio.vincie.ui;

import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;

import studio.vincie.model.EditModel;
import studio.vincie.session.ScriptedEditModel;
import studio.vincie.session.SessionController;
import studio.vincie.session.io.Autosave;
import studio.vincie.ui.file.ModelFolderLoader;

/** Editor view-models for tests that need no stage: everything runs inline, on the scripted fake model. */
final class TestEditors {

    private TestEditors() {
    }

    /**
     * An editor on {@code controller} (which should run jobs and events inline) that has no default model;
     * loading any folder gives a fresh {@link ScriptedEditModel}. Errors are collected and dropped.
     */
    static EditorViewModel inline(SessionController controller, Path autosaveDir) {
        ModelFolderLoader none = new ModelFolderLoader() {
            @Override
            public Optional<EditModel> loadDefault() {
                return Optional.empty();
            }

            @Override
            public EditModel load(Path folder) {
                return new ScriptedEditModel();
            }
        };
        return new EditorViewModel(controller, none, new Autosave(autosaveDir), Runnable::run, Runnable::run,
                new RecordingErrors(), new SplittableRandom(3));
    }
}
