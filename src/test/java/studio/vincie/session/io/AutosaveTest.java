package studio.vincie.session.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.session.Session;
import studio.vincie.session.Turn;

class AutosaveTest {

    @TempDir
    Path dir;

    @Test
    void keepsOnlyTheLatestAndRecoversIt() throws IOException {
        Autosave autosave = new Autosave(dir.resolve("nested/autosave"));
        assertThat(autosave.latest()).isEmpty();

        autosave.save(new Session(Turn.source(SessionFixtures.noise(8, 8, 1)), "first"));
        Session second = SessionFixtures.branchedSession();
        autosave.save(second);

        assertThat(autosave.latest()).isPresent();
        try (var files = Files.list(autosave.directory())) {
            assertThat(files.count()).isEqualTo(1);
        }
        Session recovered = SessionStore.load(autosave.latest().orElseThrow());
        assertThat(recovered.title()).isEqualTo("Kitchen story");
        assertThat(recovered.size()).isEqualTo(4);
    }

    @Test
    void clearRemovesTheAutosaveAndCrashLeftovers() throws IOException {
        Autosave autosave = new Autosave(dir);
        autosave.save(SessionFixtures.branchedSession());
        Path leftover = Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "123.part"), "half");
        Path unrelated = Files.writeString(dir.resolve("keep.txt"), "mine");

        autosave.clear();

        assertThat(autosave.latest()).isEmpty();
        assertThat(leftover).doesNotExist();
        assertThat(unrelated).exists();
        autosave.clear(); // idempotent
    }
}
