package dev.rekoface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rekoface.image.ImageSource;
import dev.rekoface.support.RekognitionWireMock;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/** Service errors become typed exceptions that keep the SDK exception as the cause. */
class ErrorMappingTest {
    @RegisterExtension
    static RekognitionWireMock reko = RekognitionWireMock.create();

    private final ImageSource image = ImageSource.fromS3("photos", "a.jpg");

    private Throwable detectFails() {
        try (RekognitionClient raw = reko.rawClient(); RekofaceClient client = RekofaceClient.builder().rekognitionClient(raw).build()) {
            return catchThrowable(() -> client.detectFaces(image));
        }
    }

    @Test
    void throttling_becomesThrottledExceptionWithCodeAndRequestId() {
        reko.fail(Operation.DETECT_FACES, 400, "ThrottlingException", "Slow down");
        Throwable t = detectFails();
        assertThat(t).isInstanceOf(ThrottledException.class).hasMessageContaining("DetectFaces").hasMessageContaining("Slow down")
            .hasCauseInstanceOf(AwsServiceException.class);
        ThrottledException e = (ThrottledException) t;
        assertThat(e.errorCode()).contains("ThrottlingException");
        assertThat(e.requestId()).contains("req-1234");
    }

    @Test
    void provisionedThroughputExceeded_becomesThrottledException() {
        reko.fail(Operation.DETECT_FACES, 400, "ProvisionedThroughputExceededException", "Provisioned rate exceeded");
        assertThat(detectFails()).isInstanceOf(ThrottledException.class);
    }

    @Test
    void invalidImageFormat_becomesInvalidImageException() {
        reko.fail(Operation.DETECT_FACES, 400, "InvalidImageFormatException", "Request has invalid image format");
        Throwable t = detectFails();
        assertThat(t).isInstanceOf(InvalidImageException.class);
        assertThat(((InvalidImageException) t).reason()).isEqualTo(InvalidImageException.Reason.UNSUPPORTED_FORMAT);
    }

    @Test
    void invalidS3Object_becomesInvalidImageException() {
        reko.fail(Operation.DETECT_FACES, 400, "InvalidS3ObjectException", "Unable to get object metadata from S3. Check object key, region and/or access permissions.");
        Throwable t = detectFails();
        assertThat(((InvalidImageException) t).reason()).isEqualTo(InvalidImageException.Reason.INVALID_S3_OBJECT);
        assertThat(t).hasMessageContaining("Check object key");
    }

    @Test
    void accessDenied_becomesAccessDeniedException() {
        reko.fail(Operation.DETECT_FACES, 400, "AccessDeniedException", "User is not authorized");
        assertThat(detectFails()).isInstanceOf(AccessDeniedException.class).hasMessageContaining("not authorized");
    }

    @Test
    void internalServerError_becomesRetryableServiceFailure() {
        reko.fail(Operation.DETECT_FACES, 500, "InternalServerError", "Internal server error");
        Throwable t = detectFails();
        assertThat(t).isInstanceOf(ServiceFailureException.class);
        assertThat(((ServiceFailureException) t).isRetryable()).isTrue();
    }

    @Test
    void resourceNotFound_becomesNotFoundException() {
        reko.fail(Operation.DETECT_FACES, 400, "ResourceNotFoundException", "The collection id: nobody does not exist");
        assertThat(detectFails()).isInstanceOf(NotFoundException.class).hasMessageContaining("nobody does not exist");
    }

    @Test
    void unreachableEndpoint_becomesRetryableServiceFailure() {
        try (RekofaceClient client = RekofaceClient.builder().endpointOverride(java.net.URI.create("http://127.0.0.1:9"))
            .region(software.amazon.awssdk.regions.Region.US_EAST_1).credentialsProvider(RekognitionWireMock.credentials()).build()) {
            Throwable t = catchThrowable(() -> client.detectFaces(image));
            assertThat(t).isInstanceOf(ServiceFailureException.class).hasCauseInstanceOf(SdkClientException.class)
                .hasMessageContaining("could not get an answer");
            assertThat(((ServiceFailureException) t).isRetryable()).isTrue();
        }
    }

    @Test
    void async_throttling_completesExceptionallyWithThrottledException() {
        reko.fail(Operation.DETECT_FACES, 400, "ThrottlingException", "Slow down");
        try (RekognitionAsyncClient raw = reko.rawAsyncClient();
             RekofaceAsyncClient client = RekofaceAsyncClient.builder().rekognitionClient(raw).build()) {
            Throwable t = catchThrowable(() -> client.detectFaces(image).join());
            assertThat(t).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ThrottledException.class);
            assertThat(t.getCause().getCause()).isInstanceOf(AwsServiceException.class);
        }
    }

    @Test
    void exceptions_shareOneRoot() {
        for (Class<?> c : new Class<?>[] {InvalidImageException.class, InvalidArgumentException.class, ThrottledException.class,
            NotFoundException.class, AlreadyExistsException.class, AccessDeniedException.class, ServiceFailureException.class}) {
            assertThat(RekofaceException.class).isAssignableFrom(c);
        }
        assertThat(RuntimeException.class).isAssignableFrom(RekofaceException.class);
    }
}
