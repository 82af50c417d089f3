package dev.rekoface.testkit.emulator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import dev.rekoface.testkit.faces.EmulatorImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Turns a request's {@code Image} into a validated image: base64 bytes, or an S3 object read from the configured S3
 * endpoint (path style, {@code GET <endpoint>/<bucket>/<key>[?versionId=]}, unsigned or SigV4-signed). Validation is
 * the emulator's own ({@link ImageRules}, the service's rules and errors). Validated images are cached by SHA-256 (the
 * last 64) and by base64 text (the last 16), so a repeated image costs one string comparison.
 */
final class ImageResolver {
    private static final Logger LOG = LoggerFactory.getLogger(ImageResolver.class);

    /** Largest S3 object the service reads: 15 MB. */
    static final long MAX_S3_BYTES = ImageRules.MAX_S3_BYTES;

    /** A validated image and the hex SHA-256 of its bytes. */
    record Resolved(EmulatorImage image, String sha256, int byteCount) {
    }

    private final URI s3Endpoint;
    private final String s3AccessKey;
    private final String s3SecretKey;
    private final String region;
    private final HttpClient http;
    /** Recent images by their base64 text, so that a repeated image costs neither decoding nor hashing. */
    private final BoundedCache<String, Resolved> byText = new BoundedCache<>(16, 16L << 20, r -> r.byteCount() * 4L / 3);
    /** Validated images by SHA-256 (images from S3 included). */
    private final BoundedCache<String, Resolved> cache = new BoundedCache<>(64, 64L << 20, r -> r.byteCount());

    ImageResolver(URI s3Endpoint, String s3AccessKey, String s3SecretKey, String region) {
        this.s3Endpoint = s3Endpoint;
        this.s3AccessKey = s3AccessKey;
        this.s3SecretKey = s3SecretKey;
        this.region = region;
        this.http = s3Endpoint == null ? null
            : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * Resolves the {@code Image} member of a request.
     *
     * @param image the member (already checked against the model)
     * @return the validated image
     * @throws ServiceError with the service's error for a bad image
     */
    Resolved resolve(JsonNode image) {
        boolean hasBytes = image.hasNonNull("Bytes");
        boolean hasS3 = image.hasNonNull("S3Object");
        if (hasBytes == hasS3) {
            throw ServiceError.invalidParameter(hasBytes ? "Requested image should either contain bytes or s3 object."
                : "Requested image should either contain bytes or s3 object.");
        }
        if (hasBytes) {
            String text = image.get("Bytes").asString();
            Resolved known = byText.get(text);
            if (known != null) {
                return known;
            }
            byte[] bytes;
            try {
                bytes = image.get("Bytes").binaryValue();
            } catch (JacksonException | IllegalArgumentException e) {
                throw ServiceError.badRequest("SerializationException", "Image bytes are not valid base64");
            }
            Resolved r = validate(bytes, false);
            byText.put(text, r);
            return r;
        }
        return validate(fetch(image.get("S3Object")), true);
    }

    private Resolved validate(byte[] bytes, boolean fromS3) {
        String sha = sha256(bytes);
        Resolved known = cache.get(sha);
        if (known != null) {
            return known;
        }
        EmulatorImage img;
        try {
            img = ImageRules.check(bytes, sha, fromS3);
        } catch (ImageRules.Rejected e) {
            LOG.debug("image {} refused ({}): {}", sha.substring(0, 12), e.rule, e.getMessage());
            throw e.error;
        }
        Resolved r = new Resolved(img, sha, bytes.length);
        cache.put(sha, r);
        return r;
    }

    private byte[] fetch(JsonNode s3) {
        String bucket = s3.path("Bucket").asString("");
        String key = s3.path("Name").asString("");
        if (bucket.isEmpty() || key.isEmpty()) {
            throw ServiceError.badRequest("InvalidS3ObjectException", "Unable to get object metadata from S3. Check object key, region and/or access permissions.");
        }
        if (s3Endpoint == null) {
            throw ServiceError.badRequest("InvalidS3ObjectException", "Unable to get object metadata from S3. Check object key, "
                + "region and/or access permissions. (This emulator has no S3 endpoint configured.)");
        }
        StringBuilder path = new StringBuilder();
        String base = s3Endpoint.toString().replaceAll("/+$", "");
        path.append(base).append('/').append(enc(bucket));
        for (String seg : key.split("/", -1)) {
            path.append('/').append(enc(seg));
        }
        if (s3.hasNonNull("Version")) {
            path.append("?versionId=").append(enc(s3.get("Version").asString()));
        }
        URI uri = URI.create(path.toString());
        try {
            HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
            if (s3AccessKey != null) {
                sign(uri).forEach((name, values) -> values.forEach(v -> {
                    if (!name.equalsIgnoreCase("host")) {
                        rb.header(name, v);
                    }
                }));
            }
            HttpResponse<java.io.InputStream> resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = resp.body()) {
                if (resp.statusCode() != 200) {
                    throw ServiceError.badRequest("InvalidS3ObjectException",
                        "Unable to get object metadata from S3. Check object key, region and/or access permissions.");
                }
                byte[] bytes = in.readNBytes((int) MAX_S3_BYTES + 1);
                if (bytes.length > MAX_S3_BYTES) {
                    throw ServiceError.badRequest("InvalidS3ObjectException", "S3 object is too large.");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw ServiceError.badRequest("InvalidS3ObjectException",
                "Unable to get object metadata from S3. Check object key, region and/or access permissions.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceError("InternalServerError", 500, "Interrupted while reading from S3");
        }
    }

    private Map<String, List<String>> sign(URI uri) {
        SdkHttpRequest req = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri)
            .putHeader("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
            .identity(AwsCredentialsIdentity.create(s3AccessKey, s3SecretKey))
            .request(req)
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
            .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
            .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false));
        return signed.request().headers();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
    }

    static String sha256(byte[] bytes) {
        return EmulatorImage.sha256(bytes);
    }
}
