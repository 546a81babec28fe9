package studio.vincie.session.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import studio.vincie.session.Session;
import studio.vincie.session.Turn;

/**
 * The storyboard as a PDF (Apache PDFBox): A4 landscape pages of {@link #COLUMNS} x {@link #ROWS}
 * cells, each the turn image (embedded losslessly) with "Source"/"Turn k" and the word-wrapped
 * instruction under it; every page is headed by the session title and page number. Text uses the
 * built-in Helvetica, so characters outside WinAnsi (Latin-1 plus a few) are printed as '?'.
 * Entry point: {@link StoryboardExporter#exportPdf(Session, List, Path)}.
 */
final class StoryboardPdf {

    static final int COLUMNS = 3;
    static final int ROWS = 2;
    static final int PER_PAGE = COLUMNS * ROWS;

    private static final float MARGIN = 36;
    private static final float GAP = 18;
    private static final float HEADER = 34;
    private static final float LABEL_SIZE = 11;
    private static final float TEXT_SIZE = 10;
    private static final float LEADING = 12.5f;
    private static final int CAPTION_LINES = 4;
    private static final float CAPTION = LEADING * (CAPTION_LINES + 1) + 6;

    private StoryboardPdf() {
    }

    static void write(Session session, List<Turn> turns, Path file) throws IOException {
        PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDFont plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(session.title());
            info.setCreator("Vincie Studio " + SessionFormat.appVersion());
            int pages = (turns.size() + PER_PAGE - 1) / PER_PAGE;
            float cellW = (a4.getWidth() - 2 * MARGIN - (COLUMNS - 1) * GAP) / COLUMNS;
            float cellH = (a4.getHeight() - 2 * MARGIN - HEADER - (ROWS - 1) * GAP) / ROWS;
            float imageH = cellH - CAPTION;
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(a4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    String header = session.title() + (pages > 1 ? "  (" + (p + 1) + "/" + pages + ")" : "");
                    text(cs, bold, 16, MARGIN, a4.getHeight() - MARGIN - 16, fit(header, bold, 16, a4.getWidth() - 2 * MARGIN));
                    for (int i = p * PER_PAGE; i < Math.min(turns.size(), (p + 1) * PER_PAGE); i++) {
                        int slot = i - p * PER_PAGE;
                        float x = MARGIN + (slot % COLUMNS) * (cellW + GAP);
                        float top = a4.getHeight() - MARGIN - HEADER - (slot / COLUMNS) * (cellH + GAP);
                        drawCell(doc, cs, turns.get(i), x, top, cellW, imageH, bold, plain);
                    }
                }
            }
            AtomicFiles.write(file, doc::save);
        }
    }

    private static void drawCell(PDDocument doc, PDPageContentStream cs, Turn turn, float x, float top,
            float w, float imageH, PDFont bold, PDFont plain) throws IOException {
        BufferedImage img = turn.image();
        PDImageXObject xobj = LosslessFactory.createFromImage(doc, img);
        float scale = Math.min(w / img.getWidth(), imageH / img.getHeight());
        float iw = img.getWidth() * scale;
        float ih = img.getHeight() * scale;
        // PDF y grows upwards: the image sits on the caption, like the PNG storyboard.
        float imageBottom = top - imageH;
        cs.drawImage(xobj, x + (w - iw) / 2, imageBottom, iw, ih);
        float baseline = imageBottom - LEADING;
        text(cs, bold, LABEL_SIZE, x, baseline, turn.isRoot() ? "Source" : "Turn " + turn.depth());
        for (String line : wrap(turn.instruction(), plain, TEXT_SIZE, w, CAPTION_LINES)) {
            baseline -= LEADING;
            text(cs, plain, TEXT_SIZE, x, baseline, line);
        }
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    /** Replaces characters the standard font cannot encode, so odd input never breaks an export. */
    static String printable(String s, PDFont font) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static float width(String s, PDFont font, float size) throws IOException {
        return font.getStringWidth(s) / 1000f * size;
    }

    private static String fit(String s, PDFont font, float size, float maxWidth) throws IOException {
        return CaptionWrap.ellipsize(printable(s, font), t -> width(t, font, size), maxWidth, "...");
    }

    static List<String> wrap(String text, PDFont font, float size, float maxWidth, int maxLines) throws IOException {
        // printable() before splitting, as the font cannot draw every character; its output is already printable.
        return CaptionWrap.wrap(printable(text == null ? "" : text.trim(), font), t -> width(t, font, size), maxWidth,
                maxLines, "...", " ...");
    }
}
