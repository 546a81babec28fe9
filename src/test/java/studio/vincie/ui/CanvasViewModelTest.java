package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import studio.vincie.session.TestImages;
import studio.vincie.ui.canvas.CanvasViewModel;

class CanvasViewModelTest {

    private final CanvasViewModel canvas = new CanvasViewModel();

    @Test
    void fitCentresTheWholeImageAndFollowsTheViewport() {
        canvas.setViewportSize(832, 432);
        canvas.show(TestImages.gradient(400, 200), null, null);

        assertThat(canvas.zoomProperty().get()).isCloseTo(2.0, within(1e-9));
        assertThat(canvas.panXProperty().get()).isEqualTo(16);
        assertThat(canvas.panYProperty().get()).isEqualTo(16);
        assertThat(canvas.zoomLabelProperty().get()).isEqualTo("200%");

        canvas.setViewportSize(432, 432);
        assertThat(canvas.zoomProperty().get()).isCloseTo(1.0, within(1e-9));
        assertThat(canvas.fittingProperty().get()).isTrue();
    }

    @Test
    void wheelZoomKeepsThePointUnderTheCursor() {
        canvas.setViewportSize(800, 600);
        canvas.show(TestImages.gradient(400, 300), null, null);
        double ix = canvas.toImageX(300);
        double iy = canvas.toImageY(200);

        canvas.zoomAt(300, 200, 3);

        assertThat(canvas.zoomProperty().get()).isGreaterThan(1.5);
        assertThat(canvas.toImageX(300)).isCloseTo(ix, within(1e-9));
        assertThat(canvas.toImageY(200)).isCloseTo(iy, within(1e-9));
        assertThat(canvas.fittingProperty().get()).isFalse();
    }

    @Test
    void actualSizeAndPan() {
        canvas.setViewportSize(800, 600);
        canvas.show(TestImages.gradient(100, 50), null, null);
        canvas.actualSize();
        assertThat(canvas.zoomLabelProperty().get()).isEqualTo("100%");
        assertThat(canvas.toImageX(400)).isCloseTo(50, within(1e-9));

        canvas.panBy(10, -5);
        assertThat(canvas.toImageX(410)).isCloseTo(50, within(1e-9));
        assertThat(canvas.toImageY(295)).isCloseTo(25, within(1e-9));
    }

    @Test
    void zoomIsClamped() {
        canvas.setViewportSize(800, 600);
        canvas.show(TestImages.gradient(100, 50), null, null);
        canvas.zoomAt(0, 0, 500);
        assertThat(canvas.zoomProperty().get()).isEqualTo(CanvasViewModel.MAX_ZOOM);
        canvas.zoomAt(0, 0, -1000);
        assertThat(canvas.zoomProperty().get()).isEqualTo(CanvasViewModel.MIN_ZOOM);
    }
}
