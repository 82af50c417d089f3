package dev.rekoface;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekoface.image.ImageSource;
import dev.rekoface.model.Label;
import dev.rekoface.model.Threshold;
import dev.rekoface.support.RekognitionWireMock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DetectLabelsTest {
    @RegisterExtension
    static RekognitionWireMock reko = RekognitionWireMock.create();


    @Test
    void detectLabels_recordedResponse_mapsNamesConfidencesInstancesAndParents() {
        reko.answer(Operation.DETECT_LABELS, "sdk-examples/DetectLabels.response.json");
        try (RekofaceClient client = reko.client()) {
            List<Label> labels = client.detectLabels(ImageSource.fromS3("mybucket", "myphoto"), 10, Threshold.percent(70));
            assertThat(labels).isNotEmpty();
            assertThat(labels).allSatisfy(l -> assertThat(l.confidence()).isBetween(0.0, 100.0));
        }
        String body = reko.requests(Operation.DETECT_LABELS).get(0).getBodyAsString();
        assertThat(body).contains("\"MaxLabels\":10").contains("\"MinConfidence\":70.0");
    }

    @Test
    void detectLabels_consoleResponse_mapsEveryLabel() {
        reko.answer(Operation.DETECT_LABELS, "aws-developer-guide/DetectLabels.console_response.json");
        try (RekofaceClient client = reko.client()) {
            List<Label> labels = client.detectLabels(ImageSource.fromS3("mybucket", "skateboard.jpg"));
            assertThat(labels).extracting(Label::name).contains("Skateboard", "Person", "Car");
        }
        assertThat(reko.requests(Operation.DETECT_LABELS).get(0).getBodyAsString())
            .contains("\"MaxLabels\":100").contains("\"MinConfidence\":55.0");
    }

    @Test
    void detectLabels_parentsAndInstances_areKept() {
        reko.answerJson(Operation.DETECT_LABELS, "{\"Labels\":[{\"Name\":\"Man\",\"Confidence\":95.15,\"Instances\":[],"
            + "\"Parents\":[{\"Name\":\"Person\"}]},{\"Name\":\"Sweater\",\"Confidence\":96.0,\"Instances\":[{\"BoundingBox\":"
            + "{\"Left\":0.1,\"Top\":0.5,\"Width\":0.6,\"Height\":0.5},\"Confidence\":96.0}],\"Parents\":[{\"Name\":\"Clothing\"}],"
            + "\"Aliases\":[{\"Name\":\"Jumper\"}],\"Categories\":[{\"Name\":\"Apparel and Accessories\"}]}]}");
        try (RekofaceClient client = reko.client()) {
            List<Label> labels = client.detectLabels(ImageSource.fromS3("mybucket", "ric.jpg"));
            assertThat(labels.get(0).parents()).containsExactly("Person");
            assertThat(labels.get(1).instances()).hasSize(1);
            assertThat(labels.get(1).instances().get(0).boundingBox().height()).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(labels.get(1).aliases()).containsExactly("Jumper");
            assertThat(labels.get(1).categories()).containsExactly("Apparel and Accessories");
        }
    }

    @Test
    void detectLabels_async_givesTheSameLabelsAsSync() {
        reko.answer(Operation.DETECT_LABELS, "sdk-examples/DetectLabels.response.json");
        ImageSource image = ImageSource.fromS3("mybucket", "myphoto");
        try (RekofaceClient sync = reko.client(); RekofaceAsyncClient async = reko.asyncClient()) {
            assertThat(async.detectLabels(image).join()).isEqualTo(sync.detectLabels(image)).isNotEmpty();
        }
    }
}
