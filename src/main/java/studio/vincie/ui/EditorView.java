package studio.vincie.ui;

import java.io.File;
import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import studio.vincie.ui.canvas.CanvasView;
import studio.vincie.ui.edit.EditPanel;
import studio.vincie.ui.file.FileActions;
import studio.vincie.ui.history.HistoryView;
import studio.vincie.ui.mask.MaskToolbar;
import studio.vincie.ui.mask.MaskViewModel;

/**
 * The editor window's content: menus on top, mask tools and canvas in the centre, the history tree on
 * the right, the instruction and settings below, and a status bar (model, saving, image size, zoom). Files
 * dropped on the window open; {@code [} and {@code ]} change the brush size, B and E pick the tool.
 */
public final class EditorView extends BorderPane {

    public static final String STYLESHEET = EditorView.class.getResource("editor.css").toExternalForm();

    private final EditorViewModel vm;
    private final FileActions actions;
    private final CanvasView canvasView;
    private final HistoryView historyView;
    private final EditPanel editPanel;

    public EditorView(EditorViewModel vm, Runnable quit) {
        this.vm = vm;
        getStyleClass().add("editor");
        getStylesheets().add(STYLESHEET);
        actions = new FileActions(vm.files(), vm.model(), () -> getScene() == null ? null : getScene().getWindow());

        canvasView = new CanvasView(vm.canvas(), vm.mask());
        canvasView.setId("canvas");
        VBox centre = new VBox(new MaskToolbar(vm.mask(), vm.canvas()), canvasView);
        VBox.setVgrow(canvasView, Priority.ALWAYS);
        historyView = new HistoryView(vm.history());
        historyView.setMinWidth(220);
        SplitPane split = new SplitPane(centre, historyView);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(historyView, false);

        editPanel = new EditPanel(vm.edit());
        VBox bottom = new VBox(editPanel, statusBar());

        setTop(new EditorMenuBar(vm, actions, quit));
        setCenter(split);
        setBottom(bottom);

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && droppable(e.getDragboard().getFiles()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            File file = e.getDragboard().hasFiles() ? droppable(e.getDragboard().getFiles()) : null;
            e.setDropCompleted(file != null);
            e.consume();
            if (file != null) {
                actions.open(file.toPath());
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public FileActions actions() {
        return actions;
    }

    public CanvasView canvasView() {
        return canvasView;
    }

    public HistoryView historyView() {
        return historyView;
    }

    /** Called when the window closes with nothing unsaved: the autosave is stale then. */
    public void clearAutosave() {
        vm.files().clearAutosave();
    }

    public void focusInstruction() {
        editPanel.focusInstruction();
    }

    /** The first file of a drop that the editor can open, or null. */
    File droppable(List<File> dropped) {
        return dropped.stream().filter(f -> f.isFile() && vm.files().canOpen(f.toPath())).findFirst().orElse(null);
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.getTarget() instanceof TextInputControl) {
            return;
        }
        MaskViewModel mask = vm.mask();
        if (e.getCode() == KeyCode.OPEN_BRACKET) {
            mask.shrinkBrush();
        } else if (e.getCode() == KeyCode.CLOSE_BRACKET) {
            mask.growBrush();
        } else if (e.getCode() == KeyCode.B) {
            mask.toolProperty().set(MaskViewModel.Tool.BRUSH);
        } else if (e.getCode() == KeyCode.E) {
            mask.toolProperty().set(MaskViewModel.Tool.ERASER);
        } else {
            return;
        }
        e.consume();
    }

    private HBox statusBar() {
        Label model = new Label();
        model.setId("modelStatus");
        model.textProperty().bind(vm.model().statusProperty());
        Label size = new Label();
        size.setId("imageSize");
        size.textProperty().bind(vm.imageSizeProperty());
        Label zoom = new Label();
        zoom.textProperty().bind(vm.canvas().zoomLabelProperty().concat(" zoom"));
        zoom.visibleProperty().bind(vm.canvas().imageProperty().isNotNull());
        Label saving = new Label("Saving…");
        saving.setId("savingStatus");
        saving.visibleProperty().bind(vm.files().savingProperty());
        saving.managedProperty().bind(saving.visibleProperty());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, model, saving, spacer, size, new Separator(Orientation.VERTICAL), zoom);
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
