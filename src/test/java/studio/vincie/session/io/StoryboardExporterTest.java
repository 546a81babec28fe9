package studio.vincie.session.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.session.Session;
import studio.vincie.session.Turn;

class StoryboardExporterTest {

    @TempDir
    Path dir;

    @Test
    void gridSizeFollowsTheTurnCount() {
        int cell = StoryboardExporter.CELL_SIZE;
        int pad = StoryboardExporter.PADDING;
        int rowHeight = cell + StoryboardExporter.CAPTION_HEIGHT + pad;
        assertThat(StoryboardExporter.size(1)).isEqualTo(new Dimension(pad + (cell + pad), StoryboardExporter.TITLE_HEIGHT + rowHeight + pad));
        assertThat(StoryboardExporter.size(4)).isEqualTo(new Dimension(pad + 4 * (cell + pad), StoryboardExporter.TITLE_HEIGHT + rowHeight + pad));
        assertThat(StoryboardExporter.size(5)).isEqualTo(new Dimension(pad + 4 * (cell + pad), StoryboardExporter.TITLE_HEIGHT + 2 * rowHeight + pad));
        assertThatThrownBy(() -> StoryboardExporter.size(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exportedPngHasTheGridSizeAndShowsImagesAndCaptions() throws IOException {
        Session s = SessionFixtures.branchedSession();
        List<Turn> turns = s.allTurns(); // 4 turns: one row of four
        Path file = dir.resolve("board.png");
        StoryboardExporter.exportPng(s, turns, file);

        BufferedImage board = ImageFiles.read(file);
        Dimension expected = StoryboardExporter.size(4);
        assertThat(board.getWidth()).isEqualTo(expected.width);
        assertThat(board.getHeight()).isEqualTo(expected.height);

        int pad = StoryboardExporter.PADDING;
        int cell = StoryboardExporter.CELL_SIZE;
        int top = StoryboardExporter.TITLE_HEIGHT;
        // Each cell's centre shows its image (the fixtures are noisy, so many distinct colours).
        for (int i = 0; i < 4; i++) {
            int cx = pad + i * (cell + pad) + cell / 2;
            assertThat(distinctColours(board, cx - 20, top + cell / 2 - 20, 40, 40)).as("cell %d", i).isGreaterThan(50);
            // The caption band under the image has dark text pixels.
            assertThat(darkPixels(board, pad + i * (cell + pad), top + cell, cell, StoryboardExporter.CAPTION_HEIGHT))
                    .as("caption %d", i).isGreaterThan(20);
        }
        assertThat(darkPixels(board, 0, 0, board.getWidth(), top)).as("title").isGreaterThan(20);
        assertThat(ImageFiles.readPngText(file)).containsEntry("Title", "Kitchen story");
    }

    @Test
    void branchOverloadExportsSourceToCurrent() throws IOException {
        Session s = SessionFixtures.branchedSession(); // current t3: root, t1, t3
        Path file = dir.resolve("branch.png");
        StoryboardExporter.exportPng(s, file);
        assertThat(ImageFiles.read(file).getWidth()).isEqualTo(StoryboardExporter.size(3).width);
    }

    @Test
    void longInstructionsAreWrappedWithinTheCaption() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        var g = scratch.createGraphics();
        var fm = g.getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
        String text = "replace the old wooden kitchen table with a long glass table and put three green apples "
                + "and a tall white vase with yellow tulips on it, then make the evening light warmer";
        List<String> lines = StoryboardExporter.wrap(text, fm, StoryboardExporter.CELL_SIZE, StoryboardExporter.CAPTION_LINES);
        g.dispose();

        assertThat(lines).hasSizeBetween(2, StoryboardExporter.CAPTION_LINES);
        assertThat(lines).allSatisfy(l -> assertThat(fm.stringWidth(l)).isLessThanOrEqualTo(StoryboardExporter.CELL_SIZE));
        assertThat(lines.get(0)).startsWith("replace the old");
    }

    @Test
    void turnsFromAnotherSessionAreRejected() {
        Session s = SessionFixtures.branchedSession();
        Session other = SessionFixtures.branchedSession();
        assertThatThrownBy(() -> StoryboardExporter.render(s, List.of(other.root())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoryboardExporter.render(s, List.of()))
                .hasMessageContaining("at least one turn");
    }

    private static int distinctColours(BufferedImage img, int x, int y, int w, int h) {
        return (int) java.util.Arrays.stream(img.getRGB(x, y, w, h, null, 0, w)).distinct().count();
    }

    private static int darkPixels(BufferedImage img, int x, int y, int w, int h) {
        int n = 0;
        for (int p : img.getRGB(x, y, w, h, null, 0, w)) {
            int lum = ((p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff)) / 3;
            if (lum < 100) {
                n++;
            }
        }
        return n;
    }
}
