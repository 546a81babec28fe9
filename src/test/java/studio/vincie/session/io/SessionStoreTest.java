package studio.vincie.session.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.vincie.session.io.SessionFixtures.assertSamePixels;
import static studio.vincie.session.io.SessionFixtures.ids;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import studio.vincie.session.Session;
import studio.vincie.session.Turn;

class SessionStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsTreeSettingsMasksCurrentTurnAndPixels() throws IOException {
        Session original = SessionFixtures.branchedSession();
        Path file = dir.resolve("story.vincie");
        SessionStore.save(original, file);

        Session loaded = SessionStore.load(file);

        assertThat(loaded.title()).isEqualTo("Kitchen story");
        assertThat(ids(loaded.allTurns())).containsExactly("root", "t1", "t2", "t3");
        assertThat(loaded.current().id()).isEqualTo("t3");
        assertThat(ids(loaded.findById("t1").orElseThrow().children())).containsExactly("t2", "t3");
        for (Turn expected : original.allTurns()) {
            Turn actual = loaded.findById(expected.id()).orElseThrow();
            assertThat(actual.parent() == null ? null : actual.parent().id())
                    .isEqualTo(expected.parent() == null ? null : expected.parent().id());
            assertThat(actual.instruction()).isEqualTo(expected.instruction());
            assertThat(actual.settings()).isEqualTo(expected.settings());
            assertThat(actual.modelId()).isEqualTo(expected.modelId());
            assertThat(actual.elapsedMillis()).isEqualTo(expected.elapsedMillis());
            assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
            assertSamePixels(actual.image(), expected.image());
            assertSamePixels(actual.userMask(), expected.userMask());
            assertSamePixels(actual.predictedCurrentMask(), expected.predictedCurrentMask());
            assertSamePixels(actual.predictedNextMask(), expected.predictedNextMask());
        }
        assertThat(loaded.findById("t1").orElseThrow().userMask().getType()).isEqualTo(java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        assertThat(loaded.root().image().getType()).isEqualTo(java.awt.image.BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void fileHasDocumentedEntriesAndJsonFields() throws IOException {
        Path file = savedSession("story.vincie");

        Map<String, byte[]> entries = SessionFixtures.readZip(file);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("session.json",
                "images/root.png", "images/t1.png", "images/t2.png", "images/t3.png",
                "masks/t1-user.png", "masks/t1-current.png", "masks/t1-next.png", "masks/t3-next.png");
        JsonNode json = new ObjectMapper().readTree(entries.get("session.json"));
        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.get("currentTurnId").asText()).isEqualTo("t3");
        JsonNode t1 = json.get("turns").get(1);
        assertThat(t1.get("parentId").asText()).isEqualTo("root");
        assertThat(t1.get("settings").get("seed").asLong()).isEqualTo(42);
        assertThat(t1.get("userMask").asText()).isEqualTo("masks/t1-user.png");
    }

    @Test
    void corruptFileGivesClearError() throws IOException {
        Path file = dir.resolve("garbage.vincie");
        byte[] junk = new byte[5000];
        new java.util.Random(1).nextBytes(junk);
        Files.write(file, junk);

        assertLoadFails(file)
                .hasMessageContaining("garbage.vincie")
                .hasMessageContaining("not a Vincie Studio session file");
    }

    @Test
    void truncatedFileGivesClearError() throws IOException {
        Path file = savedSession("cut.vincie");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertLoadFails(file)
                .hasMessageContaining("cut.vincie")
                .hasMessageContaining("incomplete");
    }

    @Test
    void damagedImageDataInsideAValidZipIsReported() throws IOException {
        Path file = savedSession("bad-png.vincie");
        Map<String, byte[]> entries = SessionFixtures.readZip(file);
        byte[] png = entries.get("images/t2.png");
        entries.put("images/t2.png", Arrays.copyOf(png, png.length / 2));
        SessionFixtures.writeZip(file, entries);

        assertLoadFails(file)
                .hasMessageContaining("images/t2.png");
    }

    @Test
    void newerFormatAsksToUpdateTheApp() throws IOException {
        Path file = savedSession("future.vincie");
        SessionFixtures.editJson(file, json -> json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 7"));

        assertLoadFails(file)
                .hasMessageContaining("newer Vincie Studio (format 7")
                .hasMessageContaining("Update the app");
    }

    @Test
    void missingImageEntryIsNamed() throws IOException {
        Path file = savedSession("missing.vincie");
        Map<String, byte[]> entries = SessionFixtures.readZip(file);
        entries.remove("masks/t1-current.png");
        SessionFixtures.writeZip(file, entries);

        assertLoadFails(file)
                .hasMessageContaining("masks/t1-current.png is missing");
    }

    @Test
    void unknownParentIsRejected() throws IOException {
        Path file = savedSession("parent.vincie");
        SessionFixtures.editJson(file, json -> json.replace("\"parentId\" : \"t1\"", "\"parentId\" : \"nobody\""));

        assertLoadFails(file)
                .hasMessageContaining("parent nobody");
    }

    @Test
    void cycleIsRejected() throws IOException {
        Path file = savedSession("cycle.vincie");
        // t1's parent becomes t2 while t1 still lists t2 as a child: t1 -> t2 -> t1.
        SessionFixtures.editJson(file, json -> json.replaceFirst("\"parentId\" : \"root\"", "\"parentId\" : \"t2\""));

        assertLoadFails(file)
                .hasMessageContaining("cycle.vincie");
    }

    @Test
    void invalidJsonAndMissingJsonAreReported() throws IOException {
        Path file = savedSession("json.vincie");
        SessionFixtures.editJson(file, json -> json.substring(0, json.length() / 2));
        assertLoadFails(file)
                .hasMessageContaining("session.json is damaged");

        Path other = dir.resolve("plain.zip");
        SessionFixtures.writeZip(other, Map.of("readme.txt", new byte[] {1, 2}));
        assertLoadFails(other)
                .hasMessageContaining("no session.json");
    }

    @Test
    void missingFileIsReported() {
        assertLoadFails(dir.resolve("nope.vincie"))
                .hasMessageContaining("not found");
    }

    @Test
    void failedSaveLeavesTheOldFileIntactAndNoTempFiles() throws IOException {
        Path file = savedSession("keep.vincie");
        byte[] before = Files.readAllBytes(file);

        java.awt.image.BufferedImage broken = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_ARGB) {
            @Override
            public int[] getRGB(int x, int y, int w, int h, int[] rgb, int offset, int scan) {
                throw new IllegalStateException("simulated image failure");
            }
        };
        Session bad = new Session(Turn.source(broken), "bad");
        assertThatThrownBy(() -> SessionStore.save(bad, file)).isInstanceOf(IllegalStateException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(SessionStore.load(file).size()).isEqualTo(4);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("keep.vincie");
        }
    }

    @Test
    void writerFailingMidwayLeavesTheOldFileIntact() throws IOException {
        Path file = dir.resolve("keep.vincie");
        Files.write(file, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full (simulated)");
        })).hasMessageContaining("disk full");

        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void saveIntoReadOnlyDirectoryFailsWithoutDamage() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path file = ro.resolve("keep.vincie");
        SessionStore.save(SessionFixtures.branchedSession(), file);
        byte[] before = Files.readAllBytes(file);
        ro.toFile().setWritable(false);
        try {
            // root ignores directory permissions; the failing-writer tests cover that case.
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro), "running as root");
            assertThatThrownBy(() -> SessionStore.save(new Session(Turn.source(SessionFixtures.noise(4, 4, 9)), "x"), file))
                    .isInstanceOf(IOException.class);
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
        } finally {
            ro.toFile().setWritable(true);
        }
    }

    @Test
    void saveIntoMissingFolderSaysSo() {
        Path file = dir.resolve("no/such/folder/x.vincie");
        assertThatThrownBy(() -> SessionStore.save(SessionFixtures.branchedSession(), file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void savedSessionsAreReproducibleAcrossSaves() throws IOException {
        Session s = SessionFixtures.branchedSession();
        Path a = dir.resolve("a.vincie");
        SessionStore.save(s, a);
        Path b = dir.resolve("b.vincie");
        SessionStore.save(SessionStore.load(a), b);
        Map<String, byte[]> za = SessionFixtures.readZip(a);
        Map<String, byte[]> zb = SessionFixtures.readZip(b);
        assertThat(zb.keySet()).isEqualTo(za.keySet());
        for (String name : List.copyOf(za.keySet())) {
            assertThat(zb.get(name)).as(name).isEqualTo(za.get(name));
        }
    }

    @Test
    void snapshotSavedLaterWritesTheStateAtSnapshotTime() throws Exception {
        Session s = SessionFixtures.branchedSession();
        SessionSnapshot snapshot = SessionSnapshot.of(s);
        s.attach(s.current(), Turn.builder().id("late").instruction("later").image(SessionFixtures.noise(40, 30, 8)).build(), 0);
        s.setTitle("renamed");

        Path file = dir.resolve("snap.vincie");
        Thread writer = new Thread(() -> {
            try {
                SessionStore.save(snapshot, file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        writer.join();

        Session loaded = SessionStore.load(file);
        assertThat(loaded.title()).isEqualTo("Kitchen story");
        assertThat(ids(loaded.allTurns())).containsExactly("root", "t1", "t2", "t3");
        assertThat(snapshot.turnCount()).isEqualTo(4);
    }

    @Test
    void pngEntriesAreStoredAndJsonIsDeflated() throws IOException {
        Path file = savedSession("methods.vincie");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            assertThat(zip.getEntry("session.json").getMethod()).isEqualTo(java.util.zip.ZipEntry.DEFLATED);
            assertThat(zip.getEntry("images/t1.png").getMethod()).isEqualTo(java.util.zip.ZipEntry.STORED);
            assertThat(zip.stream().findFirst().orElseThrow().getName()).isEqualTo("session.json");
        }
    }

    @Test
    void flippedByteInsideAStoredImageIsCaughtByTheChecksum() throws IOException {
        Path file = savedSession("flip.vincie");
        byte[] bytes = Files.readAllBytes(file);
        byte[] png = SessionFixtures.readZip(file).get("images/t2.png");
        int at = indexOf(bytes, png);
        assertThat(at).isPositive();
        bytes[at + png.length / 2] ^= 0x01;
        Files.write(file, bytes);

        assertLoadFails(file)
                .hasMessageContaining("images/t2.png is damaged (checksum mismatch)");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The branched fixture session saved as {@code name} in the temp folder. */
    private Path savedSession(String name) throws IOException {
        Path file = dir.resolve(name);
        SessionStore.save(SessionFixtures.branchedSession(), file);
        return file;
    }

    /** Loading {@code file} fails with a {@link SessionFileException}; chain the message checks. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails(Path file) {
        return assertThatThrownBy(() -> SessionStore.load(file)).isInstanceOf(SessionFileException.class);
    }
}
