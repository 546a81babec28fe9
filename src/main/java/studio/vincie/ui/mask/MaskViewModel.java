package studio.vincie.ui.mask;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The mask the user paints for the next turn: a grayscale image at the resolution of the shown image
 * (white = the edit may happen here), brush and eraser tools with a size, clear and invert. The view
 * mirrors {@link #mask()} into a translucent overlay; every change bumps {@link #versionProperty()} and
 * records the changed rectangle in {@link #lastChange()}, so the view repaints only that part.
 */
public final class MaskViewModel {

    /** What a stroke does. */
    public enum Tool { BRUSH, ERASER }

    public static final int MIN_BRUSH = 1;
    public static final int MAX_BRUSH = 256;

    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.BRUSH);
    private final IntegerProperty brushSize = new SimpleIntegerProperty(24);
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<BufferedImage> maskImage = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty showPredicted = new SimpleBooleanProperty(false);

    private Rectangle lastChange = new Rectangle();
    private double lastX;
    private double lastY;
    private boolean stroking;

    // Properties

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    /** Brush diameter in image pixels. */
    public IntegerProperty brushSizeProperty() {
        return brushSize;
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** Bumped after every change of the mask pixels or of the mask image itself. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** The mask image (TYPE_BYTE_GRAY), null until an image is shown; replaced when the image size changes. */
    public ReadOnlyObjectProperty<BufferedImage> maskImageProperty() {
        return maskImage.getReadOnlyProperty();
    }

    /** Whether the selected turn's predicted masks (Ck / Nk) are shown as overlays. */
    public BooleanProperty showPredictedProperty() {
        return showPredicted;
    }

    public BufferedImage mask() {
        return maskImage.get();
    }

    /** The rectangle (image pixels) touched by the last change. */
    public Rectangle lastChange() {
        return new Rectangle(lastChange);
    }

    // Commands

    /** Makes sure the mask matches an image of this size; a mask of another size is replaced by an empty one. */
    public void resizeTo(int width, int height) {
        BufferedImage current = maskImage.get();
        if (current != null && current.getWidth() == width && current.getHeight() == height) {
            return;
        }
        maskImage.set(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY));
        changed(new Rectangle(0, 0, width, height));
    }

    public void beginStroke(double x, double y) {
        stroking = true;
        lastX = x;
        lastY = y;
        paint(new Line2D.Double(x, y, x, y));
    }

    public void strokeTo(double x, double y) {
        if (!stroking) {
            beginStroke(x, y);
            return;
        }
        paint(new Line2D.Double(lastX, lastY, x, y));
        lastX = x;
        lastY = y;
    }

    public void endStroke() {
        stroking = false;
    }

    public void clear() {
        BufferedImage m = maskImage.get();
        if (m == null) {
            return;
        }
        java.util.Arrays.fill(pixels(m), (byte) 0);
        changed(new Rectangle(0, 0, m.getWidth(), m.getHeight()));
    }

    public void invert() {
        BufferedImage m = maskImage.get();
        if (m == null) {
            return;
        }
        byte[] p = pixels(m);
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (255 - (p[i] & 0xff));
        }
        changed(new Rectangle(0, 0, m.getWidth(), m.getHeight()));
    }

    public void growBrush() {
        brushSize.set(Math.min(MAX_BRUSH, Math.max(brushSize.get() + 1, (int) Math.round(brushSize.get() * 1.25))));
    }

    public void shrinkBrush() {
        brushSize.set(Math.max(MIN_BRUSH, Math.min(brushSize.get() - 1, (int) Math.round(brushSize.get() / 1.25))));
    }

    /** A copy of the mask for an edit, or null when nothing is painted (the model then decides where). */
    public BufferedImage maskForEdit() {
        BufferedImage m = maskImage.get();
        if (m == null || empty.get()) {
            return null;
        }
        BufferedImage copy = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(pixels(m), 0, pixels(copy), 0, pixels(m).length);
        return copy;
    }

    private void paint(Line2D line) {
        BufferedImage m = maskImage.get();
        if (m == null) {
            return;
        }
        int size = Math.max(MIN_BRUSH, brushSize.get());
        Graphics2D g = m.createGraphics();
        try {
            // No antialiasing: the mask is a hard region, and the model thresholds it anyway.
            g.setColor(tool.get() == Tool.BRUSH ? Color.WHITE : Color.BLACK);
            g.setStroke(new BasicStroke(size, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line);
        } finally {
            g.dispose();
        }
        Rectangle bounds = line.getBounds();
        bounds.grow(size / 2 + 2, size / 2 + 2);
        changed(bounds.intersection(new Rectangle(0, 0, m.getWidth(), m.getHeight())));
    }

    private void changed(Rectangle area) {
        lastChange = area;
        empty.set(isBlank(maskImage.get()));
        version.set(version.get() + 1);
    }

    private static boolean isBlank(BufferedImage m) {
        if (m == null) {
            return true;
        }
        for (byte b : pixels(m)) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] pixels(BufferedImage m) {
        return ((DataBufferByte) m.getRaster().getDataBuffer()).getData();
    }
}
