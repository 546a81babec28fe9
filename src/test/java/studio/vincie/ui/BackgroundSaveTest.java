package studio.vincie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.session.EditSettings;
import studio.vincie.session.ScriptedEditModel;
import studio.vincie.session.SessionController;
import studio.vincie.session.TestImages;
import studio.vincie.session.io.Autosave;
import studio.vincie.session.io.SessionStore;
import studio.vincie.ui.file.FileViewModel;

/**
 * Save writes on the io thread: the session is captured when Save is chosen, edits made while the
 * file is written stay unsaved, a failure leaves the session unsaved, and the prompt before losing
 * work waits for a save in flight.
 */
class BackgroundSaveTest {

    @TempDir
    Path dir;

    private final SessionController controller = new SessionController(Runnable::run, Runnable::run);
    private final RecordingErrors errors = new RecordingErrors();
    /** The io thread, run by hand. */
    private final Queue<Runnable> io = new ArrayDeque<>();
    /** The session's thread, run by hand. */
    private final Queue<Runnable> foreground = new ArrayDeque<>();
    private FileViewModel files;
    private ExecutorService ioThread;

    @BeforeEach
    void setUp() throws Exception {
        files = new FileViewModel(controller, new Autosave(dir.resolve("autosave")), errors, io::add, foreground::add);
        controller.setModel(new ScriptedEditModel());
        Path image = dir.resolve("street.png");
        ImageIO.write(TestImages.gradient(40, 30), "png", image.toFile());
        files.openImage(image);
        controller.edit("one", null, new EditSettings(3, 2, 1f));
    }

    @AfterEach
    void stopIoThread() throws InterruptedException {
        if (ioThread != null) {
            ioThread.shutdownNow();
            ioThread.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Files written on a real io thread (so waiting can block on it), continuations queued on {@code later}. */
    private void writeOnARealThread(Queue<Runnable> later) {
        ioThread = Executors.newSingleThreadExecutor();
        files = new FileViewModel(controller, new Autosave(dir.resolve("autosave")), errors, ioThread, later::add);
    }

    /** A path no save can write: its parent is a file. */
    private Path unwritable(String name) throws Exception {
        Path notAFolder = dir.resolve("file");
        if (!Files.exists(notAFolder)) {
            Files.writeString(notAFolder, "x");
        }
        return notAFolder.resolve(name);
    }

    private static void runAll(Queue<Runnable> queue) {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    @Test
    void theFileHoldsTheSessionAsItWasWhenSaveWasChosenAndLaterEditsStayUnsaved() throws Exception {
        Path file = dir.resolve("walk.vincie");
        CompletableFuture<Boolean> saved = files.saveAs(file);
        assertThat(files.savingProperty().get()).isTrue();
        assertThat(Files.exists(file)).as("nothing is written on the session's thread").isFalse();
        controller.edit("two", null, new EditSettings(3, 2, 1f)); // while the file is being written

        runAll(io);
        assertThat(Files.exists(file)).isTrue();
        assertThat(saved).isNotDone(); // the bookkeeping waits for the session's thread
        runAll(foreground);
        assertThat(saved.join()).isTrue();
        assertThat(files.savingProperty().get()).isFalse();
        assertThat(files.currentFileProperty().get()).isEqualTo(file);
        assertThat(files.dirtyProperty().get()).as("the edit made during the save is not in the file").isTrue();
        assertThat(SessionStore.load(file).size()).isEqualTo(2);
        assertThat(controller.session().size()).isEqualTo(3);

        controller.undo(); // back to what the file holds
        assertThat(files.dirtyProperty().get()).isFalse();
    }

    @Test
    void undoingPastTheSavedStateAndEditingAnewLeavesNothingClean() {
        CompletableFuture<Boolean> saved = files.saveAs(dir.resolve("walk.vincie"));
        controller.undo();
        controller.edit("other", null, new EditSettings(3, 2, 1f)); // drops the saved state from the history
        runAll(io);
        runAll(foreground);
        assertThat(saved.join()).isTrue();
        assertThat(files.dirtyProperty().get()).isTrue();
        controller.undo();
        assertThat(files.dirtyProperty().get()).as("the root is not what was saved").isTrue();
    }

    @Test
    void aFailedSaveIsReportedAndTheSessionStaysUnsaved() throws Exception {
        CompletableFuture<Boolean> saved = files.saveAs(unwritable("walk.vincie"));
        runAll(io);
        runAll(foreground);
        assertThat(saved.join()).isFalse();
        assertThat(errors.titles).containsExactly("Cannot save session");
        assertThat(errors.messages.get(0)).contains("try another folder");
        assertThat(files.dirtyProperty().get()).isTrue();
        assertThat(files.currentFileProperty().get()).isNull();
        assertThat(files.savingProperty().get()).isFalse();
    }

    @Test
    void aSaveThatEndsAfterAnotherSessionWasOpenedLeavesTheNewOneAlone() {
        files.saveAs(dir.resolve("walk.vincie"));
        files.newSession();
        files.openImage(dir.resolve("street.png"));
        assertThat(files.saveTarget()).as("Save of the new session must not go to the old one's file").isNull();
        runAll(io);
        runAll(foreground);
        assertThat(files.currentFileProperty().get()).isNull();
        assertThat(files.dirtyProperty().get()).isTrue();
        assertThat(files.titleProperty().get()).startsWith("street*");
    }

    @Test
    void waitingForSavesFinishesThemOnTheCallingThreadOnce() throws Exception {
        Queue<Runnable> later = new ArrayDeque<>();
        writeOnARealThread(later);
        Path file = dir.resolve("walk.vincie");
        CompletableFuture<Boolean> saved = files.saveAs(file);

        files.awaitSaves(); // what the unsaved-changes prompt does first
        assertThat(Files.exists(file)).isTrue();
        assertThat(files.dirtyProperty().get()).as("nothing left to ask about").isFalse();
        assertThat(files.savingProperty().get()).isFalse();

        ioThread.submit(() -> { }).get(5, TimeUnit.SECONDS); // the continuation is queued by now
        runAll(later); // the queued bookkeeping finds the save done and changes nothing
        assertThat(saved.join()).isTrue();
        assertThat(files.dirtyProperty().get()).isFalse();
        assertThat(errors.titles).isEmpty();

        controller.edit("two", null, new EditSettings(3, 2, 1f));
        assertThat(files.saveAndWait()).isTrue();
        assertThat(files.dirtyProperty().get()).isFalse();
        assertThat(SessionStore.load(file).size()).isEqualTo(3);
    }

    @Test
    void saveRightAfterSaveAsGoesToTheNewFile() {
        Path first = dir.resolve("first.vincie");
        Path second = dir.resolve("second.vincie");
        files.saveAs(first);
        runAll(io);
        runAll(foreground);
        controller.edit("two", null, new EditSettings(3, 2, 1f));
        files.saveAs(second);
        assertThat(files.saveTarget()).isEqualTo(second);
        files.save(); // Ctrl+S while Save As still writes
        runAll(io);
        runAll(foreground);
        assertThat(files.currentFileProperty().get()).isEqualTo(second);
        assertThat(files.titleProperty().get()).startsWith("second —");
        assertThat(files.dirtyProperty().get()).isFalse();
    }

    @Test
    void theAutosaveStaysWhileEditsMadeDuringTheSaveAreUnsaved() {
        files.autosaveIfDirty();
        runAll(io);
        assertThat(files.recoverable()).isPresent();
        files.saveAs(dir.resolve("walk.vincie"));
        controller.edit("two", null, new EditSettings(3, 2, 1f));
        runAll(io);
        runAll(foreground);
        runAll(io);
        assertThat(files.recoverable()).as("it still guards the edit made during the save").isPresent();

        files.saveAs(dir.resolve("walk.vincie"));
        runAll(io);
        runAll(foreground);
        runAll(io);
        assertThat(files.recoverable()).isEmpty();
    }

    @Test
    void aFailedSaveAsKeepsTheTitleAndALaterSaveSucceeds() throws Exception {
        files.saveAs(unwritable("elsewhere.vincie"));
        Path good = dir.resolve("good.vincie");
        files.saveAs(good);
        runAll(io);
        runAll(foreground);
        assertThat(errors.titles).containsExactly("Cannot save session");
        assertThat(files.currentFileProperty().get()).isEqualTo(good);
        assertThat(files.dirtyProperty().get()).isFalse();
        assertThat(controller.session().title()).isEqualTo("good");
        assertThat(SessionStore.load(good).title()).isEqualTo("good");

        files.saveAs(unwritable("again.vincie"));
        runAll(io);
        runAll(foreground);
        assertThat(controller.session().title()).as("a failed Save As renames nothing").isEqualTo("good");
        assertThat(files.currentFileProperty().get()).isEqualTo(good);
    }

    @Test
    void aFailedSaveFinishedByWaitingIsReportedOnce() throws Exception {
        Queue<Runnable> later = new ArrayDeque<>();
        writeOnARealThread(later);
        CompletableFuture<Boolean> saved = files.saveAs(unwritable("walk.vincie"));
        files.awaitSaves();
        assertThat(errors.titles).containsExactly("Cannot save session");
        ioThread.submit(() -> { }).get(5, TimeUnit.SECONDS);
        runAll(later);
        assertThat(saved.join()).isFalse();
        assertThat(errors.titles).as("reported once").hasSize(1);
        assertThat(files.dirtyProperty().get()).isTrue();
    }
}
