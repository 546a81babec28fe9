package studio.vincie.ui.canvas;

import java.awt.image.BufferedImage;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the canvas shows and how: the selected turn's image (and its predicted region masks), the zoom
 * factor and the pan offset of the image's top-left corner in viewport pixels. Zoom keeps the point
 * under the cursor fixed; "fit" zooms and centres the image in the viewport and is kept while the
 * viewport resizes, until the user zooms or pans. The view only maps these numbers onto nodes.
 */
public final class CanvasViewModel {

    public static final double MIN_ZOOM = 0.05;
    public static final double MAX_ZOOM = 32;
    private static final double WHEEL_STEP = 1.15;

    private final ReadOnlyObjectWrapper<BufferedImage> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BufferedImage> predictedCurrentMask = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BufferedImage> predictedNextMask = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyDoubleWrapper panX = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper panY = new ReadOnlyDoubleWrapper();
    private final ReadOnlyBooleanWrapper fitting = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper zoomLabel = new ReadOnlyStringWrapper("100%");

    private double viewportWidth;
    private double viewportHeight;

    public CanvasViewModel() {
        zoom.addListener((obs, o, n) -> zoomLabel.set(Math.round(n.doubleValue() * 100) + "%"));
    }

    // Properties

    public ReadOnlyObjectProperty<BufferedImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BufferedImage> predictedCurrentMaskProperty() {
        return predictedCurrentMask.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BufferedImage> predictedNextMaskProperty() {
        return predictedNextMask.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty panXProperty() {
        return panX.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty panYProperty() {
        return panY.getReadOnlyProperty();
    }

    /** True while the image is kept fitted to the viewport. */
    public ReadOnlyBooleanProperty fittingProperty() {
        return fitting.getReadOnlyProperty();
    }

    /** "100%", "37%", ... */
    public ReadOnlyStringProperty zoomLabelProperty() {
        return zoomLabel.getReadOnlyProperty();
    }

    // Commands

    /** Shows an image with its predicted masks (any may be null); a different size re-fits. */
    public void show(BufferedImage img, BufferedImage currentMask, BufferedImage nextMask) {
        BufferedImage old = image.get();
        boolean sameSize = old != null && img != null
                && old.getWidth() == img.getWidth() && old.getHeight() == img.getHeight();
        image.set(img);
        predictedCurrentMask.set(currentMask);
        predictedNextMask.set(nextMask);
        if (!sameSize) {
            fit();
        }
    }

    public void setViewportSize(double width, double height) {
        viewportWidth = width;
        viewportHeight = height;
        if (fitting.get()) {
            fit();
        }
    }

    /** Zooms so the whole image is visible, centred, and keeps it so while the viewport resizes. */
    public void fit() {
        fitting.set(true);
        BufferedImage img = image.get();
        if (img == null || viewportWidth <= 0 || viewportHeight <= 0) {
            return;
        }
        double margin = 16;
        double z = Math.min((viewportWidth - 2 * margin) / img.getWidth(),
                (viewportHeight - 2 * margin) / img.getHeight());
        zoom.set(clamp(z));
        centre();
    }

    /** 100%: one image pixel per screen pixel, centred. */
    public void actualSize() {
        fitting.set(false);
        zoom.set(1);
        centre();
    }

    /** Mouse wheel: zooms in (positive steps) or out around the viewport point (x, y). */
    public void zoomAt(double x, double y, double wheelSteps) {
        zoomAround(x, y, zoom.get() * Math.pow(WHEEL_STEP, wheelSteps));
    }

    public void zoomIn() {
        zoomAround(viewportWidth / 2, viewportHeight / 2, zoom.get() * 1.25);
    }

    public void zoomOut() {
        zoomAround(viewportWidth / 2, viewportHeight / 2, zoom.get() / 1.25);
    }

    public void panBy(double dx, double dy) {
        fitting.set(false);
        panX.set(panX.get() + dx);
        panY.set(panY.get() + dy);
    }

    /** Viewport point to image coordinates (may lie outside the image). */
    public double toImageX(double viewX) {
        return (viewX - panX.get()) / zoom.get();
    }

    public double toImageY(double viewY) {
        return (viewY - panY.get()) / zoom.get();
    }

    private void zoomAround(double x, double y, double target) {
        fitting.set(false);
        double old = zoom.get();
        double z = clamp(target);
        // The image point under (x, y) stays under (x, y).
        panX.set(x - (x - panX.get()) * z / old);
        panY.set(y - (y - panY.get()) * z / old);
        zoom.set(z);
    }

    private void centre() {
        BufferedImage img = image.get();
        if (img == null) {
            return;
        }
        panX.set(Math.round((viewportWidth - img.getWidth() * zoom.get()) / 2));
        panY.set(Math.round((viewportHeight - img.getHeight() * zoom.get()) / 2));
    }

    private static double clamp(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }
}
