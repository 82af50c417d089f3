package dev.rekoface;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekoface.image.ImageSource;
import dev.rekoface.model.IndexOptions;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.model.Threshold;
import dev.rekoface.support.RekognitionWireMock;
import dev.rekoface.support.TestImages;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Collection inputs are checked before any request; listings follow NextToken lazily. */
class CollectionInputTest {
    @RegisterExtension
    static RekognitionWireMock reko = RekognitionWireMock.create();

    private RekofaceClient client;
    private final ImageSource obama = ImageSource.fromBytes(TestImages.fixture("obama.jpg"));

    @BeforeEach
    void setUp() {
        client = reko.client();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void collection_badId_refusedWithoutARequest() {
        assertThatThrownBy(() -> client.collection("my faces!")).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("'my faces!'").hasMessageContaining("1-255");
        assertThatThrownBy(() -> client.collection("")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> client.collection("x".repeat(256))).isInstanceOf(InvalidArgumentException.class);
        assertThat(reko.requestCount()).isZero();
    }

    @Test
    void index_emptyOrOversizePersonId_refusedWithoutARequest() {
        FaceCollection c = client.collection("faces");
        assertThatThrownBy(() -> c.index(obama, "")).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("person id must not be empty");
        assertThatThrownBy(() -> c.index(obama, "é".repeat(100))).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("at most 255");
        assertThat(reko.requestCount()).isZero();
    }

    @Test
    void recognize_thresholdOnZeroToOneScaleOr101_refusedWithoutARequest() {
        FaceCollection c = client.collection("faces");
        assertThatThrownBy(() -> c.recognize(obama, 0.7)).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("face match threshold 0.7 is on a 0-1 scale").hasMessageContaining("did you mean 70?");
        assertThatThrownBy(() -> c.recognize(obama, 101)).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("101 is out of range");
        assertThat(reko.requestCount()).isZero();
    }

    @Test
    void indexOptions_maxFacesZero_refused() {
        assertThatThrownBy(() -> IndexOptions.defaults().withMaxFaces(0)).isInstanceOf(InvalidArgumentException.class)
            .hasMessageContaining("maxFaces 0");
        assertThatThrownBy(() -> IndexOptions.defaults().withMaxFaces(101)).hasMessageContaining("1-100");
    }

    @Test
    void searchByFaceId_notAUuid_refusedWithoutARequest() {
        FaceCollection c = client.collection("faces");
        assertThatThrownBy(() -> c.searchByFaceId("obama-face-1", Threshold.percent(80), 10))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("'obama-face-1' is not a face id");
        assertThatThrownBy(() -> c.associateFaces("ana", List.of("nope"))).hasMessageContaining("'nope'");
        assertThat(reko.requestCount()).isZero();
    }

    @Test
    void associateFaces_over100_refusedWithoutARequest() {
        List<String> ids = java.util.stream.Stream.generate(() -> UUID.randomUUID().toString()).limit(101).toList();
        assertThatThrownBy(() -> client.collection("faces").associateFaces("ana", ids))
            .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("1-100 face ids, was 101");
        assertThat(reko.requestCount()).isZero();
    }

    @Test
    void asyncIndex_badPersonId_failsTheFutureWithoutARequest() {
        try (RekofaceAsyncClient async = reko.asyncClient()) {
            assertThatThrownBy(() -> async.collection("faces").index(obama, "").join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(InvalidArgumentException.class);
        }
        assertThat(reko.requestCount()).isZero();
    }

    private void stubListFacesPages() {
        String face = "{\"FaceId\":\"%s\",\"BoundingBox\":{\"Left\":0.1,\"Top\":0.1,\"Width\":0.2,\"Height\":0.2},"
            + "\"ImageId\":\"%s\",\"ExternalImageId\":\"rf:joe_20biden\",\"Confidence\":99.9}";
        String page1 = "{\"Faces\":[" + String.format(face, uuid(1), uuid(11)) + "," + String.format(face, uuid(2), uuid(12))
            + "],\"NextToken\":\"t2\",\"FaceModelVersion\":\"7.0\"}";
        String page2 = "{\"Faces\":[" + String.format(face, uuid(3), uuid(13)) + "],\"FaceModelVersion\":\"7.0\"}";
        reko.stubFor(post("/").withHeader("X-Amz-Target", equalTo(Operation.LIST_FACES.target()))
            .withRequestBody(notContaining("NextToken")).willReturn(aResponse().withBody(page1)
                .withHeader("Content-Type", "application/x-amz-json-1.1")));
        reko.stubFor(post("/").withHeader("X-Amz-Target", equalTo(Operation.LIST_FACES.target()))
            .withRequestBody(containing("\"NextToken\":\"t2\"")).willReturn(aResponse().withBody(page2)
                .withHeader("Content-Type", "application/x-amz-json-1.1")));
    }

    private static String uuid(int n) {
        return String.format("00000000-0000-0000-0000-%012d", n);
    }

    @Test
    void faces_followsNextTokenLazily() {
        stubListFacesPages();
        Iterator<IndexedFace> it = client.collection("faces").faces().iterator();
        assertThat(it.next().faceId()).isEqualTo(uuid(1));
        assertThat(reko.requests(Operation.LIST_FACES)).hasSize(1);
        assertThat(it.next().faceId()).isEqualTo(uuid(2));
        assertThat(it.next().faceId()).isEqualTo(uuid(3));
        assertThat(reko.requests(Operation.LIST_FACES)).hasSize(2);
        assertThat(it.hasNext()).isFalse();
        assertThat(client.collection("faces").faces().map(IndexedFace::personId)).allMatch(p -> p.orElseThrow().equals("joe biden"));
    }

    @Test
    void asyncFaces_collectsEveryPage() {
        stubListFacesPages();
        try (RekofaceAsyncClient async = reko.asyncClient()) {
            List<IndexedFace> all = async.collection("faces").faces().toList().join();
            assertThat(all).extracting(IndexedFace::faceId).containsExactly(uuid(1), uuid(2), uuid(3));
        }
    }

    @Test
    void asyncFaces_fetchesOnlyWhatIsDemanded() throws Exception {
        stubListFacesPages();
        try (RekofaceAsyncClient async = reko.asyncClient()) {
            java.util.concurrent.CountDownLatch one = new java.util.concurrent.CountDownLatch(1);
            java.util.List<IndexedFace> got = new java.util.concurrent.CopyOnWriteArrayList<>();
            async.collection("faces").faces().subscribe(new java.util.concurrent.Flow.Subscriber<>() {
                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                    s.request(1);
                }

                @Override
                public void onNext(IndexedFace item) {
                    got.add(item);
                    one.countDown();
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onComplete() {
                }
            });
            assertThat(one.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            assertThat(got).hasSize(1);
            assertThat(reko.requests(Operation.LIST_FACES)).hasSize(1);
        }
    }
}
