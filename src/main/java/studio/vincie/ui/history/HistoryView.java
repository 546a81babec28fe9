package studio.vincie.ui.history;

import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.WeakHashMap;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import studio.vincie.session.Turn;

/**
 * The history panel: the session tree with one row per turn (thumbnail and "k. instruction").
 * Selecting a row shows that turn; the context menu deletes a branch.
 */
public final class HistoryView extends VBox {

    private static final int THUMB = 56;

    private final HistoryViewModel history;
    private final TreeView<Turn> tree = new TreeView<>();
    private final Map<Turn, WritableImage> thumbnails = new WeakHashMap<>();
    private boolean syncing;

    public HistoryView(HistoryViewModel history) {
        this.history = history;
        getStyleClass().add("history-view");
        Label title = new Label("History");
        title.getStyleClass().add("panel-title");
        tree.setId("historyTree");
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new TurnCell());
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(title, tree);

        history.structureVersionProperty().addListener((obs, o, n) -> rebuild());
        history.rootProperty().addListener((obs, o, n) -> rebuild());
        history.selectedProperty().addListener((obs, o, n) -> selectRow(n));
        tree.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (!syncing && n != null) {
                history.select(n.getValue());
            }
        });
        rebuild();
    }

    /** The tree control, for tests. */
    public TreeView<Turn> tree() {
        return tree;
    }

    private void rebuild() {
        syncing = true;
        try {
            Turn root = history.rootProperty().get();
            tree.setRoot(root == null ? null : item(root));
        } finally {
            syncing = false;
        }
        selectRow(history.selectedProperty().get());
    }

    private TreeItem<Turn> item(Turn turn) {
        TreeItem<Turn> item = new TreeItem<>(turn);
        item.setExpanded(true);
        for (Turn child : turn.children()) {
            item.getChildren().add(item(child));
        }
        return item;
    }

    private void selectRow(Turn turn) {
        syncing = true;
        try {
            TreeItem<Turn> found = find(tree.getRoot(), turn);
            if (found == null) {
                tree.getSelectionModel().clearSelection();
            } else {
                tree.getSelectionModel().select(found);
                int row = tree.getRow(found);
                if (row >= 0) {
                    tree.scrollTo(Math.max(0, row - 3));
                }
            }
        } finally {
            syncing = false;
        }
    }

    private static TreeItem<Turn> find(TreeItem<Turn> item, Turn turn) {
        if (item == null || turn == null) {
            return null;
        }
        if (item.getValue() == turn) {
            return item;
        }
        for (TreeItem<Turn> child : item.getChildren()) {
            TreeItem<Turn> hit = find(child, turn);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    private WritableImage thumbnail(Turn turn) {
        return thumbnails.computeIfAbsent(turn, t -> {
            BufferedImage img = t.image();
            double s = (double) THUMB / Math.max(img.getWidth(), img.getHeight());
            int w = Math.max(1, (int) Math.round(img.getWidth() * s));
            int h = Math.max(1, (int) Math.round(img.getHeight() * s));
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            var g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img.getScaledInstance(w, h, Image.SCALE_SMOOTH), 0, 0, null);
            g.dispose();
            return SwingFXUtils.toFXImage(small, null);
        });
    }

    private final class TurnCell extends TreeCell<Turn> {
        private final ImageView thumb = new ImageView();
        private final ContextMenu menu = new ContextMenu();

        TurnCell() {
            getStyleClass().add("turn-cell");
            MenuItem delete = new MenuItem("Delete branch");
            delete.setOnAction(e -> history.deleteBranch(getItem()));
            menu.getItems().add(delete);
            setGraphicTextGap(10);
        }

        @Override
        protected void updateItem(Turn turn, boolean empty) {
            super.updateItem(turn, empty);
            if (empty || turn == null) {
                setText(null);
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            thumb.setImage(thumbnail(turn));
            setGraphic(thumb);
            setText(HistoryViewModel.label(turn));
            setContextMenu(turn.isRoot() ? null : menu);
        }
    }
}
