package studio.vincie.data.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.List;

import org.junit.jupiter.api.Test;

class SceneRendererTest {

    private static final Scene TWO_OVERLAPPING = new Scene(Background.solid(Backdrop.CREAM, TimeOfDay.DAY), Camera.DEFAULT,
            List.of(new SceneObject("under", Shape.CIRCLE, NamedColor.RED, 0.2, 0.45, 0.5, 0),
                    new SceneObject("over", Shape.SQUARE, NamedColor.BLUE, 0.15, 0.6, 0.5, 0)));

    @Test
    void renderingIsDeterministicAndTypeIntRgb() {
        Scene s = SceneSampler.startScene(new java.util.SplittableRandom(3));
        BufferedImage a = SceneRenderer.render(s, 96, 64);
        BufferedImage b = SceneRenderer.render(s, 96, 64);
        assertThat(a.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(a.getWidth()).isEqualTo(96);
        assertThat(a.getHeight()).isEqualTo(64);
        assertThat(((DataBufferInt) a.getRaster().getDataBuffer()).getData())
                .isEqualTo(((DataBufferInt) b.getRaster().getDataBuffer()).getData());
    }

    @Test
    void edgesAreAntiAliasedAndAreaMatchesGeometry() {
        Scene s = new Scene(Background.solid(Backdrop.LIGHT_GRAY, TimeOfDay.DAY), Camera.DEFAULT,
                List.of(new SceneObject("c", Shape.CIRCLE, NamedColor.BLACK, 0.25, 0.5, 0.5, 0)));
        RenderedScene r = SceneRenderer.draw(s, 128, 128);
        int[] px = r.image().getRGB(0, 0, 128, 128, null, 0, 128);
        int partial = 0;
        for (int p : px) {
            int red = (p >> 16) & 0xff;
            if (red > 25 + 5 && red < 222 - 5) {
                partial++;
            }
        }
        // A circle of radius 32 px has a perimeter of ~201 px: most edge pixels are partly covered.
        assertThat(partial).isBetween(100, 400);
        double expected = Math.PI * 32 * 32;
        assertThat(r.visibleArea("c")).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void coverageAccountsForOcclusion() {
        RenderedScene r = SceneRenderer.draw(TWO_OVERLAPPING, 100, 100);
        float[] under = r.visible("under");
        float[] over = r.visible("over");
        // Where the square fully covers, the circle is invisible; visible coverages never exceed 1 together.
        int hidden = 0;
        for (int k = 0; k < under.length; k++) {
            assertThat(under[k] + over[k]).isLessThanOrEqualTo(1.0001f);
            if (over[k] == 1f && r.drawn("under")[k] == 1f) {
                assertThat(under[k]).isZero();
                hidden++;
            }
        }
        assertThat(hidden).isGreaterThan(100);
        assertThat(r.visibleArea("under")).isLessThan(r.drawnArea("under") * 0.9);
        BufferedImage mask = r.coverageMask("under");
        assertThat(mask.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        byte[] m = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        assertThat(m[50 * 100 + 30] & 0xff).isEqualTo(255);
        assertThat(m[50 * 100 + 60] & 0xff).isZero();
    }

    @Test
    void cameraZoomAndPanMoveObjectsOnScreen() {
        Scene s = TWO_OVERLAPPING.withCamera(new Camera(0.1, 0, 1.5));
        RenderedScene plain = SceneRenderer.draw(TWO_OVERLAPPING, 100, 100);
        RenderedScene moved = SceneRenderer.draw(s, 100, 100);
        assertThat(moved.drawnArea("over")).isCloseTo(plain.drawnArea("over") * 2.25,
                org.assertj.core.data.Percentage.withPercentage(2));
        // Panning right slides the content left: the circle's centre was at x=45, is now at (0.35-0.1-0.5)*1.5+0.5.
        double cx = centroidX(moved.drawn("under"), 100);
        assertThat(cx).isCloseTo(100 * ((0.45 - 0.6) * 1.5 + 0.5), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void lightTintIsAppliedToObjects() {
        Scene night = TWO_OVERLAPPING.withBackground(Background.solid(Backdrop.CREAM, TimeOfDay.NIGHT));
        BufferedImage img = SceneRenderer.render(night, 100, 100);
        int[] expected = SceneRenderer.displayedColor(night, NamedColor.RED);
        int p = img.getRGB(30, 50);
        assertThat(new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff}).isEqualTo(expected);
        assertThat(expected[0]).isLessThan(NamedColor.RED.red());
    }

    @Test
    void jsonRoundTripsScenesAndEvents() throws Exception {
        Scene s = SceneSampler.startScene(new java.util.SplittableRandom(11));
        Scene fading = new Event.TimeOfDayChange(TimeOfDay.NIGHT).sceneAt(s, 0.4);
        assertThat(SceneJson.fromJson(SceneJson.toJson(s))).isEqualTo(s);
        assertThat(SceneJson.fromJson(SceneJson.toJson(fading))).isEqualTo(fading);
        for (WorldFixtures.Example ex : WorldFixtures.oneExamplePerType().values()) {
            String json = SceneJson.MAPPER.writeValueAsString(ex.event());
            assertThat(SceneJson.MAPPER.readValue(json, Event.class)).isEqualTo(ex.event());
        }
    }

    @Test
    void badFrameSizeIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> SceneRenderer.render(TWO_OVERLAPPING, 0, 10))
                .hasMessageContaining("frame size");
    }

    private static double centroidX(float[] a, int w) {
        double s = 0;
        double sx = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k];
            sx += a[k] * (k % w + 0.5);
        }
        return sx / s;
    }
}
