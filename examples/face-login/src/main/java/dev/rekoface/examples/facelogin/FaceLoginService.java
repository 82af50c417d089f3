package dev.rekoface.examples.facelogin;

import dev.rekoface.FaceCollection;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.InvalidImageException;
import dev.rekoface.RekofaceClient;
import dev.rekoface.image.ImageSource;
import dev.rekoface.image.LocalImage;
import dev.rekoface.model.FaceMatch;
import dev.rekoface.model.FaceSearch;
import dev.rekoface.model.ForgetResult;
import dev.rekoface.model.IndexResult;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.model.PersonId;
import dev.rekoface.model.Threshold;
import dev.rekoface.s3.S3Images;
import dev.rekoface.s3.S3ObjectInfo;
import dev.rekoface.s3.S3Uri;
import dev.rekoface.s3.Upload;
import dev.rekoface.spring.boot.RekofaceProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Registers, logs in and forgets people by face: faces in a Rekognition collection under the person's id, each
 * registration's snapshot in S3 under {@code snapshots/<encoded id>/}. Every input is checked, and the face detected,
 * before anything is stored; a snapshot that cannot be stored undoes its face.
 */
@Service
public class FaceLoginService implements InitializingBean {
    private static final Logger LOG = LoggerFactory.getLogger(FaceLoginService.class);
    private static final DateTimeFormatter STAMP =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final RekofaceClient reko;
    private final RekognitionClient rekognition;
    private final S3Images s3;
    private final FaceLoginProperties properties;
    private final Threshold threshold;
    private final boolean local;
    private final FaceCollection collection;

    /**
     * Creates the service.
     *
     * @param reko the rekoface client
     * @param rekognition the SDK client (to delete one face when its snapshot cannot be stored)
     * @param s3 the snapshot store
     * @param properties the application's properties
     * @param rekoface the starter's properties (the login threshold)
     * @param local the embedded backend, when running locally
     */
    public FaceLoginService(RekofaceClient reko, RekognitionClient rekognition, S3Images s3,
                            FaceLoginProperties properties, RekofaceProperties rekoface,
                            ObjectProvider<LocalBackend> local) {
        this.reko = reko;
        this.rekognition = rekognition;
        this.s3 = s3;
        this.properties = properties;
        this.threshold = rekoface.similarityThreshold();
        this.local = local.getIfAvailable() != null;
        this.collection = reko.collection(properties.getCollection());
    }

    /** Creates the collection if missing, and checks (or creates) the snapshot bucket, at start-up. */
    @Override
    public void afterPropertiesSet() {
        collection.createIfAbsent();
        String bucket = properties.getBucket();
        S3Uri.parse("s3://" + bucket);
        try {
            s3.s3Client().headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            if (!local && !properties.isCreateBucket()) {
                throw new IllegalStateException("the snapshot bucket '" + bucket + "' does not exist: create it (in "
                    + "Rekognition's region) or set face-login.bucket (face-login.create-bucket=true creates it)", e);
            }
            s3.s3Client().createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404 || (!local && !properties.isCreateBucket())) {
                throw new IllegalStateException("the snapshot bucket '" + bucket + "' cannot be used: " + e.getMessage(), e);
            }
            s3.s3Client().createBucket(b -> b.bucket(bucket));
        }
        LOG.info("Face login on collection {} and bucket {}, login threshold {} %", collection.id(), bucket,
            threshold.percent());
    }

    /** Returns the login threshold. */
    public Threshold threshold() {
        return threshold;
    }

    /**
     * Registers the largest face of a snapshot under a person, and keeps the snapshot.
     *
     * @param id the person, any non-blank string
     * @param dataUrl the snapshot as a data URL
     * @return what was stored
     * @throws BadRequestException for a missing or too long id, a bad image, or no face
     */
    public Registration register(String id, String dataUrl) {
        checkId(id);
        LocalImage image = decode(dataUrl);
        IndexResult result = collection.index(image, id);
        if (!result.anyIndexed()) {
            if (result.unindexed().isEmpty()) {
                throw new BadRequestException("NO_FACE", "no face in the snapshot");
            }
            String reasons = result.unindexed().stream().flatMap(u -> u.reasons().stream()).map(Object::toString)
                .distinct().collect(Collectors.joining(", "));
            throw new BadRequestException("NO_FACE", "no usable face in the snapshot (" + reasons + ")");
        }
        IndexedFace face = result.indexed().get(0);
        String extension = image.format().name().equals("PNG") ? "png" : "jpg";
        S3Uri uri = S3Uri.parse("s3://" + properties.getBucket() + "/" + prefix(id) + STAMP.format(Instant.now()) + "-"
            + UUID.randomUUID().toString().substring(0, 8) + "." + extension);
        Upload upload;
        try {
            upload = s3.upload(image.bytes(), uri, Map.of("face-id", face.faceId()));
        } catch (RuntimeException e) {
            undoIndex(face.faceId(), e);
            throw e;
        }
        LOG.info("Registered face {} ({} snapshot bytes)", face.faceId(), upload.size());
        return new Registration(id, face.faceId(), upload.uri().toString());
    }

    /**
     * Tells who is in a snapshot, at the login threshold.
     *
     * @param dataUrl the snapshot as a data URL
     * @return the person and the similarity, or not recognized
     * @throws BadRequestException for a bad image, or no face
     */
    public Login login(String dataUrl) {
        LocalImage image = decode(dataUrl);
        FaceSearch search = collection.searchByImage(image, threshold, 1);
        if (search.searchedFace().isEmpty()) {
            throw new BadRequestException("NO_FACE", "no face in the snapshot");
        }
        return search.bestMatch().filter(m -> m.face().personId().isPresent())
            .map(m -> new Login(true, m.face().personId().get(), round(m)))
            .orElseGet(() -> new Login(false, null, null));
    }

    /**
     * Erases everything stored about a person: user vector, faces and every snapshot, each verified by listing again.
     *
     * @param id the person
     * @return how much was deleted
     * @throws BadRequestException for a missing or too long id
     * @throws IllegalStateException if snapshots are still listed after a second attempt
     */
    public Erasure forget(String id) {
        checkId(id);
        ForgetResult faces = collection.forget(id);
        S3Uri prefix = S3Uri.parse("s3://" + properties.getBucket() + "/" + prefix(id));
        int deleted = 0;
        for (int attempt = 0; attempt < 2; attempt++) {
            List<S3ObjectInfo> objects = s3.list(prefix).toList();
            if (objects.isEmpty()) {
                LOG.info("Forgot a person: {} faces, user {}, {} snapshots", faces.deletedFaceIds().size(),
                    faces.userDeleted(), deleted);
                return new Erasure(id, faces.deletedFaceIds().size(), faces.userDeleted(), deleted);
            }
            for (S3ObjectInfo object : objects) {
                s3.s3Client().deleteObject(b -> b.bucket(object.bucket()).key(object.key()));
                deleted++;
            }
        }
        if (s3.list(prefix).findAny().isEmpty()) {
            return new Erasure(id, faces.deletedFaceIds().size(), faces.userDeleted(), deleted);
        }
        throw new IllegalStateException("snapshots under " + prefix + " are still listed after deleting them twice");
    }

    /** Returns the S3 prefix of a person's snapshots: {@code snapshots/<id, percent-encoded>/}. */
    static String prefix(String id) {
        StringBuilder out = new StringBuilder("snapshots/");
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.append('/').toString();
    }

    private static void checkId(String id) {
        if (id == null || id.isBlank()) {
            throw new BadRequestException("MISSING_ID", "the id is missing or blank");
        }
        try {
            PersonId.toExternalImageId(id);
        } catch (InvalidArgumentException e) {
            throw new BadRequestException("INVALID_ID", e.getMessage());
        }
    }

    private static LocalImage decode(String dataUrl) {
        if (dataUrl == null || dataUrl.isBlank()) {
            throw new BadRequestException("MISSING_IMAGE", "the image is missing: expected a data URL such as "
                + "data:image/jpeg;base64,...");
        }
        try {
            return ImageSource.fromDataUrl(dataUrl);
        } catch (InvalidImageException e) {
            String code = switch (e.reason()) {
                case MALFORMED_TEXT -> "MALFORMED_DATA_URL";
                case TOO_LARGE -> "IMAGE_TOO_LARGE";
                default -> "INVALID_IMAGE";
            };
            throw new BadRequestException(code, e.getMessage());
        }
    }

    private void undoIndex(String faceId, RuntimeException cause) {
        try {
            rekognition.deleteFaces(b -> b.collectionId(collection.id()).faceIds(faceId));
            LOG.warn("Storing the snapshot failed; face {} was deleted again", faceId);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.error("Storing the snapshot failed and face {} could not be deleted", faceId, e);
        }
    }

    private static Double round(FaceMatch match) {
        return Math.round(match.similarity() * 100) / 100.0;
    }

    /**
     * A registration.
     *
     * @param id the person
     * @param faceId the stored face
     * @param snapshot the stored snapshot, {@code s3://bucket/key}
     */
    public record Registration(String id, String faceId, String snapshot) {
    }

    /**
     * A login attempt.
     *
     * @param recognized whether someone matched at the threshold
     * @param id the person, null when not recognized
     * @param similarity percent, null when not recognized
     */
    public record Login(boolean recognized, String id, Double similarity) {
    }

    /**
     * An erasure.
     *
     * @param id the person
     * @param facesDeleted faces deleted from the collection
     * @param userDeleted whether a user vector was deleted
     * @param snapshotsDeleted snapshot objects deleted from S3
     */
    public record Erasure(String id, int facesDeleted, boolean userDeleted, int snapshotsDeleted) {
    }
}
