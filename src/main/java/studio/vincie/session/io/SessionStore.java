package studio.vincie.session.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.session.Session;

/**
 * Saves and opens {@code .vincie} session files: a zip holding {@code session.json} (a
 * {@link SessionDto}) and one lossless PNG per image and mask. Saving is atomic (see
 * {@link AtomicFiles}), so a crash or a failed write never leaves a half-written session; opening
 * validates the whole file before returning, so a damaged, truncated or newer-format file yields a
 * {@link SessionFileException} with a user-facing message and changes nothing.
 * Format: {@code docs/session-format.md}.
 */
public final class SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);

    /** File name extension, with the dot. */
    public static final String EXTENSION = ".vincie";

    /** Guards against zip bombs: no entry may inflate beyond this. */
    static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Additive fields from newer minor releases are ignored (see the compatibility policy).
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SessionStore() {
    }

    /** Writes {@code session} to {@code file}, atomically replacing any existing file. */
    public static void save(Session session, Path file) throws IOException {
        save(SessionSnapshot.of(session), file);
    }

    /**
     * Writes a snapshot taken with {@link SessionSnapshot#of(Session)}; safe to call off the thread
     * that owns the session (this is where the PNG encoding time goes).
     */
    public static void save(SessionSnapshot snapshot, Path file) throws IOException {
        long start = System.nanoTime();
        // Encode everything before touching the disk, so an encoding failure cannot even create a temp file.
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        for (Map.Entry<String, BufferedImage> e : snapshot.images().entrySet()) {
            pngs.put(e.getKey(), ImageFiles.encodePng(ImageFiles.toRgb(e.getValue()), Map.of()));
        }
        for (Map.Entry<String, BufferedImage> e : snapshot.masks().entrySet()) {
            pngs.put(e.getKey(), ImageFiles.encodePng(ImageFiles.toGray(e.getValue()), Map.of()));
        }
        byte[] json = JSON.writeValueAsBytes(snapshot.document());
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(SessionFormat.JSON_ENTRY));
            zip.write(json);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : pngs.entrySet()) {
                zip.putNextEntry(stored(e.getKey(), e.getValue()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
        LOG.info("Saved session '{}' ({} turns) to {} in {} ms", snapshot.title(), snapshot.turnCount(), file,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** PNGs are already deflate-compressed; storing them saves the time of compressing twice. */
    private static ZipEntry stored(String name, byte[] data) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        return entry;
    }

    /** Opens a session file; on any problem throws with a message for the user and returns nothing. */
    public static Session load(Path file) throws SessionFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new SessionFileException("Session file not found: " + file + ". Check the path and try again.");
        }
        checkZipSignature(file, name);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, ZipEntry> entries = new HashMap<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                entries.put(e.getName(), e);
            }
            ZipEntry jsonEntry = entries.get(SessionFormat.JSON_ENTRY);
            if (jsonEntry == null) {
                throw new SessionFileException(name + " is not a Vincie Studio session (it has no session.json). "
                        + "Open a file saved by Vincie Studio.");
            }
            SessionDto dto = parse(readEntry(zip, jsonEntry, name), name);
            Session session = SessionFormat.toSession(dto, (entryName, mask) -> {
                ZipEntry e = entries.get(entryName);
                if (e == null) {
                    throw SessionFormat.bad(name, "the image entry " + entryName + " is missing");
                }
                BufferedImage img;
                try {
                    img = ImageFiles.decode(readEntry(zip, e, name), entryName);
                } catch (SessionFileException ex) {
                    throw ex;
                } catch (ImageFileException ex) {
                    Throwable why = ex.getCause() == null ? ex : ex.getCause();
                    throw SessionFormat.bad(name, "the image entry " + entryName + " cannot be decoded ("
                            + why.getClass().getSimpleName() + ": " + why.getMessage() + ")");
                } catch (IOException ex) {
                    // A damaged deflate stream surfaces here as ZipException; the PNG decoder reports its own damage.
                    throw new SessionFileException("Cannot open " + name + ": " + entryName + " is damaged ("
                            + ex.getMessage() + "). Open a backup or the autosaved copy instead.", ex);
                }
                return mask ? ImageFiles.toGray(img) : ImageFiles.toRgb(img);
            }, name);
            LOG.info("Opened session '{}' ({} turns) from {}", session.title(), session.size(), file);
            return session;
        } catch (SessionFileException e) {
            throw e;
        } catch (ZipException | java.io.EOFException e) {
            LOG.debug("Zip error in {}", file, e);
            throw new SessionFileException("Cannot open " + name + ": the file is damaged or incomplete (" + e.getMessage()
                    + "). It may have been cut off while copying; open a backup or the autosaved copy instead.", e);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Reading {} failed", file, e);
            throw new SessionFileException("Cannot open " + name + ": " + e.getMessage()
                    + ". Check that the file is readable and not damaged.", e);
        }
    }

    /** Tells "not a session at all" apart from "a damaged session" before the zip reader gives a generic error. */
    private static void checkZipSignature(Path file, String name) throws SessionFileException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new SessionFileException("Cannot read " + file + ": " + e.getMessage()
                    + ". Check that the file exists and is readable.", e);
        }
        if (n == 0) {
            throw new SessionFileException(name + " is empty, so it holds no session. Open a backup or the autosaved copy instead.");
        }
        if (n < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            throw new SessionFileException(name + " is not a Vincie Studio session file (it is not a .vincie archive), "
                    + "or it is damaged. Choose a file saved by Vincie Studio; to open a picture use Open image.");
        }
    }

    private static SessionDto parse(byte[] json, String name) throws SessionFileException {
        try {
            JsonNode tree = JSON.readTree(json);
            if (!(tree instanceof ObjectNode doc)) {
                throw new SessionFileException(name + " is damaged: session.json is not a JSON object. Open a backup instead.");
            }
            ObjectNode current = SessionFormat.migrate(doc, name);
            return JSON.treeToValue(current, SessionDto.class);
        } catch (JsonProcessingException e) {
            throw new SessionFileException("Cannot open " + name + ": session.json is damaged ("
                    + e.getOriginalMessage() + "). Open a backup or the autosaved copy instead.", e);
        } catch (SessionFileException e) {
            throw e;
        } catch (IOException e) {
            throw new SessionFileException("Cannot open " + name + ": session.json cannot be read ("
                    + e.getMessage() + "). Open a backup or the autosaved copy instead.", e);
        }
    }

    private static byte[] readEntry(ZipFile zip, ZipEntry entry, String name) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > MAX_ENTRY_BYTES) {
                    throw new SessionFileException("Cannot open " + name + ": entry " + entry.getName()
                            + " is larger than " + MAX_ENTRY_BYTES / (1024 * 1024) + " MB; the file is damaged or not a session.");
                }
                out.write(buf, 0, n);
            }
            byte[] data = out.toByteArray();
            // ZipFile does not check CRCs, and PNG entries are stored uncompressed, so a flipped bit
            // would otherwise load silently as a wrong pixel.
            CRC32 crc = new CRC32();
            crc.update(data);
            if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                throw new SessionFileException("Cannot open " + name + ": entry " + entry.getName()
                        + " is damaged (checksum mismatch). Open a backup or the autosaved copy instead.");
            }
            return data;
        }
    }
}
