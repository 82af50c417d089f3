package dev.rekoface.internal.operation;

import dev.rekoface.Operation;
import dev.rekoface.image.ImageSource;
import dev.rekoface.internal.mapper.FaceMapper;
import dev.rekoface.internal.mapper.SdkImages;
import dev.rekoface.model.FaceAttribute;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceDetails;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Attribute;
import software.amazon.awssdk.services.rekognition.model.DetectFacesRequest;
import software.amazon.awssdk.services.rekognition.model.DetectFacesResponse;

/** DetectFaces: the faces of one image. "No face" is an empty list. */
public final class DetectFacesOperation
    extends SdkOperation<DetectFacesOperation.Input, DetectFacesRequest, DetectFacesResponse, List<FaceDetails>> {

    /** The shared instance; stateless. */
    public static final DetectFacesOperation INSTANCE = new DetectFacesOperation();

    /**
     * The input.
     *
     * @param image the image
     * @param attributes which attributes to return
     */
    public record Input(ImageSource image, FaceAttributes attributes) {
    }

    private DetectFacesOperation() {
        super(Operation.DETECT_FACES, RekognitionClient::detectFaces, RekognitionAsyncClient::detectFaces);
    }

    @Override
    public DetectFacesRequest generateRequest(Input input) {
        Checks.notNull(input.image(), "image");
        Checks.notNull(input.attributes(), "attributes");
        return DetectFacesRequest.builder()
            .image(SdkImages.toSdk(input.image(), "image"))
            .attributesWithStrings(attributeStrings(input.attributes()))
            .build();
    }

    /**
     * Converts an attribute selection to the service's strings.
     *
     * @param attributes the selection
     * @return e.g. {@code ["DEFAULT"]}, {@code ["ALL"]}, {@code ["DEFAULT", "AGE_RANGE"]}
     */
    public static List<String> attributeStrings(FaceAttributes attributes) {
        if (attributes.isDefault()) {
            return List.of(Attribute.DEFAULT.toString());
        }
        if (attributes.isAll()) {
            return List.of(Attribute.ALL.toString());
        }
        List<String> out = new ArrayList<>();
        out.add(Attribute.DEFAULT.toString());
        for (FaceAttribute a : attributes.attributes()) {
            out.add(a.name());
        }
        return out;
    }

    @Override
    public List<FaceDetails> transformResponse(DetectFacesResponse response, Input input) {
        return FaceMapper.detectFaces(response, Checks.size(input.image()));
    }
}
