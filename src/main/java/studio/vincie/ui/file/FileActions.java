package studio.vincie.ui.file;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The dialogs around {@link FileViewModel}: file choosers (the save chooser asks before replacing an
 * existing file), the Save / Discard / Cancel prompt before unsaved work would be lost, and the
 * recovery question at start. Remembers the last folder used.
 */
public final class FileActions {

    private static final FileChooser.ExtensionFilter IMAGES =
            new FileChooser.ExtensionFilter("Images (PNG, JPEG)", "*.png", "*.jpg", "*.jpeg");
    private static final FileChooser.ExtensionFilter SESSIONS =
            new FileChooser.ExtensionFilter("Vincie sessions", "*.vincie");
    private static final FileChooser.ExtensionFilter PNG = new FileChooser.ExtensionFilter("PNG image", "*.png");
    private static final FileChooser.ExtensionFilter PDF = new FileChooser.ExtensionFilter("PDF document", "*.pdf");

    private final FileViewModel files;
    private final ModelViewModel model;
    private final Supplier<Window> owner;
    private File lastFolder;

    public FileActions(FileViewModel files, ModelViewModel model, Supplier<Window> owner) {
        this.files = files;
        this.model = model;
        this.owner = owner;
    }

    public void newSession() {
        if (confirmLoseChanges()) {
            files.newSession();
            files.clearAutosave();
        }
    }

    /** File > New studio scene: a random scene of the training world, after the unsaved-changes prompt. */
    public void newStudioScene() {
        if (confirmLoseChanges()) {
            files.newStudioScene();
        }
    }

    public void openImage() {
        if (!confirmLoseChanges()) {
            return;
        }
        choose("Open image", IMAGES).ifPresent(files::openImage);
    }

    public void openSession() {
        if (!confirmLoseChanges()) {
            return;
        }
        choose("Open session", SESSIONS).ifPresent(files::openSession);
    }

    /** Opens a dropped or command-line file, asking first when unsaved work would be replaced. */
    public void open(Path file) {
        if (confirmLoseChanges()) {
            files.open(file);
        }
    }

    /** Save (written in the background); without a file yet, Save As. */
    public void save() {
        save(false);
    }

    /** Save As (written in the background), after the file chooser. */
    public void saveAs() {
        saveAs(false);
    }

    /** Saves, waiting for the file when {@code wait}; returns whether it was written (or, unwaited, begun). */
    private boolean save(boolean wait) {
        if (!files.hasSessionProperty().get()) {
            return false;
        }
        if (files.saveTarget() == null) {
            return saveAs(wait);
        }
        if (wait) {
            return files.saveAndWait();
        }
        files.save();
        return true;
    }

    private boolean saveAs(boolean wait) {
        if (!files.hasSessionProperty().get()) {
            return false;
        }
        FileChooser chooser = saveChooser("Save session as", SESSIONS, suggestedName(".vincie"));
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return false;
        }
        lastFolder = file.getParentFile();
        Path target = files.sessionFileFor(file.toPath());
        // The chooser confirmed replacing the name the user typed; if we add ".vincie", ask about that file too.
        if (!target.equals(file.toPath()) && Files.exists(target) && !confirmReplace(target)) {
            return false;
        }
        if (wait) {
            return files.saveAsAndWait(target);
        }
        files.saveAs(target);
        return true;
    }

    private boolean confirmReplace(Path target) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, target + " already exists. Replace it?",
                ButtonType.YES, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle("Replace file");
        alert.setHeaderText("Replace " + target.getFileName() + "?");
        return alert.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.YES;
    }

    public void exportStoryboard() {
        exportStoryboard(false);
    }

    /** Asks where to write the storyboard of the selected branch, as PNG or as PDF. */
    public void exportStoryboard(boolean pdf) {
        if (!files.hasSessionProperty().get()) {
            return;
        }
        File file = saveChooser("Export storyboard", pdf ? PDF : PNG,
                suggestedName(pdf ? "-storyboard.pdf" : "-storyboard.png")).showSaveDialog(owner.get());
        if (file != null) {
            lastFolder = file.getParentFile();
            files.exportStoryboard(file.toPath());
        }
    }

    public void openModelFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open model folder (config.json + weights.safetensors)");
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File folder = chooser.showDialog(owner.get());
        if (folder != null) {
            model.loadFolder(folder.toPath());
        }
    }

    /**
     * Before unsaved work would be lost: Save / Discard / Cancel. Returns true when it is fine to go
     * on (saved, discarded, or nothing to lose).
     */
    public boolean confirmLoseChanges() {
        files.awaitSaves(); // a save in flight may already hold everything
        if (!files.dirtyProperty().get()) {
            return true;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, cancel);
        alert.initOwner(owner.get());
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to this session?");
        alert.setContentText("If you discard them, the edits since the last save are lost.");
        ButtonType answer = alert.showAndWait().orElse(cancel);
        if (answer == save) {
            return save(true); // what follows (close, open) must wait for the file
        }
        if (answer == discard) {
            files.clearAutosave();
            return true;
        }
        return false;
    }

    /** At start: offers to recover a session an earlier run did not save. */
    public void offerRecovery() {
        if (files.recoverable().isEmpty()) {
            return;
        }
        ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", recover, discard);
        alert.initOwner(owner.get());
        alert.setTitle("Recover session");
        alert.setHeaderText("Vincie Studio found unsaved work from an earlier run.");
        alert.setContentText("Recover it? It opens as an unsaved session; use Save As to keep it.");
        if (alert.showAndWait().orElse(discard) == recover) {
            files.recover();
        } else {
            files.clearAutosave();
        }
    }

    private Optional<Path> choose(String title, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File file = chooser.showOpenDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        return Optional.of(file.toPath());
    }

    private FileChooser saveChooser(String title, FileChooser.ExtensionFilter filter, String name) {
        // The platform save dialog asks before replacing an existing file, so nothing is overwritten silently.
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        chooser.setInitialFileName(name);
        Path current = files.currentFileProperty().get();
        File folder = current != null && current.getParent() != null ? current.getParent().toFile() : lastFolder;
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }

    private String suggestedName(String suffix) {
        String title = files.titleProperty().get();
        int end = title.indexOf(" — ");
        String base = (end > 0 ? title.substring(0, end) : "session").replace("*", "").strip();
        return (base.isEmpty() ? "session" : base) + suffix;
    }
}
