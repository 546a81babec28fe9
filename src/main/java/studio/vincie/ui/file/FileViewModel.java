package studio.vincie.ui.file;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.session.Session;
import studio.vincie.session.SessionController;
import studio.vincie.session.SessionEvent;
import studio.vincie.session.io.Autosave;
import studio.vincie.session.io.ImageFiles;
import studio.vincie.session.io.SessionSnapshot;
import studio.vincie.session.io.SessionStore;
import studio.vincie.session.io.StoryboardExporter;
import studio.vincie.ui.ErrorReporter;

/**
 * Files of the editor: new session, open an image or a {@code .vincie} session (also by drop), save,
 * save as, storyboard export, autosave and recovery, and the window title with its unsaved-changes
 * star. Choosing files and confirming overwrites or discards is the view's job; this class only acts
 * on the paths it is given and reports failures without touching what is open.
 */
public final class FileViewModel {

    private static final Logger log = LoggerFactory.getLogger(FileViewModel.class);
    private static final String APP = "Vincie Studio";
    static final String STUDIO_SCENE_TITLE = "Studio scene";

    private final SessionController controller;
    private final Autosave autosave;
    private final ErrorReporter errors;
    private final Executor io;
    private final Executor foreground;
    /** Random studio-world scenes for File > New studio scene; null when the app offers none. */
    private final Supplier<BufferedImage> studioScenes;

    private final ReadOnlyObjectWrapper<Path> currentFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasSession = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    /** Saves begun and not yet done with, oldest first (touched on the session's thread only). */
    private final List<PendingSave> unfinished = new ArrayList<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP);
    /** A recovered autosave is unsaved work even though the controller read it from disk. */
    private boolean recovered;

    /**
     * @param io         where saves and autosaves are written and cleared, in order (a single background
     *                   thread in the editor, so writing never stalls the window; same-thread in tests)
     * @param foreground the thread that owns the session ({@code Platform::runLater}; same-thread in tests)
     */
    public FileViewModel(SessionController controller, Autosave autosave, ErrorReporter errors, Executor io,
                         Executor foreground) {
        this(controller, autosave, errors, io, foreground, null);
    }

    /**
     * @param studioScenes draws a fresh random scene of the world the model was trained on (the app
     *                     passes the studio world's sampler), or null to offer no studio scenes
     */
    public FileViewModel(SessionController controller, Autosave autosave, ErrorReporter errors, Executor io,
                         Executor foreground, Supplier<BufferedImage> studioScenes) {
        this.studioScenes = studioScenes;
        this.foreground = Objects.requireNonNull(foreground, "foreground");
        this.controller = Objects.requireNonNull(controller, "controller");
        this.io = Objects.requireNonNull(io, "io");
        this.autosave = Objects.requireNonNull(autosave, "autosave");
        this.errors = Objects.requireNonNull(errors, "errors");
        controller.addListener(this::onEvent);
        refresh();
    }

    // Properties

    /** The .vincie file the session was last opened from or saved to; null for a new session. */
    public ReadOnlyObjectProperty<Path> currentFileProperty() {
        return currentFile.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasSessionProperty() {
        return hasSession.getReadOnlyProperty();
    }

    /** "name* — Vincie Studio" ({@code *} when there are unsaved changes). */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public boolean isSessionFile(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SessionStore.EXTENSION);
    }

    /** Whether a file dropped on the window is something the editor opens. */
    public boolean canOpen(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return isSessionFile(file) || name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    /** The file a save to {@code file} writes: the same path, with ".vincie" added when missing. */
    public Path sessionFileFor(Path file) {
        return isSessionFile(file) ? file : file.resolveSibling(file.getFileName() + SessionStore.EXTENSION);
    }

    // Commands

    /** Closes the session; the view asks about unsaved changes first. */
    public void newSession() {
        controller.close();
        currentFile.set(null);
        recovered = false;
        refresh();
    }

    /** Whether File > New studio scene has scenes to offer. */
    public boolean hasStudioScenes() {
        return studioScenes != null;
    }

    /**
     * Starts a new, unsaved session from a random studio scene (a fresh one each time), so a newcomer
     * can try the model on what it knows; the view asks about unsaved changes first.
     */
    public boolean newStudioScene() {
        if (studioScenes == null) {
            return false;
        }
        BufferedImage scene;
        try {
            scene = studioScenes.get();
        } catch (RuntimeException e) {
            log.warn("cannot draw a studio scene", e);
            errors.report("Cannot create a studio scene", String.valueOf(e.getMessage()));
            return false;
        }
        controller.startFrom(scene, STUDIO_SCENE_TITLE);
        return opened(null);
    }

    /** Opens a session file or starts a new session from an image, depending on the extension. */
    public boolean open(Path file) {
        return isSessionFile(file) ? openSession(file) : openImage(file);
    }

    /** Starts a new session from a PNG/JPEG; on failure nothing changes and the user sees why. */
    public boolean openImage(Path file) {
        BufferedImage image;
        try {
            image = ImageFiles.read(file);
        } catch (IOException e) {
            log.debug("cannot read image {}", file, e);
            errors.report("Cannot open image", e.getMessage());
            return false;
        }
        controller.startFrom(image, baseName(file));
        return opened(null);
    }

    public boolean openSession(Path file) {
        Session session;
        try {
            session = SessionStore.load(file);
        } catch (IOException e) {
            log.debug("cannot load session {}", file, e);
            errors.report("Cannot open session", e.getMessage());
            return false;
        }
        controller.open(session);
        return opened(file);
    }

    /**
     * Saves to the current file in the background; the future says whether it was written (false at
     * once when there is no file yet: the view then asks Save As).
     */
    public CompletableFuture<Boolean> save() {
        Path file = saveTarget();
        return file == null ? CompletableFuture.completedFuture(false) : saveAs(file);
    }

    /**
     * Where Save writes: the file of the newest save still being written (a Save right after a Save As
     * goes to the new file), else the current file; null when the session has no file yet.
     */
    public Path saveTarget() {
        for (int i = unfinished.size() - 1; i >= 0; i--) {
            if (unfinished.get(i).point.isOf(controller.session())) {
                return unfinished.get(i).target;
            }
        }
        return currentFile.get();
    }

    /**
     * Saves to {@code file} (".vincie" added when missing). The session is captured now, on the thread
     * that owns it; the images are encoded and the file written on the io thread, after any autosave
     * queued before, so the window does not stall on a large session. Once written, the title loses its
     * star unless the session was edited meanwhile (those edits stay unsaved); a failure is reported and
     * leaves the session open and unsaved. Completes with whether the file was written.
     */
    public CompletableFuture<Boolean> saveAs(Path file) {
        PendingSave pending = begin(file);
        if (pending == null) {
            return CompletableFuture.completedFuture(false);
        }
        return pending.write.handleAsync((ok, error) -> finish(pending, error), foreground);
    }

    /**
     * As {@link #saveAs(Path)}, but returns once the file is written (Save in the prompt before unsaved
     * work would be lost, where what follows must not start before the save is done).
     */
    public boolean saveAndWait() {
        Path file = saveTarget();
        return file != null && saveAsAndWait(file);
    }

    /** As {@link #saveAs(Path)}, but returns once the file is written. */
    public boolean saveAsAndWait(Path file) {
        PendingSave pending = begin(file);
        if (pending == null) {
            return false;
        }
        awaitSaves();
        return pending.written;
    }

    /**
     * Waits until every save begun so far is written and done with (the title and the unsaved-changes
     * state are then up to date): before asking whether unsaved work may be lost.
     */
    public void awaitSaves() {
        for (PendingSave pending : List.copyOf(unfinished)) {
            Throwable error = null;
            try {
                pending.write.join();
            } catch (CompletionException | CancellationException e) {
                error = e;
            }
            finish(pending, error);
        }
    }

    /** Whether a save is being written. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    private PendingSave begin(Path file) {
        Session session = controller.session();
        if (session == null) {
            return null;
        }
        Path target = sessionFileFor(file);
        // the file's name becomes the session's title once it is written (finish)
        SessionSnapshot snapshot = SessionSnapshot.of(session).withTitle(baseName(target));
        CompletableFuture<Void> write;
        try {
            write = CompletableFuture.runAsync(() -> {
                try {
                    SessionStore.save(snapshot, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, io);
        } catch (RejectedExecutionException e) { // the editor is shutting down
            log.warn("cannot save session to {}: the writer has stopped", target, e);
            errors.report("Cannot save session", "Could not save to " + target
                    + ": the editor is shutting down.");
            return null;
        }
        PendingSave pending = new PendingSave(target, controller.savePoint(), write);
        unfinished.add(pending);
        saving.set(true);
        return pending;
    }

    /** Back on the session's thread: the bookkeeping of a written (or failed) save, once per save. */
    private boolean finish(PendingSave pending, Throwable error) {
        if (!unfinished.remove(pending)) {
            return pending.written; // already done by awaitSaves
        }
        saving.set(!unfinished.isEmpty());
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof UncheckedIOException u) {
                cause = u.getCause();
            }
            log.warn("cannot save session to {}", pending.target, cause);
            errors.report("Cannot save session", "Could not save to " + pending.target + ": " + cause.getMessage()
                    + "\nThe session is still open; try another folder.");
            return false;
        }
        pending.written = true;
        if (controller.markSaved(pending.point)) {
            controller.session().setTitle(baseName(pending.target));
            currentFile.set(pending.target);
            recovered = false;
            if (!controller.isDirty()) {
                clearAutosave(); // the file holds everything; otherwise the autosave still guards the edits since
            }
        }
        refresh();
        return true;
    }

    /** A save from capturing the session to its bookkeeping on the session's thread. */
    private static final class PendingSave {
        final Path target;
        final SessionController.SavePoint point;
        final CompletableFuture<Void> write;
        boolean written;

        PendingSave(Path target, SessionController.SavePoint point, CompletableFuture<Void> write) {
            this.target = target;
            this.point = point;
            this.write = write;
        }
    }

    /** Writes the selected branch (source to selected turn) as a storyboard: PDF for "*.pdf", else PNG. */
    public boolean exportStoryboard(Path file) {
        Session session = controller.session();
        if (session == null) {
            return false;
        }
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                StoryboardExporter.exportPdf(session, session.branch(), file);
            } else {
                StoryboardExporter.exportPng(session, session.branch(), file);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("cannot export storyboard to {}", file, e);
            errors.report("Cannot export storyboard", e.getMessage());
            return false;
        }
    }

    /** Called every minute: writes the autosave when there are unsaved changes. */
    public void autosaveIfDirty() {
        Session session = controller.session();
        if (session == null || !dirty.get() || controller.isBusy()) {
            return;
        }
        // The snapshot is taken here, on the thread that owns the session; PNG encoding runs on io.
        SessionSnapshot snapshot = SessionSnapshot.of(session);
        io.execute(() -> {
            try {
                autosave.save(snapshot);
            } catch (IOException | RuntimeException e) {
                log.warn("autosave to {} failed", autosave.directory(), e);
            }
        });
    }

    /** An autosave left by a session that was not saved or discarded, if any. */
    public Optional<Path> recoverable() {
        return autosave.latest();
    }

    /** Opens the autosave as unsaved work (it has no file of its own). */
    public boolean recover() {
        Optional<Path> file = autosave.latest();
        if (file.isEmpty() || !openSession(file.get())) {
            return false;
        }
        currentFile.set(null);
        recovered = true;
        refresh();
        return true;
    }

    /** The user saved or discarded their work: the autosave is no longer needed. */
    public void clearAutosave() {
        io.execute(() -> {
            try {
                autosave.clear();
            } catch (IOException e) {
                log.warn("cannot clear the autosave in {}", autosave.directory(), e);
            }
        });
    }

    /** The common end of every open: what is now open came from {@code file} (null: no file yet). */
    private boolean opened(Path file) {
        currentFile.set(file);
        recovered = false;
        refresh();
        return true;
    }

    private void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.HistoryChanged || event instanceof SessionEvent.SessionReplaced) {
            refresh();
        }
    }

    private void refresh() {
        Session session = controller.session();
        hasSession.set(session != null);
        dirty.set(session != null && (recovered || controller.isDirty()));
        title.set(session == null ? APP : session.title() + (dirty.get() ? "*" : "") + " — " + APP);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
