package studio.vincie.ui.mask;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import studio.vincie.ui.canvas.CanvasViewModel;

/** Mask tools above the canvas: brush / eraser, size, clear, invert, predicted-mask toggle, zoom buttons. */
public final class MaskToolbar extends ToolBar {

    public MaskToolbar(MaskViewModel mask, CanvasViewModel canvas) {
        getStyleClass().add("mask-toolbar");
        ToggleGroup tools = new ToggleGroup();
        ToggleButton brush = new ToggleButton("✎ Brush");
        brush.setId("brushTool");
        brush.setTooltip(new Tooltip("Paint where the edit may happen (B)"));
        ToggleButton eraser = new ToggleButton("⌫ Eraser");
        eraser.setId("eraserTool");
        eraser.setTooltip(new Tooltip("Erase the mask (E)"));
        brush.setToggleGroup(tools);
        eraser.setToggleGroup(tools);
        brush.setSelected(mask.toolProperty().get() == MaskViewModel.Tool.BRUSH);
        eraser.setSelected(!brush.isSelected());
        tools.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true); // one tool is always active
            } else {
                mask.toolProperty().set(n == brush ? MaskViewModel.Tool.BRUSH : MaskViewModel.Tool.ERASER);
            }
        });
        mask.toolProperty().addListener((obs, o, n) -> (n == MaskViewModel.Tool.BRUSH ? brush : eraser).setSelected(true));

        Slider size = new Slider(MaskViewModel.MIN_BRUSH, 128, mask.brushSizeProperty().get());
        size.setId("brushSize");
        size.setPrefWidth(140);
        size.setTooltip(new Tooltip("Brush size ([ and ])"));
        size.valueProperty().addListener((obs, o, n) -> mask.brushSizeProperty().set((int) Math.round(n.doubleValue())));
        mask.brushSizeProperty().addListener((obs, o, n) -> size.setValue(n.doubleValue()));
        Label sizeLabel = new Label();
        sizeLabel.setMinWidth(48);
        sizeLabel.textProperty().bind(mask.brushSizeProperty().asString("%d px"));

        Button clear = new Button("Clear");
        clear.setId("clearMask");
        clear.setOnAction(e -> mask.clear());
        clear.disableProperty().bind(mask.emptyProperty());
        Button invert = new Button("Invert");
        invert.setId("invertMask");
        invert.setOnAction(e -> mask.invert());
        invert.disableProperty().bind(mask.maskImageProperty().isNull());
        CheckBox predicted = new CheckBox("Predicted masks");
        predicted.setTooltip(new Tooltip("Show where the model says the selected turn changed (blue: Ck, green: Nk)"));
        predicted.selectedProperty().bindBidirectional(mask.showPredictedProperty());

        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button fit = new Button("Fit");
        fit.setTooltip(new Tooltip("Fit the image in the window (Ctrl+0)"));
        fit.setOnAction(e -> canvas.fit());
        Button actual = new Button("100%");
        actual.setTooltip(new Tooltip("One image pixel per screen pixel (Ctrl+1)"));
        actual.setOnAction(e -> canvas.actualSize());
        Button zoomOut = new Button("−");
        zoomOut.setOnAction(e -> canvas.zoomOut());
        Button zoomIn = new Button("+");
        zoomIn.setOnAction(e -> canvas.zoomIn());
        Label zoom = new Label();
        zoom.setId("zoomLabel");
        zoom.setMinWidth(48);
        zoom.textProperty().bind(canvas.zoomLabelProperty());

        getItems().addAll(brush, eraser, new Label("Size"), size, sizeLabel, clear, invert, new Separator(),
                predicted, spacer, zoomOut, zoom, zoomIn, fit, actual);
    }
}
