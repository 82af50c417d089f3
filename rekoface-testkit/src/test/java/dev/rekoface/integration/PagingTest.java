package dev.rekoface.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.FaceCollection;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.model.IndexOptions;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.retry.RateLimit;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import dev.rekoface.testkit.junit.LocalRekognition;
import dev.rekoface.testkit.junit.LocalRekognitionEndpoint;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** More faces than one page of ListFaces holds (1000): listings, facesOf and forget read every page. */
@LocalRekognition(resetBetweenTests = false)
class PagingTest {
    private static final int CALLS = 345;  // 3 faces per call: 1035 faces

    private static RekofaceClient fast(URI endpoint) {
        return RekofaceClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .rateLimit(RateLimit.unlimited()).build();
    }

    @Test
    void moreFacesThanOnePage_listedAndForgottenAcrossPages(@LocalRekognitionEndpoint URI endpoint, RekofaceAsyncClient async,
                                                            RekognitionEmulator emulator) {
        try (RekofaceClient reko = fast(endpoint)) {
            FaceCollection crowd = reko.collection("crowd");
            crowd.create();
            ImageSource film = ImageSource.fromBytes(Fixtures.image("his-girl-friday-1940.jpg").bytes());
            for (int i = 0; i < CALLS; i++) {
                crowd.index(film, "film crowd", IndexOptions.defaults().withMaxFaces(3));
            }
            crowd.index(ImageSource.fromBytes(Fixtures.image("biden.jpg").bytes()), "joe biden");
            int total = CALLS * 3 + 1;
            emulator.resetCounters();
            List<IndexedFace> all = crowd.faces().toList();
            assertThat(all).hasSize(total);
            Set<String> ids = new HashSet<>();
            all.forEach(f -> ids.add(f.faceId()));
            assertThat(ids).as("no face listed twice").hasSize(total);
            assertThat(emulator.counters().requests(dev.rekoface.Operation.LIST_FACES)).isEqualTo(2);
            assertThat(async.collection("crowd").faces().toList().join()).hasSize(total);
            assertThat(crowd.facesOf("film crowd")).hasSize(total - 1);

            assertThat(crowd.forget("film crowd").deletedFaceIds()).hasSize(total - 1);
            assertThat(crowd.faces().map(f -> f.personId().orElse(""))).containsExactly("joe biden");
        }
    }
}
