package studio.vincie.session.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.session.EditSettings;
import studio.vincie.session.Session;
import studio.vincie.session.Turn;

class StoryboardPdfTest {

    @TempDir
    Path dir;

    @Test
    void pdfHasSixTurnsPerPageWithImagesAndInstructions() throws IOException {
        Session s = SessionFixtures.branchedSession();
        Turn parent = s.findById("t2").orElseThrow();
        for (int i = 0; i < 4; i++) { // 8 turns in all -> 2 pages
            Turn t = Turn.builder().instruction("step " + i + " adds a lamp").image(SessionFixtures.noise(40, 30, 10 + i))
                    .settings(new EditSettings(i, 4, 2f)).build();
            s.attach(parent, t, 0);
            parent = t;
        }
        List<Turn> turns = s.allTurns();
        assertThat(turns).hasSize(8);
        Path file = dir.resolve("board.pdf");
        StoryboardExporter.exportPdf(s, turns, file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Kitchen story");
            assertThat(imagesOn(doc.getPage(0))).hasSize(6);
            assertThat(imagesOn(doc.getPage(1))).hasSize(2);
            // Images are embedded losslessly: the source decodes to the same pixels.
            SessionFixtures.assertSamePixels(ImageFiles.toRgb(imagesOn(doc.getPage(0)).get(0).getImage()), s.root().image());
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Kitchen story", "Source", "Turn 1", "add a red mug on the table", "step 3 adds a lamp");
            // Characters Helvetica cannot encode are replaced, not fatal.
            assertThat(text).contains("turn the lights off");
        }
    }

    private static List<PDImageXObject> imagesOn(PDPage page) throws IOException {
        List<PDImageXObject> out = new ArrayList<>();
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
                out.add(img);
            }
        }
        return out;
    }
}
