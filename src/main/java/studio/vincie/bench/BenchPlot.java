package studio.vincie.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Draws a benchmark report as a PNG with plain Java2D: success@k with the per-turn follow and
 * consistency rates (left), PSNR per turn (middle) and each category's turn success (right).
 */
public final class BenchPlot {

    private static final int PANEL_W = 360;
    private static final int HEIGHT = 420;
    private static final int MARGIN = 50;

    private BenchPlot() {
    }

    public static BufferedImage draw(BenchReport r) {
        BufferedImage image = new BufferedImage(PANEL_W * 3, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Color.BLACK);
            g.drawString(String.format("model %s, %d sessions, masks %s", r.model(), r.sessions(), r.masks()), 10, 15);
            lines(g, 0, r);
            psnr(g, PANEL_W, r);
            categories(g, 2 * PANEL_W, r.perCategory());
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void write(BenchReport r, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(draw(r), "png", file.toFile());
    }

    private static void lines(Graphics2D g, int x0, BenchReport r) {
        axes(g, x0, "success@k / rate per turn", r.turns(), 0, 1);
        series(g, x0, r.successAt(), 0, 1, new Color(0x1f77b4), 3f);
        series(g, x0, r.followRate(), 0, 1, new Color(0xff7f0e), 1.5f);
        series(g, x0, r.consistentRate(), 0, 1, new Color(0x2ca02c), 1.5f);
        legend(g, x0, new String[] {"success@k", "follows", "consistent"},
                new Color[] {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)});
    }

    private static void psnr(Graphics2D g, int x0, BenchReport r) {
        double max = 10;
        for (Double v : r.psnr()) {
            if (v != null) {
                max = Math.max(max, Math.ceil(v / 10) * 10);
            }
        }
        axes(g, x0, "PSNR (dB) per turn", r.turns(), 0, max);
        series(g, x0, r.psnr(), 0, max, new Color(0x9467bd), 2.5f);
    }

    private static void categories(Graphics2D g, int x0, Map<String, BenchReport.CategoryStats> stats) {
        g.setColor(Color.BLACK);
        g.drawString("turn success per category", x0 + MARGIN, 35);
        int rows = Math.max(1, stats.size());
        double rowH = (HEIGHT - 2.0 * MARGIN) / rows;
        int barX = x0 + 110;
        int barW = PANEL_W - 130;
        int i = 0;
        for (Map.Entry<String, BenchReport.CategoryStats> e : stats.entrySet()) {
            int y = (int) (MARGIN + i * rowH);
            g.setColor(Color.DARK_GRAY);
            g.drawString(e.getKey(), x0 + 10, y + (int) (rowH * 0.7));
            g.setColor(new Color(0x17becf));
            g.fillRect(barX, y + 2, (int) (barW * e.getValue().turnSuccess()), (int) Math.max(2, rowH - 4));
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(barX, y + 2, barW, (int) Math.max(2, rowH - 4));
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.2f (%d)", e.getValue().turnSuccess(), e.getValue().count()),
                    barX + 4, y + (int) (rowH * 0.7));
            i++;
        }
    }

    private static void axes(Graphics2D g, int x0, String title, int turns, double min, double max) {
        g.setColor(Color.BLACK);
        g.drawString(title, x0 + MARGIN, 35);
        int left = x0 + MARGIN;
        int right = x0 + PANEL_W - 20;
        int top = MARGIN;
        int bottom = HEIGHT - MARGIN;
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        for (int k = 1; k <= turns; k++) {
            int x = xOf(x0, k, turns);
            g.drawLine(x, bottom, x, bottom + 4);
            g.drawString(Integer.toString(k), x - 3, bottom + 16);
        }
        g.drawString("turn", (left + right) / 2 - 10, bottom + 32);
        for (int t = 0; t <= 4; t++) {
            double v = min + (max - min) * t / 4;
            int y = yOf(v, min, max);
            g.setColor(new Color(0xeeeeee));
            g.drawLine(left + 1, y, right, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(max > 5 ? "%.0f" : "%.2f", v), x0 + 10, y + 4);
        }
    }

    private static void series(Graphics2D g, int x0, List<Double> values, double min, double max, Color color,
                               float width) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width));
        int turns = values.size();
        Integer px = null;
        Integer py = null;
        for (int k = 1; k <= turns; k++) {
            Double v = values.get(k - 1);
            if (v == null) {
                px = null;
                continue;
            }
            int x = xOf(x0, k, turns);
            int y = yOf(v, min, max);
            g.fillOval(x - 3, y - 3, 6, 6);
            if (px != null) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void legend(Graphics2D g, int x0, String[] names, Color[] colors) {
        for (int i = 0; i < names.length; i++) {
            int y = HEIGHT - 3;
            int x = x0 + MARGIN + i * 100;
            g.setColor(colors[i]);
            g.fillRect(x, y - 8, 10, 8);
            g.setColor(Color.BLACK);
            g.drawString(names[i], x + 14, y);
        }
    }

    private static int xOf(int x0, int turn, int turns) {
        int left = x0 + MARGIN + 15;
        int right = x0 + PANEL_W - 35;
        return turns <= 1 ? (left + right) / 2 : left + (right - left) * (turn - 1) / (turns - 1);
    }

    private static int yOf(double v, double min, double max) {
        int top = MARGIN;
        int bottom = HEIGHT - MARGIN;
        double f = (v - min) / (max - min);
        return (int) Math.round(bottom - f * (bottom - top));
    }
}
