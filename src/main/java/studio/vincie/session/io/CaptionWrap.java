package studio.vincie.session.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrap and ellipsizing of storyboard captions, shared by the PNG ({@link StoryboardExporter},
 * AWT font metrics) and the PDF ({@link StoryboardPdf}, PDFBox font widths) storyboards. The caller
 * passes how wide a string is and which ellipsis its font can draw.
 */
final class CaptionWrap {

    /** The drawn width of a string in the caller's units; PDFBox's may throw an IOException. */
    @FunctionalInterface
    interface Width<E extends Exception> {
        float of(String s) throws E;
    }

    private CaptionWrap() {
    }

    /**
     * Wraps {@code text} into at most {@code maxLines} lines no wider than {@code maxWidth}; a word wider
     * than a line is cut, and the last line is ellipsized (with {@code overflowMark} appended first) if
     * text remains.
     */
    static <E extends Exception> List<String> wrap(String text, Width<E> width, float maxWidth, int maxLines,
            String ellipsis, String overflowMark) throws E {
        List<String> lines = new ArrayList<>();
        String[] words = text == null ? new String[0] : text.trim().split("\\s+");
        StringBuilder line = new StringBuilder();
        int i = 0;
        while (i < words.length && lines.size() < maxLines) {
            String word = words[i];
            if (word.isEmpty()) {
                i++;
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width.of(candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                i++;
            } else if (line.length() == 0) {
                // A single word wider than the cell: cut it.
                lines.add(ellipsize(word, width, maxWidth, ellipsis));
                i++;
            } else {
                lines.add(line.toString());
                line.setLength(0);
            }
        }
        if (line.length() > 0 && lines.size() < maxLines) {
            lines.add(line.toString());
        }
        if (i < words.length && !lines.isEmpty()) {
            int last = lines.size() - 1;
            lines.set(last, ellipsize(lines.get(last) + " " + words[i] + overflowMark, width, maxWidth, ellipsis));
        }
        return lines;
    }

    /** {@code s} unchanged if it fits, else its longest prefix that fits with {@code ellipsis} appended. */
    static <E extends Exception> String ellipsize(String s, Width<E> width, float maxWidth, String ellipsis) throws E {
        if (width.of(s) <= maxWidth) {
            return s;
        }
        int end = s.length();
        while (end > 0 && width.of(s.substring(0, end) + ellipsis) > maxWidth) {
            end--;
        }
        return s.substring(0, end) + ellipsis;
    }
}
