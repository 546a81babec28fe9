package studio.vincie.session.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.session.Session;
import studio.vincie.session.Turn;

class TurnExporterTest {

    @TempDir
    Path dir;

    @Test
    void exportedTurnCarriesItsInstructionAndSettings() throws IOException {
        Session s = SessionFixtures.branchedSession();
        Turn t1 = s.findById("t1").orElseThrow();
        Path file = dir.resolve("turn1.png");
        TurnExporter.exportPng(t1, file);

        assertThat(ImageFiles.readPngText(file))
                .containsEntry("vincie:instruction", "add a red mug on the table")
                .containsEntry("vincie:turn", "1")
                .containsEntry("vincie:seed", "42")
                .containsEntry("vincie:steps", "20")
                .containsEntry("vincie:guidance", "3.5")
                .containsEntry("vincie:model", "vincie-tiny");
        SessionFixtures.assertSamePixels(ImageFiles.read(file), t1.image());
    }

    @Test
    void nonLatinInstructionSurvivesInUtf8Text() throws IOException {
        Session s = SessionFixtures.branchedSession();
        Turn t3 = s.findById("t3").orElseThrow();
        Path file = dir.resolve("turn3.png");
        TurnExporter.exportPng(t3, file);

        assertThat(ImageFiles.readPngText(file))
                .containsEntry("vincie:instruction", "turn the lights off — ünïcode ✓")
                .containsEntry("vincie:turn", "2");
    }
}
