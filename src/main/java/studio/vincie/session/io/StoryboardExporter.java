package studio.vincie.session.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.session.Session;
import studio.vincie.session.Turn;

/**
 * Renders turns of a session as a storyboard: the session title on top, then a grid of up to
 * {@link #MAX_COLUMNS} cells per row, each the turn's image scaled to fit a
 * {@link #CELL_SIZE}-pixel square with its turn number and instruction (word-wrapped, at most
 * {@link #CAPTION_LINES} lines) under it. The layout depends only on the number of turns, see
 * {@link #size(int)}, so tests and the UI can predict it.
 */
public final class StoryboardExporter {

    private static final Logger LOG = LoggerFactory.getLogger(StoryboardExporter.class);

    public static final int MAX_COLUMNS = 4;
    /** Side of the square each image is fitted into, in pixels. */
    public static final int CELL_SIZE = 256;
    public static final int PADDING = 16;
    public static final int TITLE_HEIGHT = 56;
    public static final int CAPTION_LINES = 4;
    public static final int LINE_HEIGHT = 18;
    /** Height of the caption block under each image: a turn-number line plus the instruction lines. */
    public static final int CAPTION_HEIGHT = (CAPTION_LINES + 1) * LINE_HEIGHT + 8;

    private static final Color BACKGROUND = Color.WHITE;
    private static final Color TEXT = new Color(0x20, 0x20, 0x20);
    private static final String ELLIPSIS = "\u2026";
    private static final Color FRAME = new Color(0xc8, 0xc8, 0xc8);

    private StoryboardExporter() {
    }

    /** Pixel size of a storyboard of {@code turnCount} turns. */
    public static Dimension size(int turnCount) {
        if (turnCount < 1) {
            throw new IllegalArgumentException("a storyboard needs at least one turn");
        }
        int cols = Math.min(MAX_COLUMNS, turnCount);
        int rows = (turnCount + cols - 1) / cols;
        return new Dimension(PADDING + cols * (CELL_SIZE + PADDING),
                TITLE_HEIGHT + rows * (CELL_SIZE + CAPTION_HEIGHT + PADDING) + PADDING);
    }

    /** Storyboard of the current branch (source to current turn). */
    public static void exportPng(Session session, Path file) throws IOException {
        exportPng(session, session.branch(), file);
    }

    /** Writes the storyboard of {@code turns} (in the given order) as a PNG, atomically. */
    public static void exportPng(Session session, List<Turn> turns, Path file) throws IOException {
        BufferedImage board = render(session, turns);
        Map<String, String> text = new LinkedHashMap<>();
        text.put("Title", session.title());
        text.put("Software", "Vincie Studio " + SessionFormat.appVersion());
        ImageFiles.writePng(board, file, text);
        LOG.info("Exported storyboard of {} turns ({}x{}) to {}", turns.size(), board.getWidth(), board.getHeight(), file);
    }

    /**
     * Writes the storyboard of {@code turns} as a PDF (A4 landscape, 3 x 2 turns per page, images
     * embedded losslessly), atomically. See {@code docs/session-format.md}.
     */
    public static void exportPdf(Session session, List<Turn> turns, Path file) throws IOException {
        validate(session, turns);
        StoryboardPdf.write(session, turns, file);
        LOG.info("Exported storyboard PDF of {} turns to {}", turns.size(), file);
    }

    /** Renders the storyboard image without writing it. */
    public static BufferedImage render(Session session, List<Turn> turns) {
        validate(session, turns);
        Dimension size = size(turns.size());
        int cols = Math.min(MAX_COLUMNS, turns.size());
        BufferedImage board = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = board.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, size.width, size.height);
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
            g.drawString(ellipsize(session.title(), g.getFontMetrics(), size.width - 2 * PADDING), PADDING, TITLE_HEIGHT - 18);
            for (int i = 0; i < turns.size(); i++) {
                int x = PADDING + (i % cols) * (CELL_SIZE + PADDING);
                int y = TITLE_HEIGHT + (i / cols) * (CELL_SIZE + CAPTION_HEIGHT + PADDING);
                drawCell(g, turns.get(i), x, y);
            }
        } finally {
            g.dispose();
        }
        return board;
    }

    private static void validate(Session session, List<Turn> turns) {
        Objects.requireNonNull(session, "session");
        if (turns == null || turns.isEmpty()) {
            throw new IllegalArgumentException("Select at least one turn to export a storyboard.");
        }
        for (Turn t : turns) {
            if (!session.contains(t)) {
                throw new IllegalArgumentException("turn is not part of the session: " + t);
            }
        }
    }

    private static void drawCell(Graphics2D g, Turn turn, int x, int y) {
        BufferedImage img = turn.image();
        double scale = Math.min((double) CELL_SIZE / img.getWidth(), (double) CELL_SIZE / img.getHeight());
        int w = Math.max(1, (int) Math.round(img.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(img.getHeight() * scale));
        int ix = x + (CELL_SIZE - w) / 2;
        // Bottom-aligned, so the caption sits right under the picture whatever its aspect ratio.
        int iy = y + CELL_SIZE - h;
        g.drawImage(img, ix, iy, w, h, null);
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(ix - 1, iy - 1, w + 1, h + 1);

        g.setColor(TEXT);
        int baseline = y + CELL_SIZE + LINE_HEIGHT;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(turn.isRoot() ? "Source" : "Turn " + turn.depth(), x, baseline);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (String line : wrap(turn.instruction(), g.getFontMetrics(), CELL_SIZE, CAPTION_LINES)) {
            baseline += LINE_HEIGHT;
            g.drawString(line, x, baseline);
        }
    }

    /** Greedy word wrap into at most {@code maxLines} lines; the last line is ellipsized if text remains. */
    static List<String> wrap(String text, FontMetrics fm, int width, int maxLines) {
        return CaptionWrap.wrap(text, fm::stringWidth, width, maxLines, ELLIPSIS, ELLIPSIS);
    }

    static String ellipsize(String s, FontMetrics fm, int width) {
        return CaptionWrap.ellipsize(s, fm::stringWidth, width, ELLIPSIS);
    }
}
