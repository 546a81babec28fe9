package studio.vincie.ui.edit;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.LongStringConverter;

/**
 * The bottom panel: instruction field and Edit button (Enter runs it), the sampler settings
 * (seed with a dice button, steps, guidance), and while the model works a progress bar with
 * "step i / n" and a Cancel button.
 */
public final class EditPanel extends VBox {

    private final TextField instruction = new TextField();

    public EditPanel(EditViewModel edit) {
        getStyleClass().add("edit-panel");
        setSpacing(8);

        instruction.setId("instruction");
        instruction.setPromptText("Describe the edit, e.g. \"make the red car blue\"  (Enter runs it)");
        instruction.textProperty().bindBidirectional(edit.instructionProperty());
        instruction.setOnAction(e -> edit.edit());
        instruction.disableProperty().bind(edit.busyProperty());
        // The field loses focus while disabled; give it back so the next instruction can be typed at once.
        edit.busyProperty().addListener((obs, was, busy) -> {
            if (!busy && getScene() != null && getScene().getWindow() != null && getScene().getWindow().isFocused()) {
                instruction.requestFocus();
            }
        });
        HBox.setHgrow(instruction, Priority.ALWAYS);
        Button run = new Button("Edit ▶");
        run.setId("editButton");
        run.getStyleClass().add("accent");
        run.setDefaultButton(false);
        run.disableProperty().bind(edit.canEditBinding().not());
        run.setOnAction(e -> edit.edit());
        HBox prompt = new HBox(8, instruction, run);
        prompt.setAlignment(Pos.CENTER_LEFT);

        TextField seed = new TextField();
        seed.setId("seed");
        seed.setPrefColumnCount(9);
        TextFormatter<Long> seedFormat = new TextFormatter<>(new LongStringConverter(), edit.seedProperty().get(),
                change -> change.getControlNewText().matches("\\d{0,18}") ? change : null);
        seed.setTextFormatter(seedFormat);
        seedFormat.valueProperty().addListener((obs, o, n) -> {
            if (n != null) {
                edit.seedProperty().set(n);
            }
        });
        edit.seedProperty().addListener((obs, o, n) -> seedFormat.setValue(n.longValue()));
        Button dice = new Button("⚄");
        dice.setId("randomSeed");
        dice.setTooltip(new Tooltip("Random seed"));
        dice.setOnAction(e -> edit.randomizeSeed());

        Spinner<Integer> steps = new Spinner<>(1, 1000, edit.stepsProperty().get());
        steps.setId("steps");
        steps.setEditable(true);
        steps.setPrefWidth(90);
        steps.valueProperty().addListener((obs, o, n) -> edit.stepsProperty().set(n));
        edit.stepsProperty().addListener((obs, o, n) -> steps.getValueFactory().setValue(n.intValue()));
        Spinner<Double> guidance = new Spinner<>();
        guidance.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 50, edit.guidanceProperty().get(), 0.5));
        guidance.setId("guidance");
        guidance.setEditable(true);
        guidance.setPrefWidth(90);
        guidance.valueProperty().addListener((obs, o, n) -> edit.guidanceProperty().set(n));
        edit.guidanceProperty().addListener((obs, o, n) -> guidance.getValueFactory().setValue(n.doubleValue()));

        ProgressBar bar = new ProgressBar();
        bar.setId("progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(edit.progressProperty());
        bar.visibleProperty().bind(edit.busyProperty());
        Label step = new Label();
        step.setId("progressText");
        step.getStyleClass().add("dim");
        step.textProperty().bind(edit.progressTextProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelEdit");
        cancel.setOnAction(e -> edit.cancel());
        cancel.visibleProperty().bind(edit.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        HBox settings = new HBox(8, label("Seed"), seed, dice, label("Steps"), steps, label("Guidance"), guidance,
                spacer, bar, step, cancel);
        settings.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(prompt, settings);
    }

    /** Focuses the instruction field. */
    public void focusInstruction() {
        instruction.requestFocus();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("dim");
        return l;
    }
}
