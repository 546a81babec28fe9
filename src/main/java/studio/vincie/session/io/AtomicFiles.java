package studio.vincie.session.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file so that readers only ever see the old or the complete new content: the bytes go to a
 * temporary file in the target's directory (same file system, so the rename is atomic), are forced
 * to disk, and the temporary file is then renamed over the target. On any failure the temporary file
 * is deleted and the target is untouched.
 */
final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    /** Prefix of temporary files; {@link Autosave#clear()} removes leftovers of a crash. */
    static final String TEMP_PREFIX = ".vincie-tmp-";

    /** Body that writes the content; closing the stream it gets only flushes it. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("Cannot write " + target + ": the folder " + dir + " does not exist. Choose an existing folder.");
        }
        Path temp = Files.createTempFile(dir, TEMP_PREFIX, ".part");
        boolean done = false;
        try {
            // createTempFile makes the file owner-only; a saved file should get the permissions of the
            // one it replaces, or the usual rw-r--r-- of a new document.
            copyPermissions(absolute, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                // Buffered, and shielded from close(): some writers (PDFBox) close the stream they are given,
                // but the channel must stay open for force().
                OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
                writer.write(new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                    }
                });
                out.flush();
                // fsync before the rename: otherwise a crash can leave a renamed but empty file.
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                LOG.warn("Atomic rename not supported in {}; replacing {} non-atomically", dir, target);
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            fsyncDirectory(dir);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.debug("Could not delete temporary file {}", temp, e);
                }
            }
        }
    }

    private static void copyPermissions(Path target, Path temp) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    /** Makes the rename itself durable; not supported on every platform, so failures are only logged. */
    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Directory fsync not supported for {}", dir, e);
        }
    }
}
