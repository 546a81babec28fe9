package studio.vincie.data.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;

import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void vocabularyIsLargeEnough() {
        assertThat(Shape.values()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(NamedColor.values()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(Size.values()).hasSize(3);
        assertThat(EditCategory.values()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void paletteColorsAreFarApart() {
        for (NamedColor a : NamedColor.values()) {
            for (NamedColor b : NamedColor.values()) {
                if (a != b) {
                    assertThat(a.distance(b)).as("%s vs %s", a, b).isGreaterThan(80);
                }
            }
            assertThat(NamedColor.nearest(a.red(), a.green(), a.blue())).isEqualTo(a);
        }
    }

    @Test
    void outlinesStayWithinTheirExtentAtAnyRotation() {
        for (Shape s : Shape.values()) {
            for (int deg = 0; deg < 360; deg += 15) {
                PathIterator it = s.unitOutline().getPathIterator(AffineTransform.getRotateInstance(Math.toRadians(deg)));
                double[] c = new double[6];
                while (!it.isDone()) {
                    int type = it.currentSegment(c);
                    if (type != PathIterator.SEG_CLOSE) {
                        // Segment end points (curve control points of circles lie outside; skip them).
                        int n = type == PathIterator.SEG_CUBICTO ? 3 : type == PathIterator.SEG_QUADTO ? 2 : 1;
                        double x = c[2 * (n - 1)];
                        double y = c[2 * (n - 1) + 1];
                        assertThat(Math.hypot(x, y)).as("%s at %d degrees", s, deg).isLessThanOrEqualTo(Shape.EXTENT);
                    }
                    it.next();
                }
            }
        }
    }

    @Test
    void sizeWordsFollowScale() {
        for (Size s : Size.values()) {
            assertThat(Size.of(s.scale())).isEqualTo(s);
        }
        assertThat(Size.SMALL.larger()).isEqualTo(Size.MEDIUM);
        assertThat(Size.LARGE.larger()).isNull();
        assertThat(Shape.SQUARE.rotationShows(90)).isFalse();
        assertThat(Shape.SQUARE.rotationShows(45)).isTrue();
        assertThat(Shape.CIRCLE.rotationShows(45)).isFalse();
    }
}
