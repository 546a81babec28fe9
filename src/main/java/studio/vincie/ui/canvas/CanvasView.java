package studio.vincie.ui.canvas;

import java.awt.image.BufferedImage;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

import studio.vincie.ui.mask.MaskViewModel;

/**
 * The image area: the selected turn's image, the predicted-mask overlays (Ck blue, Nk green, when
 * enabled) and the user's mask (translucent red) on top. Left drag paints with the mask tool; middle
 * drag or Space + drag pans; the wheel zooms around the cursor. All numbers live in the view-models.
 */
public final class CanvasView extends Region {

    static final Color MASK_COLOR = Color.rgb(255, 40, 80, 0.6);
    static final Color CURRENT_COLOR = Color.rgb(64, 160, 255, 0.45);
    static final Color NEXT_COLOR = Color.rgb(64, 220, 120, 0.45);

    private final CanvasViewModel canvas;
    private final MaskViewModel mask;
    private final ImageView imageView = new ImageView();
    private final ImageView currentMaskView = new ImageView();
    private final ImageView nextMaskView = new ImageView();
    private final ImageView userMaskView = new ImageView();
    private final Group layers = new Group(imageView, currentMaskView, nextMaskView, userMaskView);
    private final Circle brushCursor = new Circle();
    private final Label placeholder = new Label("Open an image (Ctrl+O) or drop one here");
    private WritableImage maskOverlay;
    private boolean spaceDown;
    private double dragX;
    private double dragY;
    private boolean panning;

    public CanvasView(CanvasViewModel canvas, MaskViewModel mask) {
        this.canvas = canvas;
        this.mask = mask;
        getStyleClass().add("canvas-view");
        setFocusTraversable(true);
        setMinSize(200, 200);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        placeholder.getStyleClass().add("canvas-placeholder");
        brushCursor.setFill(Color.TRANSPARENT);
        brushCursor.setStroke(Color.WHITE);
        brushCursor.setStrokeWidth(1.2);
        brushCursor.setMouseTransparent(true);
        brushCursor.setVisible(false);
        getChildren().addAll(layers, brushCursor, placeholder);
        for (ImageView v : new ImageView[] {currentMaskView, nextMaskView, userMaskView}) {
            v.setMouseTransparent(true);
        }

        layers.scaleXProperty().bind(canvas.zoomProperty());
        layers.scaleYProperty().bind(canvas.zoomProperty());
        canvas.imageProperty().addListener((obs, o, n) -> showImage(n));
        canvas.predictedCurrentMaskProperty().addListener((obs, o, n) -> showPredicted());
        canvas.predictedNextMaskProperty().addListener((obs, o, n) -> showPredicted());
        mask.showPredictedProperty().addListener((obs, o, n) -> showPredicted());
        mask.maskImageProperty().addListener((obs, o, n) -> rebuildMaskOverlay());
        mask.versionProperty().addListener((obs, o, n) -> updateMaskOverlay());
        canvas.panXProperty().addListener((obs, o, n) -> requestLayout());
        canvas.panYProperty().addListener((obs, o, n) -> requestLayout());
        canvas.zoomProperty().addListener((obs, o, n) -> requestLayout());

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::moveBrushCursor);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> brushCursor.setVisible(false));
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = true;
                setCursor(Cursor.OPEN_HAND);
                e.consume();
            }
        });
        setOnKeyReleased(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                setCursor(Cursor.DEFAULT);
            }
        });
        showImage(canvas.imageProperty().get());
        rebuildMaskOverlay();
    }

    @Override
    protected void layoutChildren() {
        canvas.setViewportSize(getWidth(), getHeight());
        BufferedImage img = canvas.imageProperty().get();
        if (img != null) {
            // A Group scales around its centre; shift so the image's top-left lands on the pan offset.
            double z = canvas.zoomProperty().get();
            layers.setLayoutX(canvas.panXProperty().get() + img.getWidth() * (z - 1) / 2);
            layers.setLayoutY(canvas.panYProperty().get() + img.getHeight() * (z - 1) / 2);
        }
        placeholder.autosize();
        placeholder.relocate((getWidth() - placeholder.getWidth()) / 2, (getHeight() - placeholder.getHeight()) / 2);
    }

    private void showImage(BufferedImage img) {
        imageView.setImage(img == null ? null : SwingFXUtils.toFXImage(img, null));
        placeholder.setVisible(img == null);
        layers.setVisible(img != null);
        showPredicted();
        requestLayout();
    }

    private void showPredicted() {
        boolean show = mask.showPredictedProperty().get();
        BufferedImage c = canvas.predictedCurrentMaskProperty().get();
        BufferedImage n = canvas.predictedNextMaskProperty().get();
        currentMaskView.setImage(show && c != null ? MaskOverlays.create(c, CURRENT_COLOR) : null);
        nextMaskView.setImage(show && n != null ? MaskOverlays.create(n, NEXT_COLOR) : null);
    }

    private void rebuildMaskOverlay() {
        BufferedImage m = mask.mask();
        maskOverlay = m == null ? null : MaskOverlays.create(m, MASK_COLOR);
        userMaskView.setImage(maskOverlay);
    }

    private void updateMaskOverlay() {
        BufferedImage m = mask.mask();
        if (m == null) {
            return;
        }
        if (maskOverlay == null || maskOverlay.getWidth() != m.getWidth() || maskOverlay.getHeight() != m.getHeight()) {
            rebuildMaskOverlay();
            return;
        }
        MaskOverlays.update(maskOverlay, m, mask.lastChange(), MASK_COLOR);
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        dragX = e.getX();
        dragY = e.getY();
        panning = e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown);
        if (panning) {
            setCursor(Cursor.CLOSED_HAND);
        } else if (e.getButton() == MouseButton.PRIMARY && canvas.imageProperty().get() != null) {
            mask.beginStroke(canvas.toImageX(e.getX()), canvas.toImageY(e.getY()));
        }
        e.consume();
    }

    private void onDragged(MouseEvent e) {
        if (panning) {
            canvas.panBy(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
        } else if (e.isPrimaryButtonDown() && canvas.imageProperty().get() != null) {
            mask.strokeTo(canvas.toImageX(e.getX()), canvas.toImageY(e.getY()));
        }
        moveBrushCursor(e);
        e.consume();
    }

    private void onReleased(MouseEvent e) {
        if (panning) {
            panning = false;
            setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
        } else {
            mask.endStroke();
        }
        e.consume();
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0 && canvas.imageProperty().get() != null) {
            canvas.zoomAt(e.getX(), e.getY(), e.getDeltaY() / 40.0);
            moveBrushCursor(e.getX(), e.getY());
        }
        e.consume();
    }

    private void moveBrushCursor(MouseEvent e) {
        moveBrushCursor(e.getX(), e.getY());
    }

    private void moveBrushCursor(double x, double y) {
        boolean show = canvas.imageProperty().get() != null && !panning && !spaceDown;
        brushCursor.setVisible(show);
        brushCursor.setCenterX(x);
        brushCursor.setCenterY(y);
        brushCursor.setRadius(Math.max(1, mask.brushSizeProperty().get() * canvas.zoomProperty().get() / 2));
    }
}
