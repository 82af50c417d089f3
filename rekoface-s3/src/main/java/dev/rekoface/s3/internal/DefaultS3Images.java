package dev.rekoface.s3.internal;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.InvalidImageException;
import dev.rekoface.RekofaceException;
import dev.rekoface.ServiceFailureException;
import dev.rekoface.image.ImageFormat;
import dev.rekoface.image.ImageHeader;
import dev.rekoface.image.ImageOption;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.image.S3ImageReference;
import dev.rekoface.s3.PresignedUrl;
import dev.rekoface.s3.S3Images;
import dev.rekoface.s3.S3ObjectInfo;
import dev.rekoface.s3.S3Uri;
import dev.rekoface.s3.Upload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The default {@link S3Images}. */
public final class DefaultS3Images implements S3Images {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultS3Images.class);

    /** How many bytes a check reads to find an image's header. */
    static final int HEADER_BYTES = 64 * 1024;
    /** Above this size, uploads go in parts. */
    static final long MULTIPART_THRESHOLD = 8L * 1024 * 1024;
    /** The size of each part (S3's minimum is 5 MB). */
    static final int PART_SIZE = 5 * 1024 * 1024;
    /** SigV4's longest presign expiry. */
    public static final Duration MAX_EXPIRY = Duration.ofDays(7);

    private final S3Client s3;
    private final boolean ownsS3;
    private final S3Presigner presigner;
    private final boolean ownsPresigner;
    private final Region rekognitionRegion;
    private final ConcurrentHashMap<String, Region> bucketRegions = new ConcurrentHashMap<>();

    private DefaultS3Images(S3Client s3, boolean ownsS3, S3Presigner presigner, boolean ownsPresigner, Region rekognitionRegion) {
        this.s3 = s3;
        this.ownsS3 = ownsS3;
        this.presigner = presigner;
        this.ownsPresigner = ownsPresigner;
        this.rekognitionRegion = rekognitionRegion;
    }

    @Override
    public S3Client s3Client() {
        return s3;
    }

    @Override
    public S3ImageReference check(S3Uri uri) {
        String key = objectKey(uri);
        checkRegion(uri.bucket());
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(uri.bucket()).key(key));
        } catch (NoSuchKeyException e) {
            throw missing(uri, e);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw missing(uri, e);
            }
            throw s3Failure("HEAD " + uri, e);
        } catch (SdkException e) {
            throw s3Failure("HEAD " + uri, e);
        }
        long size = head.contentLength() == null ? 0 : head.contentLength();
        if (size > S3ImageReference.MAX_OBJECT_BYTES) {
            throw new InvalidImageException(InvalidImageException.Reason.TOO_LARGE, "S3 object " + uri + " is " + size
                + " bytes; Rekognition reads S3 objects of at most 15 MB (15728640 bytes)");
        }
        if (size == 0) {
            throw new InvalidImageException(InvalidImageException.Reason.EMPTY, "S3 object " + uri + " is empty (0 bytes)");
        }
        byte[] prefix = readRange(uri, key, Math.min(size, HEADER_BYTES));
        ImageHeader header = ImageHeader.read(prefix, uri + (head.contentType() == null ? "" : " (" + head.contentType() + ")"));
        if (header.storedSize().width() < ImageSource.MIN_SIDE || header.storedSize().height() < ImageSource.MIN_SIDE) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_DIMENSIONS, "S3 object " + uri + " is "
                + header.displayedSize() + " px; Rekognition needs at least 80 px on each side");
        }
        S3ImageReference ref = head.versionId() != null && !head.versionId().equals("null")
            ? ImageSource.fromS3(uri.bucket(), key, head.versionId()) : ImageSource.fromS3(uri.bucket(), key);
        return ref.withDisplayedSize(header.displayedSize());
    }

    private byte[] readRange(S3Uri uri, String key, long length) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(uri.bucket()).key(key)
                .range("bytes=0-" + (length - 1)));
            byte[] data = bytes.asByteArray();
            return data.length > length ? Arrays.copyOf(data, (int) length) : data;
        } catch (NoSuchKeyException e) {
            throw missing(uri, e);
        } catch (SdkException e) {
            throw s3Failure("GET " + uri, e);
        }
    }

    private void checkRegion(String bucket) {
        if (rekognitionRegion == null) {
            return;
        }
        Region bucketRegion = bucketRegions.computeIfAbsent(bucket, b -> {
            try {
                String constraint = s3.getBucketLocation(r -> r.bucket(b)).locationConstraintAsString();
                if (constraint == null || constraint.isEmpty()) {
                    return Region.US_EAST_1;
                }
                return "EU".equals(constraint) ? Region.EU_WEST_1 : Region.of(constraint);
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    throw new InvalidImageException(InvalidImageException.Reason.INVALID_S3_OBJECT,
                        "S3 bucket '" + b + "' does not exist", e);
                }
                LOG.debug("Cannot read the location of bucket {}: {}", b, e.getMessage());
                return rekognitionRegion;
            }
        });
        if (!bucketRegion.equals(rekognitionRegion)) {
            throw new InvalidArgumentException("s3 bucket", "S3 bucket '" + bucket + "' is in " + bucketRegion
                + " but the Rekognition client is in " + rekognitionRegion + "; Rekognition reads S3 objects only in "
                + "its own region (copy the object, or use a Rekognition client in " + bucketRegion + ")");
        }
    }

    @Override
    public LocalImage download(S3Uri uri) {
        String key = objectKey(uri);
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(uri.bucket()).key(key));
            long size = bytes.response().contentLength() == null ? bytes.asByteArrayUnsafe().length : bytes.response().contentLength();
            if (size > 64L * 1024 * 1024) {
                throw new InvalidImageException(InvalidImageException.Reason.TOO_LARGE, "S3 object " + uri + " is " + size + " bytes");
            }
            return ImageSource.fromStream(bytes.asInputStream(), ImageOption.DOWNSCALE_TO_FIT);
        } catch (NoSuchKeyException e) {
            throw missing(uri, e);
        } catch (SdkException e) {
            throw s3Failure("GET " + uri, e);
        }
    }

    @Override
    public Upload upload(Path file, S3Uri destination, Map<String, String> metadata) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new InvalidImageException(Files.exists(file) ? InvalidImageException.Reason.NOT_A_FILE
                : InvalidImageException.Reason.FILE_NOT_FOUND, "image file " + file + (Files.exists(file) ? " is not a regular file" : " does not exist"));
        }
        try {
            long size = Files.size(file);
            if (size > S3ImageReference.MAX_OBJECT_BYTES) {
                throw tooLargeForRekognition("file " + file, size);
            }
            return upload(Files.readAllBytes(file), destination, metadata, "file " + file);
        } catch (IOException e) {
            throw new InvalidImageException(InvalidImageException.Reason.UNREADABLE, "image file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Upload upload(InputStream in, S3Uri destination, Map<String, String> metadata) {
        Objects.requireNonNull(in, "in");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        try {
            for (int n; (n = in.read(buf)) != -1; ) {
                out.write(buf, 0, n);
                if (out.size() > S3ImageReference.MAX_OBJECT_BYTES) {
                    throw tooLargeForRekognition("stream", out.size());
                }
            }
        } catch (IOException e) {
            throw new InvalidImageException(InvalidImageException.Reason.UNREADABLE, "image stream could not be read: " + e.getMessage(), e);
        }
        return upload(out.toByteArray(), destination, metadata, "stream");
    }

    @Override
    public Upload upload(byte[] bytes, S3Uri destination, Map<String, String> metadata) {
        return upload(Objects.requireNonNull(bytes, "bytes"), destination, metadata, "bytes");
    }

    private static InvalidImageException tooLargeForRekognition(String what, long size) {
        return new InvalidImageException(InvalidImageException.Reason.TOO_LARGE, "image " + what + " is " + (what.equals("stream") ? "over " : "")
            + size + " bytes; Rekognition reads S3 objects of at most 15 MB (15728640 bytes)");
    }

    private Upload upload(byte[] bytes, S3Uri destination, Map<String, String> metadata, String what) {
        String key = objectKey(destination);
        Map<String, String> meta = checkMetadata(metadata);
        if (bytes.length > S3ImageReference.MAX_OBJECT_BYTES) {
            throw tooLargeForRekognition(what, bytes.length);
        }
        ImageHeader header = ImageHeader.read(bytes, what);
        String contentType = header.format().mediaType();
        try {
            if (bytes.length <= MULTIPART_THRESHOLD) {
                PutObjectResponse r = s3.putObject(b -> b.bucket(destination.bucket()).key(key).contentType(contentType)
                    .metadata(meta), RequestBody.fromBytes(bytes));
                return new Upload(destination, bytes.length, header.format(), unquote(r.eTag()), Optional.ofNullable(r.versionId()), 1);
            }
            return multipart(bytes, destination, key, contentType, meta, header.format());
        } catch (SdkException e) {
            throw s3Failure("PUT " + destination, e);
        }
    }

    private Upload multipart(byte[] bytes, S3Uri destination, String key, String contentType, Map<String, String> meta,
                             ImageFormat format) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(destination.bucket()).key(key).contentType(contentType)
            .metadata(meta)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (int offset = 0, part = 1; offset < bytes.length; offset += PART_SIZE, part++) {
                int len = Math.min(PART_SIZE, bytes.length - offset);
                int number = part;
                String etag = s3.uploadPart(b -> b.bucket(destination.bucket()).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(Arrays.copyOfRange(bytes, offset, offset + len))).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            var done = s3.completeMultipartUpload(b -> b.bucket(destination.bucket()).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
            return new Upload(destination, bytes.length, format, unquote(done.eTag()), Optional.ofNullable(done.versionId()), parts.size());
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(destination.bucket()).key(key).uploadId(uploadId));
            } catch (RuntimeException abort) {
                e.addSuppressed(abort);
            }
            throw e;
        }
    }

    private static Map<String, String> checkMetadata(Map<String, String> metadata) {
        Objects.requireNonNull(metadata, "metadata");
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String k = Objects.requireNonNull(e.getKey(), "metadata key");
            Objects.requireNonNull(e.getValue(), "metadata value of " + k);
            if (k.isEmpty() || !k.matches("[A-Za-z0-9\\-_.]+")) {
                throw new InvalidArgumentException("metadata", "metadata key '" + k + "' must be ASCII letters, digits, '-', '_' or '.'");
            }
        }
        return metadata;
    }

    @Override
    public PresignedUrl presignGet(S3Uri uri, Duration expiry) {
        String key = objectKey(uri);
        Duration d = checkExpiry(expiry);
        var p = presigner().presignGetObject(b -> b.signatureDuration(d).getObjectRequest(g -> g.bucket(uri.bucket()).key(key)));
        return new PresignedUrl(p.url(), "GET", p.expiration(), p.signedHeaders());
    }

    @Override
    public PresignedUrl presignPut(S3Uri uri, Duration expiry, ImageFormat format) {
        String key = objectKey(uri);
        Duration d = checkExpiry(expiry);
        Objects.requireNonNull(format, "format");
        var p = presigner().presignPutObject(b -> b.signatureDuration(d)
            .putObjectRequest(r -> r.bucket(uri.bucket()).key(key).contentType(format.mediaType())));
        return new PresignedUrl(p.url(), "PUT", p.expiration(), p.signedHeaders());
    }

    private S3Presigner presigner() {
        if (presigner == null) {
            throw new InvalidArgumentException("presigner", "no presigner: build S3Images with a region (and credentials) "
                + "or supply an S3Presigner");
        }
        return presigner;
    }

    /**
     * Checks a presign expiry: more than 0 and at most 7 days.
     *
     * @param expiry the expiry
     * @return it
     */
    public static Duration checkExpiry(Duration expiry) {
        Objects.requireNonNull(expiry, "expiry");
        if (expiry.isNegative() || expiry.isZero()) {
            throw new InvalidArgumentException("expiry", "presign expiry " + expiry + " must be more than 0");
        }
        if (expiry.compareTo(MAX_EXPIRY) > 0) {
            throw new InvalidArgumentException("expiry", "presign expiry " + human(expiry) + " is over 7 days, the longest a "
                + "SigV4 presigned URL can live; it is refused rather than silently shortened");
        }
        return expiry;
    }

    private static String human(Duration d) {
        long s = d.getSeconds();
        if (s % 86_400 == 0) {
            return (s / 86_400) + " days";
        }
        if (s % 3600 == 0) {
            return (s / 3600) + " hours";
        }
        return d.toString();
    }

    @Override
    public Stream<S3ObjectInfo> list(S3Uri prefix, String startAfter) {
        Objects.requireNonNull(prefix, "prefix");
        ListObjectsV2Request.Builder req = ListObjectsV2Request.builder().bucket(prefix.bucket());
        if (!prefix.key().isEmpty()) {
            req.prefix(prefix.key());
        }
        if (startAfter != null && !startAfter.isEmpty()) {
            req.startAfter(startAfter);
        }
        try {
            return s3.listObjectsV2Paginator(req.build()).contents().stream()
                .map(o -> new S3ObjectInfo(prefix.bucket(), o.key(), o.size() == null ? 0 : o.size(), unquote(o.eTag()),
                    Optional.ofNullable(o.lastModified())));
        } catch (SdkException e) {
            throw s3Failure("LIST " + prefix, e);
        }
    }

    private static String objectKey(S3Uri uri) {
        Objects.requireNonNull(uri, "uri");
        return uri.objectKey().orElseThrow(() -> new InvalidArgumentException("s3 uri",
            "S3 URI '" + uri + "' names a prefix, not an object; expected s3://BUCKET/KEY"));
    }

    static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }

    private static InvalidImageException missing(S3Uri uri, Throwable e) {
        return new InvalidImageException(InvalidImageException.Reason.INVALID_S3_OBJECT, "S3 object " + uri + " does not exist", e);
    }

    static RekofaceException s3Failure(String what, SdkException e) {
        if (e instanceof AwsServiceException ase) {
            int status = ase.statusCode();
            String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
            if (status == 403) {
                return new dev.rekoface.AccessDeniedException(what + " was denied by S3 (" + code + "): " + ase.getMessage(),
                    ase, code, ase.requestId());
            }
            if (status == 404 && "NoSuchBucket".equals(code)) {
                return new InvalidImageException(InvalidImageException.Reason.INVALID_S3_OBJECT, what + " failed: the bucket does not exist", ase);
            }
            return new ServiceFailureException(what + " failed (" + code + ", HTTP " + status + "): " + ase.getMessage(),
                ase, code, ase.requestId(), status >= 500 || status == 429 || status == 503);
        }
        return new ServiceFailureException(what + " failed: " + e.getMessage(), e, null, null, true);
    }

    @Override
    public void close() {
        if (ownsPresigner && presigner != null) {
            presigner.close();
        }
        if (ownsS3) {
            s3.close();
        }
    }

    /** Builds {@link DefaultS3Images}. */
    public static final class DefaultBuilder implements S3Images.Builder {
        private S3Client s3;
        private S3Presigner presigner;
        private Region region;
        private AwsCredentialsProvider credentials;
        private URI endpoint;
        private Region rekognitionRegion;

        @Override
        public Builder s3Client(S3Client client) {
            this.s3 = Objects.requireNonNull(client, "client");
            return this;
        }

        @Override
        public Builder presigner(S3Presigner presigner) {
            this.presigner = Objects.requireNonNull(presigner, "presigner");
            return this;
        }

        @Override
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        @Override
        public Builder credentialsProvider(AwsCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        @Override
        public Builder endpointOverride(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        @Override
        public Builder rekognitionRegion(Region region) {
            this.rekognitionRegion = Objects.requireNonNull(region, "region");
            return this;
        }

        @Override
        public S3Images build() {
            boolean ownsS3 = s3 == null;
            S3Client client = s3;
            if (client == null) {
                S3ClientBuilder b = S3Client.builder();
                if (region != null) {
                    b.region(region);
                }
                if (credentials != null) {
                    b.credentialsProvider(credentials);
                }
                if (endpoint != null) {
                    b.endpointOverride(endpoint).forcePathStyle(true);
                }
                client = b.build();
            }
            boolean ownsPresigner = presigner == null;
            S3Presigner p = presigner;
            if (p == null) {
                S3Presigner.Builder pb = S3Presigner.builder();
                if (region != null) {
                    pb.region(region);
                } else if (s3 != null) {
                    pb.region(s3.serviceClientConfiguration().region());
                }
                if (credentials != null) {
                    pb.credentialsProvider(credentials);
                }
                if (endpoint != null) {
                    pb.endpointOverride(endpoint).serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build());
                }
                try {
                    p = pb.build();
                } catch (RuntimeException e) {
                    LOG.debug("No presigner: {}", e.getMessage());
                    p = null;
                }
            }
            return new DefaultS3Images(client, ownsS3, p, ownsPresigner, rekognitionRegion);
        }
    }


}
