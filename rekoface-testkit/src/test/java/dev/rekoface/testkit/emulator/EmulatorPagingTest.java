package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import tools.jackson.databind.JsonNode;
import dev.rekoface.Operation;
import dev.rekoface.testkit.junit.LocalRekognition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.InvalidPaginationTokenException;
import software.amazon.awssdk.services.rekognition.model.ListFacesResponse;
import software.amazon.awssdk.services.rekognition.model.ListUsersResponse;
import software.amazon.awssdk.services.rekognition.model.RekognitionException;
import software.amazon.awssdk.services.rekognition.model.User;

/** The one listing loop behind ListCollections, ListFaces and ListUsers: page sizes, tokens, filters. */
@LocalRekognition
class EmulatorPagingTest {

    @Test
    void limits_matchTheServiceModelsMaxima() {
        ServiceModel model = ServiceModel.get();
        Map<Operation, Paging.Limits> limits = Map.of(Operation.LIST_COLLECTIONS, Paging.LIST_COLLECTIONS,
            Operation.LIST_FACES, Paging.LIST_FACES, Operation.LIST_USERS, Paging.LIST_USERS);
        limits.forEach((op, l) -> {
            String pageShape = model.shape(model.inputShape(op.wireName())).get("members").get("MaxResults").get("shape").asString();
            JsonNode shape = model.shape(pageShape);
            assertThat(l.maxSize()).as(op.wireName()).isEqualTo(shape.get("max").asInt());
            assertThat(l.defaultSize()).as(op.wireName()).isBetween(Math.max(1, shape.get("min").asInt()), l.maxSize());
        });
    }

    @Test
    void listUsers_maxResults_pagesOfThatSizeInUserIdOrder(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("people"));
        for (String id : List.of("u4", "u0", "u3", "u1", "u2")) {
            sdk.createUser(r -> r.collectionId("people").userId(id));
        }
        List<Integer> sizes = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (ListUsersResponse p : sdk.listUsersPaginator(r -> r.collectionId("people").maxResults(2))) {
            sizes.add(p.users().size());
            p.users().forEach(u -> all.add(u.userId()));
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(all).containsExactly("u0", "u1", "u2", "u3", "u4");
    }

    @Test
    void listUsers_noMaxResults_pagesOfTheDefaultSize(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("crowd"));
        int users = Paging.LIST_USERS.defaultSize() + 1;
        for (int i = 0; i < users; i++) {
            String id = String.format("user-%03d", i);
            sdk.createUser(r -> r.collectionId("crowd").userId(id));
        }
        ListUsersResponse first = sdk.listUsers(r -> r.collectionId("crowd"));
        assertThat(first.users()).hasSize(Paging.LIST_USERS.defaultSize());
        assertThat(first.nextToken()).isNotNull();
        ListUsersResponse second = sdk.listUsers(r -> r.collectionId("crowd").nextToken(first.nextToken()));
        assertThat(second.users()).extracting(User::userId).containsExactly(String.format("user-%03d", users - 1));
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void listUsers_maxResultsOverTheModelsMaximum_answersValidationException(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("people"));
        assertThatThrownBy(() -> sdk.listUsers(r -> r.collectionId("people").maxResults(Paging.LIST_USERS.maxSize() + 1)))
            .isInstanceOfSatisfying(RekognitionException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                assertThat(e.awsErrorDetails().errorMessage()).contains("'maxResults'", "less than or equal to 500");
            });
    }

    @Test
    void listFaces_tokenOfAnotherListing_answersInvalidPaginationTokenException(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("a"));
        sdk.createCollection(r -> r.collectionId("b"));
        String collectionsToken = sdk.listCollections(r -> r.maxResults(1)).nextToken();
        assertThat(collectionsToken).isNotNull();
        assertThatThrownBy(() -> sdk.listFaces(r -> r.collectionId("a").nextToken(collectionsToken)))
            .isInstanceOf(InvalidPaginationTokenException.class);
        assertThatThrownBy(() -> sdk.listUsers(r -> r.collectionId("a").nextToken("not-a-token")))
            .isInstanceOf(InvalidPaginationTokenException.class);
    }

    @Test
    void listFaces_filteredByUser_nextTokenOnlyWhenAnotherOfThatUsersFacesFollows(RekognitionClient sdk) {
        sdk.createCollection(r -> r.collectionId("faces"));
        String o1 = sdk.indexFaces(r -> r.collectionId("faces").image(EmulatorSdkTest.image("obama.jpg"))).faceRecords().get(0).face().faceId();
        String o2 = sdk.indexFaces(r -> r.collectionId("faces").image(EmulatorSdkTest.image("obama2.jpg"))).faceRecords().get(0).face().faceId();
        sdk.indexFaces(r -> r.collectionId("faces").image(EmulatorSdkTest.image("his-girl-friday-1940.jpg")));
        sdk.indexFaces(r -> r.collectionId("faces").image(EmulatorSdkTest.image("biden.jpg")));
        sdk.createUser(r -> r.collectionId("faces").userId("barack"));
        assertThat(sdk.associateFaces(r -> r.collectionId("faces").userId("barack").faceIds(o1, o2)).associatedFaces()).hasSize(2);

        ListFacesResponse whole = sdk.listFaces(r -> r.collectionId("faces").userId("barack").maxResults(2));
        assertThat(whole.faces()).extracting(f -> f.faceId()).containsExactlyInAnyOrder(o1, o2);
        assertThat(whole.nextToken()).as("no other face of barack follows").isNull();

        ListFacesResponse first = sdk.listFaces(r -> r.collectionId("faces").userId("barack").maxResults(1));
        assertThat(first.nextToken()).isNotNull();
        ListFacesResponse second = sdk.listFaces(r -> r.collectionId("faces").userId("barack").maxResults(1).nextToken(first.nextToken()));
        assertThat(second.faces()).hasSize(1);
        assertThat(second.nextToken()).isNull();
        assertThat(List.of(first.faces().get(0).faceId(), second.faces().get(0).faceId())).containsExactlyInAnyOrder(o1, o2);
    }
}
