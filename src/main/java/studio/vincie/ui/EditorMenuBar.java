package studio.vincie.ui;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

import studio.vincie.ui.file.FileActions;

/** File, Edit and View menus with their shortcuts. */
final class EditorMenuBar extends MenuBar {

    EditorMenuBar(EditorViewModel vm, FileActions actions, Runnable quit) {
        var files = vm.files();
        var history = vm.history();
        var edit = vm.edit();

        MenuItem newItem = item("New", "Shortcut+N", actions::newSession);
        MenuItem studioScene = item("New studio scene", "Shortcut+Shift+N", actions::newStudioScene);
        studioScene.setDisable(!files.hasStudioScenes());
        MenuItem openImage = item("Open image…", "Shortcut+O", actions::openImage);
        MenuItem openSession = item("Open session…", "Shortcut+Shift+O", actions::openSession);
        MenuItem save = item("Save session", "Shortcut+S", actions::save);
        MenuItem saveAs = item("Save session as…", "Shortcut+Shift+S", actions::saveAs);
        MenuItem export = item("Export storyboard (PNG)…", "Shortcut+E", actions::exportStoryboard);
        MenuItem exportPdf = item("Export storyboard (PDF)…", "Shortcut+Shift+E", () -> actions.exportStoryboard(true));
        MenuItem openModel = item("Open model folder…", null, actions::openModelFolder);
        MenuItem quitItem = item("Quit", "Shortcut+Q", quit);
        save.disableProperty().bind(files.hasSessionProperty().not());
        saveAs.disableProperty().bind(files.hasSessionProperty().not());
        export.disableProperty().bind(files.hasSessionProperty().not());
        exportPdf.disableProperty().bind(files.hasSessionProperty().not());
        openModel.disableProperty().bind(vm.model().loadingProperty().or(edit.busyProperty()));
        Menu file = new Menu("File", null, newItem, studioScene, openImage, openSession, new SeparatorMenuItem(), save, saveAs,
                export, exportPdf, new SeparatorMenuItem(), openModel, new SeparatorMenuItem(), quitItem);

        MenuItem undo = item("Undo", "Shortcut+Z", history::undo);
        undo.textProperty().bind(history.undoLabelProperty());
        undo.disableProperty().bind(history.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", history::redo);
        redo.textProperty().bind(history.redoLabelProperty());
        redo.disableProperty().bind(history.canRedoProperty().not());
        MenuItem deleteBranch = item("Delete branch", null,
                () -> history.deleteBranch(history.selectedProperty().get()));
        deleteBranch.disableProperty().bind(history.selectedProperty().isNull().or(edit.busyProperty()));
        MenuItem run = item("Run edit", null, edit::edit);
        run.disableProperty().bind(edit.canEditBinding().not());
        MenuItem cancel = item("Cancel edit", "Esc", edit::cancel);
        cancel.disableProperty().bind(edit.busyProperty().not());
        MenuItem clearMask = item("Clear mask", null, vm.mask()::clear);
        MenuItem invertMask = item("Invert mask", "Shortcut+I", vm.mask()::invert);
        CheckMenuItem regions = new CheckMenuItem("Predict edit regions first");
        regions.selectedProperty().bindBidirectional(vm.model().regionPredictionProperty());
        regions.disableProperty().bind(vm.model().regionPredictionSupportedProperty().not());
        Menu editMenu = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), run, cancel, regions,
                new SeparatorMenuItem(), clearMask, invertMask, new SeparatorMenuItem(), deleteBranch);

        MenuItem fit = item("Fit to window", "Shortcut+0", vm.canvas()::fit);
        MenuItem actual = item("Actual size (100%)", "Shortcut+1", vm.canvas()::actualSize);
        MenuItem zoomIn = item("Zoom in", "Shortcut+Plus", vm.canvas()::zoomIn);
        MenuItem zoomOut = item("Zoom out", "Shortcut+Minus", vm.canvas()::zoomOut);
        CheckMenuItem predicted = new CheckMenuItem("Show predicted masks");
        predicted.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        predicted.selectedProperty().bindBidirectional(vm.mask().showPredictedProperty());
        Menu view = new Menu("View", null, fit, actual, zoomIn, zoomOut, new SeparatorMenuItem(), predicted);

        getMenus().addAll(file, editMenu, view);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
