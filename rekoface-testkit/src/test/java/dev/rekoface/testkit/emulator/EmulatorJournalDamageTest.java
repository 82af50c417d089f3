package dev.rekoface.testkit.emulator;

import static dev.rekoface.testkit.emulator.EmulatorPersistenceTest.client;
import static dev.rekoface.testkit.emulator.EmulatorPersistenceTest.image;
import static dev.rekoface.testkit.emulator.EmulatorPersistenceTest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rekoface.InvalidArgumentException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * A journal damaged before its end stops start-up and changes nothing; its intact records, before and after the
 * damage, can be copied into a new directory; a torn last record is still dropped.
 */
class EmulatorJournalDamageTest {

    /** What a data directory holds: every file's bytes and modification time. */
    record Snapshot(Map<String, String> files) {
        static Snapshot of(Path dir) throws IOException {
            Map<String, String> m = new TreeMap<>();
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    FileTime t = Files.getLastModifiedTime(p);
                    m.put(dir.relativize(p).toString(), Arrays.hashCode(Files.readAllBytes(p)) + "/" + Files.size(p) + "@" + t.toMillis()
                        + "." + t.toInstant().getNano());
                }
            }
            return new Snapshot(m);
        }
    }

    /** Faces indexed per record: collection a gets records 2 and 3, collection b record 5. */
    static final class Indexed {
        List<String> a2 = new ArrayList<>();
        List<String> a3 = new ArrayList<>();
        List<String> b5 = new ArrayList<>();
    }

    /** Five records: create a, index into a, index into a, create b, index into b. */
    static Indexed populate(Path dir) {
        Indexed x = new Indexed();
        try (RekognitionEmulator emu = start(dir); RekognitionClient sdk = client(emu.endpoint())) {
            sdk.createCollection(r -> r.collectionId("a"));
            sdk.indexFaces(r -> r.collectionId("a").image(image("family-1128316.jpg"))).faceRecords()
                .forEach(f -> x.a2.add(f.face().faceId()));
            sdk.indexFaces(r -> r.collectionId("a").image(image("obama.jpg"))).faceRecords()
                .forEach(f -> x.a3.add(f.face().faceId()));
            sdk.createCollection(r -> r.collectionId("b"));
            sdk.indexFaces(r -> r.collectionId("b").image(image("two_people.jpg"))).faceRecords()
                .forEach(f -> x.b5.add(f.face().faceId()));
        }
        assertThat(x.a2).isNotEmpty();
        assertThat(x.a3).isNotEmpty();
        assertThat(x.b5).isNotEmpty();
        return x;
    }

    /** Returns the byte offset where each record (line) of the journal starts. */
    static List<Integer> recordOffsets(Path journal) throws IOException {
        byte[] all = Files.readAllBytes(journal);
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < all.length - 1; i++) {
            if (all[i] == '\n') {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    static void flip(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x01);
        }
    }

    static void put(Path file, long offset, char c) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            f.write(c);
        }
    }

    static List<String> faceIds(RekognitionClient sdk, String collection) {
        return sdk.listFaces(r -> r.collectionId(collection).maxResults(4096)).faces().stream().map(f -> f.faceId()).sorted().toList();
    }

    static List<String> sorted(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.stream().sorted().toList();
    }

    @Test
    void start_oneByteFlippedInTheSecondOfFiveRecords_refusesNamingFileAndOffsetAndChangesNothing(@TempDir Path dir) throws Exception {
        populate(dir);
        Path journal = dir.resolve(Journal.FILE);
        List<Integer> offsets = recordOffsets(journal);
        assertThat(offsets).hasSize(5);
        int second = offsets.get(1);
        flip(journal, second + (offsets.get(2) - second) / 2); // inside the JSON of the second record
        Snapshot before = Snapshot.of(dir);
        Thread.sleep(20); // so that any rewrite would show in the modification times

        assertThatThrownBy(() -> start(dir)).isInstanceOfSatisfying(JournalDamagedException.class, e -> {
            assertThat(e.file()).isEqualTo(journal);
            assertThat(e.offset()).isEqualTo(second);
            assertThat(e.damagedRegions()).hasSize(1);
            assertThat(e.getMessage()).contains(journal.toString(), "byte offset " + second, "--recover-journal",
                "--data-dir " + dir, "changed nothing");
        });
        assertThat(Snapshot.of(dir)).isEqualTo(before);
        // and refused again: the first refusal released the directory's lock and left nothing behind
        assertThatThrownBy(() -> start(dir)).isInstanceOf(JournalDamagedException.class);
        assertThat(Snapshot.of(dir)).isEqualTo(before);
    }

    @Test
    void start_damagedChecksumFieldOfTheSecondRecord_refusesAtItsOffset(@TempDir Path dir) throws Exception {
        populate(dir);
        Path journal = dir.resolve(Journal.FILE);
        int second = recordOffsets(journal).get(1);
        byte c = Files.readAllBytes(journal)[second + 3];
        put(journal, second + 3, c == '0' ? '1' : '0'); // still a hex digit: only the checksum tells
        Snapshot before = Snapshot.of(dir);

        assertThatThrownBy(() -> start(dir)).isInstanceOfSatisfying(JournalDamagedException.class,
            e -> assertThat(e.offset()).isEqualTo(second));
        assertThat(Snapshot.of(dir)).isEqualTo(before);
    }

    @Test
    void start_damagedEndOfLineOfTheSecondRecord_refusesAtThatByte(@TempDir Path dir) throws Exception {
        populate(dir);
        Path journal = dir.resolve(Journal.FILE);
        int newline = recordOffsets(journal).get(2) - 1;
        put(journal, newline, 'x'); // the second and third records now run together on one line
        Snapshot before = Snapshot.of(dir);

        assertThatThrownBy(() -> start(dir)).isInstanceOfSatisfying(JournalDamagedException.class,
            e -> assertThat(e.getMessage()).contains("byte offset " + newline));
        assertThat(Snapshot.of(dir)).isEqualTo(before);
    }

    @Test
    void start_damagedCompleteLastRecord_refuses(@TempDir Path dir) throws Exception {
        populate(dir);
        Path journal = dir.resolve(Journal.FILE);
        int last = recordOffsets(journal).get(4);
        flip(journal, last + 20); // the line is complete (it has its end of line): not a torn write
        Snapshot before = Snapshot.of(dir);

        assertThatThrownBy(() -> start(dir)).isInstanceOfSatisfying(JournalDamagedException.class,
            e -> assertThat(e.offset()).isEqualTo(last));
        assertThat(Snapshot.of(dir)).isEqualTo(before);
    }

    @Test
    void start_tornLastRecord_dropsItAndKeepsTheRest(@TempDir Path dir) throws Exception {
        Indexed x = populate(dir);
        Path journal = dir.resolve(Journal.FILE);
        int last = recordOffsets(journal).get(4);
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.setLength(last + 100); // a kill in the middle of appending the last record
        }
        try (RekognitionEmulator emu = start(dir); RekognitionClient sdk = client(emu.endpoint())) {
            assertThat(faceIds(sdk, "a")).isEqualTo(sorted(x.a2, x.a3));
            assertThat(faceIds(sdk, "b")).isEmpty();
        }
    }

    @Test
    void main_damagedJournal_exitsWithOneLineNamingFileAndOffset(@TempDir Path dir) throws Exception {
        populate(dir);
        Path journal = dir.resolve(Journal.FILE);
        int second = recordOffsets(journal).get(1);
        flip(journal, second + 40);
        Snapshot before = Snapshot.of(dir);
        StringWriter err = new StringWriter();
        // a main that starts runs until stopped: the timeout turns that into a failure instead of a hang
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new CommandLine(new EmulatorMain())
            .setErr(new PrintWriter(err)).execute("--port", "0", "--quiet", "--no-engine", "--data-dir", dir.toString()));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("rekoface-emulator: the emulator's journal " + journal)
            .contains("byte offset " + second).doesNotContain("\tat ");
        assertThat(Snapshot.of(dir)).isEqualTo(before);
    }

    @Test
    void recoverJournal_damagedSecondRecord_copiesEveryIntactRecordBeforeAndAfterIt(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        Indexed x = populate(dir);
        Path journal = dir.resolve(Journal.FILE);
        List<Integer> offsets = recordOffsets(journal);
        flip(journal, offsets.get(1) + 60);
        assertThatThrownBy(() -> start(dir)).isInstanceOf(JournalDamagedException.class);
        Snapshot before = Snapshot.of(dir);

        Path recovered = tmp.resolve("recovered");
        StringWriter out = new StringWriter();
        int code = new CommandLine(new EmulatorMain()).setOut(new PrintWriter(out))
            .execute("--recover-journal", "--data-dir", dir.toString(), "--to", recovered.toString());
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("recovered 4 intact records", "skipped 1 damaged region",
            "bytes " + offsets.get(1) + "-" + (offsets.get(2) - 1), "--data-dir " + recovered);
        assertThat(Snapshot.of(dir)).isEqualTo(before); // the source is never changed

        try (RekognitionEmulator emu = start(recovered); RekognitionClient sdk = client(emu.endpoint())) {
            assertThat(sdk.listCollections().collectionIds()).containsExactly("a", "b");
            assertThat(faceIds(sdk, "a")).isEqualTo(x.a3.stream().sorted().toList()); // the damaged record's faces only are lost
            assertThat(faceIds(sdk, "b")).isEqualTo(x.b5.stream().sorted().toList()); // records after the damage are kept
            assertThat(sdk.searchFacesByImage(r -> r.collectionId("a").image(image("obama2.jpg"))).faceMatches()).isNotEmpty();
        }
    }

    @Test
    void recover_damagedEndOfLine_keepsBothRecordsThatRanTogether(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        Indexed x = populate(dir);
        Path journal = dir.resolve(Journal.FILE);
        int newline = recordOffsets(journal).get(2) - 1;
        put(journal, newline, 'x');

        JournalRecovery r = JournalRecovery.recover(dir, tmp.resolve("new"));
        assertThat(r.recoveredRecords()).isEqualTo(5);
        assertThat(r.skippedRegions()).containsExactly("bytes " + newline + "-" + newline
            + " (1 byte): a damaged end of line between two records");
        assertThat(r.faces()).isEqualTo(x.a2.size() + x.a3.size() + x.b5.size());
        try (RekognitionEmulator emu = start(r.target()); RekognitionClient sdk = client(emu.endpoint())) {
            assertThat(faceIds(sdk, "a")).isEqualTo(sorted(x.a2, x.a3));
        }
    }

    @Test
    void recover_damagedCollectionCreation_reportsTheRecordsThatLostTheirCollection(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        populate(dir);
        Path journal = dir.resolve(Journal.FILE);
        flip(journal, 20); // the first record: collection a's creation

        JournalRecovery r = JournalRecovery.recover(dir, tmp.resolve("new"));
        assertThat(r.recoveredRecords()).isEqualTo(4);
        assertThat(r.orphanRecords()).isEqualTo(2);
        assertThat(r.collections()).isEqualTo(1);
        assertThat(r.summary()).anyMatch(l -> l.startsWith("2 recovered records refer to a collection created in a skipped region"));
    }

    @Test
    void recover_tornLastRecord_saysItWasDropped(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        populate(dir);
        Path journal = dir.resolve(Journal.FILE);
        int last = recordOffsets(journal).get(4);
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.setLength(last + 30);
        }
        JournalRecovery r = JournalRecovery.recover(dir, tmp.resolve("new"));
        assertThat(r.recoveredRecords()).isEqualTo(4);
        assertThat(r.skippedRegions()).isEmpty();
        assertThat(r.tornLastRecord()).hasValueSatisfying(t -> assertThat(t).startsWith("bytes " + last + "-" + (last + 29)));
    }

    @Test
    void recover_targetNotEmptyOrInsideTheSource_isRefusedAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        populate(dir);
        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("keep.txt"), "mine");
        Snapshot before = Snapshot.of(tmp);

        assertThatThrownBy(() -> JournalRecovery.recover(dir, busy)).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining(busy.toString()).hasMessageContaining("must not exist or be empty");
        assertThatThrownBy(() -> JournalRecovery.recover(dir, dir.resolve("inside"))).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("must be outside " + dir);
        assertThatThrownBy(() -> JournalRecovery.recover(tmp.resolve("none"), tmp.resolve("new")))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("there is no journal");
        assertThat(Snapshot.of(tmp)).isEqualTo(before);
        assertThat(tmp.resolve("new")).doesNotExist();
    }

    @Test
    void recover_targetInsideTheSourceThroughASymbolicLink_isRefusedAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        populate(dir);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), dir);
        Snapshot before = Snapshot.of(dir);

        assertThatThrownBy(() -> JournalRecovery.recover(dir, link.resolve("new"))).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("must be outside " + dir);
        assertThatThrownBy(() -> JournalRecovery.recover(link, dir.resolve("new"))).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("must be outside " + link);
        assertThat(Snapshot.of(dir)).isEqualTo(before);
        assertThat(dir.resolve("new")).doesNotExist();
        assertThat(JournalRecovery.recover(link, tmp.resolve("new")).recoveredRecords()).as("a link outside is fine")
            .isEqualTo(recordOffsets(dir.resolve(Journal.FILE)).size());
    }

    @Test
    void recover_targetHoldingOnlyALockFile_isAcceptedSoAFailedRecoveryCanBeRetried(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        populate(dir);
        Path target = Files.createDirectories(tmp.resolve("new"));
        Files.createFile(target.resolve(DataDirLock.FILE));

        JournalRecovery r = JournalRecovery.recover(dir, target);

        assertThat(r.recoveredRecords()).isEqualTo(recordOffsets(dir.resolve(Journal.FILE)).size());
        assertThat(target.resolve(Journal.FILE)).hasSameBinaryContentAs(dir.resolve(Journal.FILE));
    }

    @Test
    void recover_sourceHeldByARunningEmulator_isRefused(@TempDir Path tmp) {
        Path dir = tmp.resolve("data");
        try (RekognitionEmulator emu = start(dir)) {
            assertThatThrownBy(() -> JournalRecovery.recover(dir, tmp.resolve("new"))).isInstanceOf(DataDirInUseException.class);
            assertThat(emu.service().collectionCount()).isZero();
        }
        assertThat(JournalRecovery.recover(dir, tmp.resolve("new")).recoveredRecords()).isZero();
    }
}
