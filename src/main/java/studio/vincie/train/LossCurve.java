package studio.vincie.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Draws the loss curve PNG from the CSV rows with java.awt (headless): the training loss smoothed by a
 * running average (raw values are noisy at batch 4), NIP alone, and the validation points, on a log
 * y axis.
 */
public final class LossCurve {

    private static final int W = 900;
    private static final int H = 520;
    private static final int L = 70;
    private static final int R = 20;
    private static final int T = 40;
    private static final int B = 50;

    private LossCurve() {
    }

    public static void write(List<TrainLog.Row> rows, String title, Path png) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title, L, 22);
        if (rows.isEmpty()) {
            g.drawString("no steps logged", W / 2 - 40, H / 2);
        } else {
            draw(g, rows);
        }
        g.dispose();
        Path tmp = png.resolveSibling(png.getFileName() + ".tmp");
        ImageIO.write(img, "png", tmp.toFile());
        Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void draw(Graphics2D g, List<TrainLog.Row> rows) {
        int maxStep = rows.get(rows.size() - 1).step();
        int minStep = rows.get(0).step();
        double lo = Double.MAX_VALUE;
        double hi = 0;
        double[] smooth = new double[rows.size()];
        double[] nip = new double[rows.size()];
        double s = rows.get(0).loss();
        double n = rows.get(0).nip();
        double a = Math.min(0.2, 20.0 / rows.size() + 0.02);
        for (int i = 0; i < rows.size(); i++) {
            s = s + a * (rows.get(i).loss() - s);
            n = n + a * (rows.get(i).nip() - n);
            smooth[i] = s;
            nip[i] = n;
            for (double v : new double[] {s, n, rows.get(i).val()}) {
                if (v > 0 && !Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double ylo = Math.log10(lo * 0.9);
        double yhi = Math.log10(hi * 1.1);
        if (yhi - ylo < 0.1) {
            yhi = ylo + 0.1;
        }
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(L, T, W - L - R, H - T - B);
        g.setColor(Color.DARK_GRAY);
        for (int k = 0; k <= 5; k++) {
            double v = Math.pow(10, ylo + (yhi - ylo) * k / 5);
            int y = (int) y(v, ylo, yhi);
            g.drawLine(L - 4, y, L, y);
            g.drawString(String.format(Locale.ROOT, "%.3g", v), 5, y + 4);
            int step = minStep + (maxStep - minStep) * k / 5;
            int x = (int) x(step, minStep, maxStep);
            g.drawLine(x, H - B, x, H - B + 4);
            g.drawString(Integer.toString(step), x - 10, H - B + 18);
        }
        g.drawString("step", W / 2, H - 10);
        g.setStroke(new BasicStroke(1.8f));
        plot(g, rows, smooth, new Color(0x1f77b4), ylo, yhi, minStep, maxStep);
        plot(g, rows, nip, new Color(0xff7f0e), ylo, yhi, minStep, maxStep);
        g.setColor(new Color(0x2ca02c));
        for (TrainLog.Row r : rows) {
            if (!Float.isNaN(r.val())) {
                int x = (int) x(r.step(), minStep, maxStep);
                int y = (int) y(r.val(), ylo, yhi);
                g.fillOval(x - 4, y - 4, 8, 8);
            }
        }
        int lx = W - R - 290;
        legend(g, lx, T + 15, new Color(0x1f77b4), "train loss (NIP+CSP+NSP), running mean");
        legend(g, lx, T + 32, new Color(0xff7f0e), "NIP loss, running mean");
        legend(g, lx, T + 49, new Color(0x2ca02c), "validation loss (EMA weights)");
    }

    /** Redraws {@code loss.png} from a {@code train.csv}: {@code LossCurve CSV PNG TITLE}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LossCurve TRAIN_CSV OUT_PNG [TITLE]");
            System.exit(2);
        }
        List<TrainLog.Row> rows = TrainLog.read(Path.of(args[0]));
        if (rows.isEmpty()) {
            // Never replace a good chart with an empty one because the wrong file was given.
            System.err.println(args[0] + " has no training steps; " + args[1] + " was left as it is");
            System.exit(1);
        }
        write(rows, args.length > 2 ? args[2] : "", Path.of(args[1]));
    }

    private static void legend(Graphics2D g, int x, int y, Color c, String text) {
        g.setColor(c);
        g.fillRect(x, y - 8, 14, 8);
        g.setColor(Color.BLACK);
        g.drawString(text, x + 20, y);
    }

    private static void plot(Graphics2D g, List<TrainLog.Row> rows, double[] v, Color c, double ylo, double yhi,
                             int minStep, int maxStep) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < rows.size(); i++) {
            double x = x(rows.get(i).step(), minStep, maxStep);
            double y = y(v[i], ylo, yhi);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        g.setColor(c);
        g.draw(p);
    }

    private static double x(int step, int minStep, int maxStep) {
        return L + (W - L - R) * (maxStep == minStep ? 0.5 : (step - minStep) / (double) (maxStep - minStep));
    }

    private static double y(double v, double ylo, double yhi) {
        return T + (H - T - B) * (1 - (Math.log10(Math.max(v, 1e-12)) - ylo) / (yhi - ylo));
    }
}
