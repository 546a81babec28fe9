package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import studio.vincie.ui.mask.MaskViewModel;

class MaskViewModelTest {

    private final MaskViewModel mask = new MaskViewModel();

    @BeforeEach
    void setUp() {
        mask.resizeTo(64, 48);
        mask.brushSizeProperty().set(8);
    }

    private static int at(BufferedImage m, int x, int y) {
        return m.getRaster().getSample(x, y, 0);
    }

    @Test
    void brushStrokePaintsWhiteAlongThePathAtImageResolution() {
        assertThat(mask.emptyProperty().get()).isTrue();
        assertThat(mask.maskForEdit()).isNull();

        mask.beginStroke(10, 10);
        mask.strokeTo(40, 10);
        mask.endStroke();

        BufferedImage m = mask.mask();
        assertThat(m.getWidth()).isEqualTo(64);
        assertThat(m.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(at(m, 25, 10)).isEqualTo(255);
        assertThat(at(m, 25, 30)).isZero();
        assertThat(mask.emptyProperty().get()).isFalse();
        assertThat(mask.lastChange().contains(40, 10)).isTrue();
    }

    @Test
    void eraserRemovesPaintAndMaskForEditIsACopy() {
        mask.beginStroke(20, 20);
        mask.endStroke();
        BufferedImage copy = mask.maskForEdit();
        mask.toolProperty().set(MaskViewModel.Tool.ERASER);
        mask.brushSizeProperty().set(30);
        mask.beginStroke(20, 20);
        mask.endStroke();

        assertThat(at(mask.mask(), 20, 20)).isZero();
        assertThat(mask.emptyProperty().get()).isTrue();
        assertThat(at(copy, 20, 20)).isEqualTo(255);
    }

    @Test
    void invertAndClear() {
        mask.invert();
        assertThat(at(mask.mask(), 0, 0)).isEqualTo(255);
        assertThat(at(mask.mask(), 63, 47)).isEqualTo(255);
        int before = mask.versionProperty().get();
        mask.clear();
        assertThat(mask.emptyProperty().get()).isTrue();
        assertThat(mask.versionProperty().get()).isGreaterThan(before);
    }

    @Test
    void bracketKeysChangeTheBrushWithinBounds() {
        mask.growBrush();
        assertThat(mask.brushSizeProperty().get()).isEqualTo(10);
        mask.shrinkBrush();
        assertThat(mask.brushSizeProperty().get()).isEqualTo(8);
        mask.brushSizeProperty().set(1);
        mask.shrinkBrush();
        assertThat(mask.brushSizeProperty().get()).isEqualTo(MaskViewModel.MIN_BRUSH);
        mask.brushSizeProperty().set(MaskViewModel.MAX_BRUSH);
        mask.growBrush();
        assertThat(mask.brushSizeProperty().get()).isEqualTo(MaskViewModel.MAX_BRUSH);
    }

    @Test
    void aDifferentImageSizeReplacesTheMaskButTheSameSizeKeepsIt() {
        mask.beginStroke(5, 5);
        mask.endStroke();
        BufferedImage m = mask.mask();
        mask.resizeTo(64, 48);
        assertThat(mask.mask()).isSameAs(m);
        mask.resizeTo(32, 32);
        assertThat(mask.mask().getWidth()).isEqualTo(32);
        assertThat(mask.emptyProperty().get()).isTrue();
    }
}
