package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Image;

/** The data directory: state survives restarts, and a journal torn by a kill loses only its last record. */
class EmulatorPersistenceTest {

    static RekognitionClient client(URI endpoint) {
        return RekognitionClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    static RekognitionEmulator start(Path dir) {
        return RekognitionEmulator.builder().dataDir(dir).logRequests(false).start();
    }

    static Image image(String name) {
        return Image.builder().bytes(SdkBytes.fromByteArray(Fixtures.image(name).bytes())).build();
    }

    @Test
    void dataDir_restart_keepsCollectionsFacesAndUsers(@TempDir Path dir) {
        List<String> faceIds;
        List<String> matchesBefore = new java.util.ArrayList<>();
        try (RekognitionEmulator emu = start(dir); RekognitionClient sdk = client(emu.endpoint())) {
            sdk.createCollection(r -> r.collectionId("kept"));
            faceIds = sdk.indexFaces(r -> r.collectionId("kept").image(image("family-1128316.jpg")).externalImageId("fam"))
                .faceRecords().stream().map(f -> f.face().faceId()).sorted().collect(Collectors.toList());
            sdk.createUser(r -> r.collectionId("kept").userId("someone"));
            sdk.associateFaces(r -> r.collectionId("kept").userId("someone").faceIds(faceIds.get(0)));
            sdk.deleteFaces(r -> r.collectionId("kept").faceIds(faceIds.get(1)));
            // every kept face is found again by the other photos of the same family (identities are stored)
            for (String other : List.of("family-1128317.jpg", "family-1128318.jpg")) {
                sdk.searchFacesByImage(r -> r.collectionId("kept").image(image(other))).faceMatches()
                    .forEach(m -> matchesBefore.add(m.face().faceId()));
            }
        }
        try (RekognitionEmulator emu = start(dir); RekognitionClient sdk = client(emu.endpoint())) {
            var d = sdk.describeCollection(r -> r.collectionId("kept"));
            assertThat(d.faceCount()).isEqualTo(2);
            assertThat(d.userCount()).isEqualTo(1);
            List<String> ids = sdk.listFaces(r -> r.collectionId("kept")).faces().stream().map(f -> f.faceId()).sorted().toList();
            assertThat(ids).containsExactly(faceIds.get(0), faceIds.get(2));
            assertThat(sdk.listFaces(r -> r.collectionId("kept").userId("someone")).faces()).hasSize(1);
            assertThat(sdk.listUsers(r -> r.collectionId("kept")).users().get(0).userStatusAsString()).isEqualTo("ACTIVE");
            // identities survive too: searches find the same faces as before the restart
            List<String> matchesAfter = new java.util.ArrayList<>();
            for (String other : List.of("family-1128317.jpg", "family-1128318.jpg")) {
                sdk.searchFacesByImage(r -> r.collectionId("kept").image(image(other))).faceMatches()
                    .forEach(m -> matchesAfter.add(m.face().faceId()));
            }
            assertThat(matchesAfter).isEqualTo(matchesBefore);
            // the largest faces of the two photos belong to people of the family, kept or not: at least one is kept
            assertThat(matchesBefore).isNotEmpty();
        }
    }

    @Test
    void journal_tornLastRecord_losesOnlyThatRecord(@TempDir Path dir) throws Exception {
        try (RekognitionEmulator emu = start(dir); RekognitionClient sdk = client(emu.endpoint())) {
            sdk.createCollection(r -> r.collectionId("first"));
            sdk.createCollection(r -> r.collectionId("second"));
        }
        Path journal = dir.resolve(Journal.FILE);
        List<String> lines = Files.readAllLines(journal);
        assertThat(lines.get(lines.size() - 1)).contains("second");
        // a kill in the middle of writing the last record
        long size = Files.size(journal);
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.setLength(size - lines.get(lines.size() - 1).length() / 2);
        }
        try (RekognitionEmulator emu = start(dir); RekognitionClient sdk = client(emu.endpoint())) {
            assertThat(sdk.listCollections().collectionIds()).containsExactly("first");
            sdk.createCollection(r -> r.collectionId("third"));
        }
        try (RekognitionEmulator emu = start(dir); RekognitionClient sdk = client(emu.endpoint())) {
            assertThat(sdk.listCollections().collectionIds()).containsExactly("first", "third");
        }
    }

    @Test
    void journal_corruptedCompleteLastLine_stopsStartUpInsteadOfDroppingIt(@TempDir Path dir) throws Exception {
        try (RekognitionEmulator emu = start(dir); RekognitionClient sdk = client(emu.endpoint())) {
            sdk.createCollection(r -> r.collectionId("a"));
            sdk.createCollection(r -> r.collectionId("b"));
        }
        Path journal = dir.resolve(Journal.FILE);
        String text = Files.readString(journal);
        // flip one character inside the last record, keeping the line complete
        int i = text.lastIndexOf("\"b\"");
        Files.writeString(journal, text.substring(0, i) + "\"c\"" + text.substring(i + 3), StandardCharsets.UTF_8);
        // a complete line was written whole and acknowledged: a bad checksum there is damage, not a torn write
        assertThatThrownBy(() -> start(dir)).isInstanceOf(JournalDamagedException.class);
        assertThat(Files.readString(journal)).contains("\"c\"");
    }

    @Test
    void reset_persistent_isKeptAcrossRestart(@TempDir Path dir) {
        try (RekognitionEmulator emu = start(dir); RekognitionClient sdk = client(emu.endpoint())) {
            sdk.createCollection(r -> r.collectionId("gone"));
            emu.reset();
        }
        try (RekognitionEmulator emu = start(dir); RekognitionClient sdk = client(emu.endpoint())) {
            assertThat(sdk.listCollections().collectionIds()).isEmpty();
        }
    }
}
