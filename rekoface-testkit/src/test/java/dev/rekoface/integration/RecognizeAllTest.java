package dev.rekoface.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.AsyncFaceCollection;
import dev.rekoface.FaceCollection;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.Operation;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.FaceRecognition;
import dev.rekoface.model.Threshold;
import dev.rekoface.model.UnsearchedReason;
import dev.rekoface.retry.RateLimit;
import dev.rekoface.testkit.emulator.FaultProfile;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.junit.LocalRekognition;
import dev.rekoface.testkit.junit.LocalRekognitionEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** "Who is in this photo?": every face detected, cropped, searched and named, against the emulator's face engine. */
@LocalRekognition(faceEngine = true)
class RecognizeAllTest {
    static final String OBAMA = "Barack Obama";
    static final String BIDEN = "Joe Biden";
    static final String LEAD = "the film's lead";

    static ImageSource img(String name) {
        return ImageSource.fromBytes(Fixtures.image(name).bytes());
    }

    /** A fixture photo scaled at run time and encoded as JPEG: an image the engine, not the catalogue, answers for. */
    static ImageSource scaled(String name, double scale) {
        try {
            java.awt.image.BufferedImage src = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Fixtures.image(name).bytes()));
            int w = (int) Math.round(src.getWidth() * scale);
            int h = (int) Math.round(src.getHeight() * scale);
            java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = out.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
            g.dispose();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(out, "jpg", bytes);
            return ImageSource.fromBytes(bytes.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The result whose face lies on the left half of the photo (Obama in two_people.jpg), and the other. */
    static FaceRecognition leftOf(List<FaceRecognition> all) {
        return all.stream().min(Comparator.comparingDouble(r -> r.box().left())).orElseThrow();
    }

    static FaceRecognition rightOf(List<FaceRecognition> all) {
        return all.stream().max(Comparator.comparingDouble(r -> r.box().left())).orElseThrow();
    }

    @Test
    void recognizeAll_twoPeopleWithOnlyObamaIndexed_namesObamaAndBidenIsUnknown(RekofaceClient reko) {
        FaceCollection people = reko.collection("people");
        people.create();
        people.index(img("obama.jpg"), OBAMA);

        List<FaceRecognition> all = people.recognizeAll(img("two_people.jpg"), Threshold.DEFAULT_SIMILARITY);

        assertThat(all).hasSize(2);
        FaceRecognition obama = leftOf(all);
        assertThat(obama.personId()).contains(OBAMA);
        assertThat(obama.similarity()).hasValueSatisfying(s -> assertThat(s).isGreaterThanOrEqualTo(80));
        assertThat(obama.unsearchedReason()).isEmpty();
        FaceRecognition biden = rightOf(all);
        assertThat(biden.isUnknown()).as("Biden is not in the collection").isTrue();
        assertThat(biden.personId()).isEmpty();
        // boxes: the ratios DetectFaces reported, and the same box in pixels of the 1126x661 photo
        List<FaceDetails> detected = reko.detectFaces(img("two_people.jpg"));
        assertThat(all).extracting(FaceRecognition::box).containsExactlyElementsOf(
            detected.stream().map(FaceDetails::boundingBox).toList());
        assertThat(obama.pixelBox().left()).isCloseTo(obama.box().left() * 1126, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(obama.pixelBox().height()).isCloseTo(obama.box().height() * 661, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void recognizeAll_twoPeopleBothIndexed_namesBoth_async(RekofaceAsyncClient reko) {
        AsyncFaceCollection people = reko.collection("people-async");
        people.create().join();
        people.index(img("obama.jpg"), OBAMA).join();
        people.index(img("biden.jpg"), BIDEN).join();

        List<FaceRecognition> all = people.recognizeAll(img("two_people.jpg")).join();

        assertThat(all).hasSize(2);
        assertThat(leftOf(all).personId()).contains(OBAMA);
        assertThat(rightOf(all).personId()).contains(BIDEN);
    }

    @Test
    void recognizeAll_filmStillWithTheLargestFaceIndexed_namesItAndTheOthersAreUnknown(RekofaceClient reko) {
        FaceCollection film = reko.collection("film");
        film.create();
        // the largest face of the still is stored under a name; the other two people are in no collection
        dev.rekoface.model.BoundingBox lead = film.index(img("his-girl-friday-1940.jpg"), LEAD).indexed().get(0).boundingBox();

        List<FaceRecognition> all = film.recognizeAll(img("his-girl-friday-1940.jpg"), Threshold.DEFAULT_SIMILARITY);

        assertThat(all).hasSize(reko.detectFaces(img("his-girl-friday-1940.jpg")).size()).hasSizeGreaterThanOrEqualTo(3);
        List<FaceRecognition> named = all.stream().filter(r -> r.personId().isPresent()).toList();
        assertThat(named).singleElement().satisfies(r -> {
            assertThat(r.personId()).contains(LEAD);
            assertThat(r.box().center().x()).isCloseTo(lead.center().x(), org.assertj.core.data.Offset.offset(0.02));
        });
        assertThat(all).filteredOn(r -> r.personId().isEmpty()).allSatisfy(r -> assertThat(r.match()).isEmpty());
    }

    @Test
    void recognizeAll_photoWithoutFace_isEmptyNotAnError_syncAndAsync(RekofaceClient reko, RekofaceAsyncClient async) {
        reko.collection("nobody").create();
        assertThat(reko.collection("nobody").recognizeAll(img("coffee.png"))).isEmpty();
        assertThat(async.collection("nobody").recognizeAll(img("coffee.png")).join()).isEmpty();
    }

    @Test
    void recognizeAll_groupPhotoWithFacesUnder20Pixels_reportsThemTooSmallAndSearchesNone(RekofaceClient reko,
                                                                                        RekognitionEmulator emulator) {
        FaceCollection family = reko.collection("family");
        family.create();
        family.index(img("family-1128318.jpg"), "family");
        // family-1128317.jpg at 45 %: its three faces are 16-19 px wide, which the engine still finds
        ImageSource small = scaled("family-1128317.jpg", 0.45);
        emulator.resetCounters();

        List<FaceRecognition> all = family.recognizeAll(small, Threshold.DEFAULT_SIMILARITY);

        assertThat(all).isNotEmpty().allSatisfy(r -> {
            assertThat(r.unsearchedReason()).contains(UnsearchedReason.TOO_SMALL);
            assertThat(Math.min(r.pixelBox().width(), r.pixelBox().height())).isLessThan(FaceRecognition.MIN_FACE_PIXELS);
            assertThat(r.match()).isEmpty();
        });
        assertThat(emulator.counters().requests(Operation.DETECT_FACES)).isEqualTo(1);
        assertThat(emulator.counters().requests(Operation.SEARCH_FACES_BY_IMAGE)).isZero();
    }

    @Test
    void recognizeAll_faceTheServiceFindsButNotInItsCrop_isReportedNoFaceInCropAndTheOthersAreSearched(RekofaceClient reko) {
        FaceCollection people = reko.collection("notebook");
        people.create();
        people.index(img("Swami1.jpeg"), "swami");
        // werner-and-swami.jpeg: the catalogue (the service's answer) has Werner at yaw 70 degrees; the local engine,
        // which answers for the crop, finds no face in the 241 x 352 crop around him (it needs the whole photo)
        List<FaceRecognition> all = people.recognizeAll(img("werner-and-swami.jpeg"), Threshold.DEFAULT_SIMILARITY);

        assertThat(all).hasSize(2);
        FaceRecognition werner = leftOf(all);
        assertThat(werner.unsearchedReason()).contains(UnsearchedReason.NO_FACE_IN_CROP);
        assertThat(werner.match()).isEmpty();
        assertThat(werner.isUnknown()).as("not searched is not unknown").isFalse();
        FaceRecognition swami = rightOf(all);
        assertThat(swami.unsearchedReason()).isEmpty();
        assertThat(swami.personId()).contains("swami");
    }

    @Test
    void recognizeAll_s3Reference_isRefusedBeforeAnyRequest(RekofaceClient reko, RekognitionEmulator emulator) {
        emulator.resetCounters();
        assertThatThrownBy(() -> reko.collection("people").recognizeAll(ImageSource.fromS3("bucket", "group.jpg")))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("s3://bucket/group.jpg")
            .hasMessageContaining("pixels");
        assertThatThrownBy(() -> reko.collection("people").recognizeAll(null, Threshold.DEFAULT_SIMILARITY))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("image");
        assertThat(emulator.counters().requests(Operation.DETECT_FACES)).isZero();
    }

    @Test
    void recognizeAll_atTheQuotaBenchmarksQuota_neverThrottles(@LocalRekognitionEndpoint URI endpoint,
                                                               RekognitionEmulator emulator) {
        // the quota benchmark's emulator settings, with SearchFacesByImage and DetectFaces at a small region's 5 TPS
        FaultProfile quota = FaultProfile.builder().tpsQuota(5).latency(Duration.ofMillis(200)).build();
        RateLimit rate = RateLimit.perSecond(50).withOperation(Operation.SEARCH_FACES_BY_IMAGE, 5)
            .withOperation(Operation.DETECT_FACES, 5);
        try (RekofaceClient sync = RekofaceClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).rateLimit(rate).build();
             RekofaceAsyncClient async = RekofaceAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).rateLimit(rate).build()) {
            sync.collection("film").create();
            sync.collection("film").index(img("his-girl-friday-1940.jpg"), LEAD);
            emulator.setFaults(Operation.SEARCH_FACES_BY_IMAGE, quota);
            emulator.setFaults(Operation.DETECT_FACES, quota);
            emulator.resetCounters();

            // three photos at once through the async facade (up to 12 searches in flight), then one more in sync
            List<CompletableFuture<List<FaceRecognition>>> running = IntStream.range(0, 3)
                .mapToObj(i -> async.collection("film").recognizeAll(img("his-girl-friday-1940.jpg"))).toList();
            List<List<FaceRecognition>> answers = running.stream().map(CompletableFuture::join).toList();
            List<FaceRecognition> once = sync.collection("film").recognizeAll(img("his-girl-friday-1940.jpg"));

            int faces = once.size();
            assertThat(faces).isGreaterThanOrEqualTo(3);
            assertThat(answers).allSatisfy(a -> assertThat(a).hasSize(faces)
                .filteredOn(r -> r.personId().isPresent()).singleElement());
            assertThat(emulator.counters().requests(Operation.SEARCH_FACES_BY_IMAGE)).isEqualTo(4L * faces);
            assertThat(emulator.counters().throttled(Operation.SEARCH_FACES_BY_IMAGE)).isZero();
            assertThat(emulator.counters().throttled(Operation.DETECT_FACES)).isZero();
        } finally {
            emulator.clearFaults();
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }
}
