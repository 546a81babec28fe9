package studio.vincie.data.world;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Scene} into an RGB image of any size, anti-aliased and deterministic, and reports how
 * much of every pixel each object covers as drawn (after occlusion by objects above it and after the
 * camera). The image is composited from exactly these coverages, so masks derived from them are the
 * true regions of the objects: a pixel differs between two renders only where some changed object's
 * visible coverage is non-zero in one of them.
 *
 * <p>Geometry: the unit scene square, seen through the {@link Camera}, fills the largest centred square
 * of the frame ({@code side = min(width, height)}); a wider frame shows more of the scene at the sides.
 * Each object's coverage comes from Java2D's anti-aliased rasteriser (8-bit coverage) times its opacity;
 * colors are composited "source over" in the order of the object list.
 */
public final class SceneRenderer {

    private SceneRenderer() {
    }

    /** The rendered RGB frame. */
    public static BufferedImage render(Scene scene, int width, int height) {
        return draw(scene, width, height).image();
    }

    /** Renders the frame and every object's visible coverage. */
    public static RenderedScene draw(Scene scene, int width, int height) {
        if (width < 1 || height < 1 || (long) width * height > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("frame size must be between 1x1 and 64 Mpixel, was " + width + "x" + height);
        }
        int n = scene.objects().size();
        float[][] alpha = new float[n][];
        BufferedImage scratch = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] scratchPixels = ((DataBufferByte) scratch.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < n; i++) {
            alpha[i] = rasterise(scene, scene.objects().get(i), scratch, scratchPixels);
        }
        double[][] rowColor = backgroundRows(scene, width, height);
        double[] tint = objectTint(scene);
        double[][] paint = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] p = scene.objects().get(i).paint();
            paint[i] = new double[] {p[0] * tint[0], p[1] * tint[1], p[2] * tint[2]};
        }
        float[][] visible = new float[n][width * height];
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            double[] bg = rowColor[y];
            for (int x = 0; x < width; x++) {
                int k = y * width + x;
                double r = bg[0];
                double g = bg[1];
                double b = bg[2];
                for (int i = 0; i < n; i++) {
                    float a = alpha[i][k];
                    if (a > 0) {
                        r += a * (paint[i][0] - r);
                        g += a * (paint[i][1] - g);
                        b += a * (paint[i][2] - b);
                    }
                }
                // Visible coverage: own alpha times what every later (higher) object lets through.
                double through = 1.0;
                for (int i = n - 1; i >= 0; i--) {
                    float a = alpha[i][k];
                    if (a > 0) {
                        visible[i][k] = (float) (a * through);
                        through *= 1 - a;
                    }
                }
                rgb[k] = (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        List<String> ids = new ArrayList<>();
        scene.objects().forEach(o -> ids.add(o.id()));
        return new RenderedScene(image, ids, alpha, visible, width, height);
    }

    /**
     * The RGB (0..255) an object of palette color {@code c} shows in this scene: the palette color
     * times the scene's light tint, rounded. A judge compares object pixels against this.
     */
    public static int[] displayedColor(Scene scene, NamedColor c) {
        double[] t = objectTint(scene);
        return new int[] {clamp(c.red() * t[0]), clamp(c.green() * t[1]), clamp(c.blue() * t[2])};
    }

    /** Screen transform of an object: unit outline to pixels. */
    public static AffineTransform objectTransform(Scene scene, SceneObject o, int width, int height) {
        double side = Math.min(width, height);
        double ox = (width - side) / 2.0;
        double oy = (height - side) / 2.0;
        Camera cam = scene.camera();
        AffineTransform t = new AffineTransform();
        t.translate(ox + side * cam.viewX(o.x()), oy + side * cam.viewY(o.y()));
        t.rotate(Math.toRadians(o.rotation()));
        double r = o.scale() * cam.zoom() * side;
        t.scale(r, r);
        return t;
    }

    private static float[] rasterise(Scene scene, SceneObject o, BufferedImage scratch, byte[] pixels) {
        java.util.Arrays.fill(pixels, (byte) 0);
        Graphics2D g = scratch.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fill(objectTransform(scene, o, scratch.getWidth(), scratch.getHeight())
                    .createTransformedShape(o.shape().unitOutline()));
        } finally {
            g.dispose();
        }
        float[] a = new float[pixels.length];
        float op = (float) o.opacity();
        for (int k = 0; k < pixels.length; k++) {
            int v = pixels[k] & 0xff;
            if (v != 0) {
                a[k] = v / 255f * op;
            }
        }
        return a;
    }

    /** Light tint applied to objects: the time of day's tint, blended during a background fade. */
    static double[] objectTint(Scene scene) {
        double[] cur = scene.background().time().tint();
        if (scene.previousBackground() == null) {
            return cur;
        }
        double[] prev = scene.previousBackground().time().tint();
        double m = scene.backgroundMix();
        return new double[] {lerp(prev[0], cur[0], m), lerp(prev[1], cur[1], m), lerp(prev[2], cur[2], m)};
    }

    private static double[][] backgroundRows(Scene scene, int width, int height) {
        double[][] cur = backgroundRows(scene.background(), scene.camera(), width, height);
        if (scene.previousBackground() == null) {
            return cur;
        }
        double[][] prev = backgroundRows(scene.previousBackground(), scene.camera(), width, height);
        double m = scene.backgroundMix();
        for (int y = 0; y < height; y++) {
            for (int c = 0; c < 3; c++) {
                cur[y][c] = lerp(prev[y][c], cur[y][c], m);
            }
        }
        return cur;
    }

    /** Background color per pixel row (backgrounds vary only vertically). */
    private static double[][] backgroundRows(Background bg, Camera cam, int width, int height) {
        double side = Math.min(width, height);
        double oy = (height - side) / 2.0;
        double[] tint = bg.time().tint();
        double[][] rows = new double[height][];
        if (bg.kind() == Background.Kind.SOLID) {
            int[] c = bg.backdrop().rgb();
            for (int y = 0; y < height; y++) {
                rows[y] = new double[] {c[0] * tint[0], c[1] * tint[1], c[2] * tint[2]};
            }
            return rows;
        }
        int[] top = bg.time().skyTop();
        int[] hor = bg.time().skyHorizon();
        int[] gr = bg.ground().rgb();
        double horizonPx = oy + side * cam.viewY(bg.horizon());
        for (int y = 0; y < height; y++) {
            double sceneY = cam.sceneY((y + 0.5 - oy) / side);
            double t = Math.max(0, Math.min(1, sceneY / bg.horizon()));
            // Fraction of this pixel row below the horizon: an anti-aliased horizon line.
            double groundShare = Math.max(0, Math.min(1, y + 1 - horizonPx));
            double[] px = new double[3];
            for (int c = 0; c < 3; c++) {
                double sky = lerp(top[c], hor[c], t);
                px[c] = lerp(sky, gr[c] * tint[c], groundShare);
            }
            rows[y] = px;
        }
        return rows;
    }

    private static double lerp(double a, double b, double t) {
        return a + t * (b - a);
    }

    private static int clamp(double v) {
        long r = Math.round(v);
        return (int) Math.max(0, Math.min(255, r));
    }
}
