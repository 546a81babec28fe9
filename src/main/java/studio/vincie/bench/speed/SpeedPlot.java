package studio.vincie.bench.speed;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Draws a speed run as a PNG: milliseconds per turn against the turn number, cached and uncached,
 * on a logarithmic axis (the two differ by an order of magnitude at turn 5). Plain Java2D.
 */
public final class SpeedPlot {

    private static final int W = 640;
    private static final int H = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 50;

    private SpeedPlot() {
    }

    public static void write(SpeedResult r, Path file) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double max = 1;
        double min = Double.MAX_VALUE;
        for (SpeedResult.Turn t : r.turns()) {
            max = Math.max(max, Math.max(t.cachedMs(), Double.isNaN(t.uncachedMs()) ? 0 : t.uncachedMs()));
            min = Math.min(min, t.cachedMs());
        }
        double lo = Math.pow(10, Math.floor(Math.log10(Math.max(1, min))));
        double hi = Math.pow(10, Math.ceil(Math.log10(max)));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.GRAY);
        for (double v = lo; v <= hi * 1.001; v *= 10) {
            int y = y(v, lo, hi);
            g.drawLine(LEFT, y, W - RIGHT, y);
            g.drawString(String.format(Locale.ROOT, "%.0f ms", v), 5, y + 4);
        }
        int n = r.turns().size();
        for (int i = 0; i < n; i++) {
            g.drawString("turn " + r.turns().get(i).turn(), x(i, n) - 18, H - BOTTOM + 20);
        }
        series(g, r, n, lo, hi, true, new Color(0x1f77b4));
        series(g, r, n, lo, hi, false, new Color(0xd62728));
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "%s, %d steps, guidance %.1f: ms per edit turn (log scale)", r.config(),
                r.steps(), r.guidance()), LEFT, 20);
        g.setColor(new Color(0x1f77b4));
        g.drawString("cached (KV cache)", LEFT, 34);
        g.setColor(new Color(0xd62728));
        g.drawString("uncached (full recomputation every step)", LEFT + 130, 34);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static void series(Graphics2D g, SpeedResult r, int n, double lo, double hi, boolean cached, Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke(2f));
        int px = -1;
        int py = -1;
        for (int i = 0; i < n; i++) {
            double v = cached ? r.turns().get(i).cachedMs() : r.turns().get(i).uncachedMs();
            if (Double.isNaN(v)) {
                continue;
            }
            int x = x(i, n);
            int y = y(v, lo, hi);
            g.fillOval(x - 4, y - 4, 8, 8);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
    }

    private static int x(int i, int n) {
        return LEFT + (int) ((W - LEFT - RIGHT) * (n == 1 ? 0.5 : (i + 0.5) / n));
    }

    private static int y(double v, double lo, double hi) {
        double f = (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        return H - BOTTOM - (int) ((H - TOP - BOTTOM) * f);
    }
}
