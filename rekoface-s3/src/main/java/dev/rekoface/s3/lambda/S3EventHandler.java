package dev.rekoface.s3.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.FaceCollection;
import dev.rekoface.RekofaceClient;
import dev.rekoface.RekofaceException;
import dev.rekoface.annotate.FaceAnnotator;
import dev.rekoface.image.ImageFormat;
import dev.rekoface.image.LocalImage;
import dev.rekoface.image.S3ImageReference;
import dev.rekoface.model.FaceAttributes;
import dev.rekoface.model.FaceDetails;
import dev.rekoface.model.IndexOptions;
import dev.rekoface.model.IndexResult;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.s3.S3Images;
import dev.rekoface.s3.S3Uri;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * An AWS Lambda handler for S3 upload events: for each uploaded image it detects the faces with all attributes (or
 * indexes them into a collection), draws the boxes, landmarks and dominant emotion onto a copy, and writes that copy
 * and a JSON summary to the processed bucket/prefix.
 *
 * <p>It never loops on its own output: objects under the processed bucket/prefix, and objects carrying its output
 * marker, are skipped. A failing record does not stop the others; the report says what happened to each (and the
 * handler does not throw for one bad object, so Lambda does not retry the records that succeeded).
 *
 * <p>Deployment: handler {@code dev.rekoface.s3.lambda.S3EventHandler::handleRequest}, Java 17 runtime, environment
 * {@code PROCESSED_BUCKET} (and optionally {@code PROCESSED_PREFIX}, {@code COLLECTION_ID}); the role needs
 * {@code s3:GetObject} on the uploads, {@code s3:PutObject} on the outputs and the Rekognition calls. Outside Lambda,
 * construct it with your clients and call {@link #handle(S3Event)}.
 */
public class S3EventHandler implements RequestHandler<S3Event, S3EventHandler.Report> {
    /** The metadata key marking the handler's outputs. */
    public static final String OUTPUT_MARKER = "rekoface-output";

    private static final Logger LOG = LoggerFactory.getLogger(S3EventHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HandlerConfig config;
    private final RekofaceClient rekognition;
    private final S3Images s3;

    /** The outcome of one record. */
    public record RecordResult(String source, String status, int faces, Optional<String> annotated,
                               Optional<String> summary, Optional<String> error) {
    }

    /** What a call did, one result per record. */
    public record Report(List<RecordResult> records) {
        /** Copies the list. */
        public Report {
            records = List.copyOf(records);
        }

        /** Returns how many records failed. */
        public long failures() {
            return records.stream().filter(r -> r.error().isPresent()).count();
        }
    }

    /** Creates the handler Lambda instantiates: configuration from the environment, default AWS clients. */
    public S3EventHandler() {
        this(HandlerConfig.fromEnvironment(System.getenv()), RekofaceClient.create(), S3Images.builder().build());
    }

    /**
     * Creates a handler with the caller's clients (not closed by the handler).
     *
     * @param config where to write and what to do
     * @param rekognition the Rekognition client
     * @param s3 the S3 access
     */
    public S3EventHandler(HandlerConfig config, RekofaceClient rekognition, S3Images s3) {
        this.config = Objects.requireNonNull(config, "config");
        this.rekognition = Objects.requireNonNull(rekognition, "rekognition");
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    @Override
    public Report handleRequest(S3Event event, Context context) {
        return handle(event);
    }

    /**
     * Handles an event outside Lambda.
     *
     * @param event the S3 event
     * @return what happened to each record
     */
    public Report handle(S3Event event) {
        List<RecordResult> results = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords() == null ? List.<S3EventNotificationRecord>of() : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            String key = record.getS3().getObject().getUrlDecodedKey();
            String source = "s3://" + bucket + "/" + key;
            try {
                results.add(process(record, bucket, key, source));
            } catch (RekofaceException e) {
                LOG.warn("S3 event for {} failed: {}", source, e.getMessage());
                results.add(new RecordResult(source, "error", 0, Optional.empty(), Optional.empty(), Optional.of(e.getMessage())));
            }
        }
        return new Report(results);
    }

    private RecordResult process(S3EventNotificationRecord record, String bucket, String key, String source) {
        if (record.getEventName() != null && !record.getEventName().startsWith("ObjectCreated")) {
            return new RecordResult(source, "ignored", 0, Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (config.isOutput(bucket, key)) {
            return new RecordResult(source, "skipped-own-output", 0, Optional.empty(), Optional.empty(), Optional.empty());
        }
        software.amazon.awssdk.services.s3.model.HeadObjectResponse head;
        try {
            head = s3.s3Client().headObject(b -> b.bucket(bucket).key(key));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            throw new dev.rekoface.InvalidImageException(dev.rekoface.InvalidImageException.Reason.INVALID_S3_OBJECT,
                "S3 object " + source + " does not exist (deleted after the event?)", e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new dev.rekoface.ServiceFailureException("HEAD " + source + " failed: " + e.getMessage(), e, null, null, true);
        }
        if (head.metadata().containsKey(OUTPUT_MARKER)) {
            return new RecordResult(source, "skipped-own-output", 0, Optional.empty(), Optional.empty(), Optional.empty());
        }
        S3Uri uri = S3Uri.parse(source);
        S3ImageReference ref = s3.check(uri);
        List<FaceDetails> faces;
        List<String> faceIds = List.of();
        if (config.collectionId().isPresent()) {
            FaceCollection collection = rekognition.collection(config.collectionId().get());
            String person = Optional.ofNullable(head.metadata().get("person-id")).orElse(baseName(key));
            IndexResult r = collection.index(ref, person, IndexOptions.defaults().withAttributes(FaceAttributes.ALL)
                .withMaxFaces(IndexOptions.MAX_FACES));
            faces = r.indexed().stream().map(f -> f.details().orElse(null)).filter(Objects::nonNull).toList();
            faceIds = r.indexed().stream().map(IndexedFace::faceId).toList();
        } else {
            faces = rekognition.detectFaces(ref, FaceAttributes.ALL);
        }
        LocalImage image = s3.download(uri);
        ImageFormat format = image.format();
        byte[] annotated = FaceAnnotator.standard().encode(image, faces, format);
        String outKey = config.processedPrefix() + key;
        String summaryKey = outKey + ".json";
        Map<String, String> marker = Map.of(OUTPUT_MARKER, "true", "source", source);
        s3.s3Client().putObject(b -> b.bucket(config.processedBucket()).key(outKey).contentType(format.mediaType())
            .metadata(marker), RequestBody.fromBytes(annotated));
        ObjectNode summary = summary(source, faces, faceIds, "s3://" + config.processedBucket() + "/" + outKey);
        s3.s3Client().putObject(b -> b.bucket(config.processedBucket()).key(summaryKey).contentType("application/json")
            .metadata(marker), RequestBody.fromString(summary.toPrettyString()));
        LOG.info("Processed {}: {} face(s) -> s3://{}/{}", source, faces.size(), config.processedBucket(), outKey);
        return new RecordResult(source, "processed", faces.size(), Optional.of("s3://" + config.processedBucket() + "/" + outKey),
            Optional.of("s3://" + config.processedBucket() + "/" + summaryKey), Optional.empty());
    }

    private static String baseName(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static ObjectNode summary(String source, List<FaceDetails> faces, List<String> faceIds, String annotated) {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", source);
        root.put("annotated", annotated);
        root.put("faceCount", faces.size());
        ArrayNode list = root.putArray("faces");
        for (int i = 0; i < faces.size(); i++) {
            FaceDetails f = faces.get(i);
            ObjectNode n = list.addObject();
            if (i < faceIds.size()) {
                n.put("faceId", faceIds.get(i));
            }
            n.putObject("boundingBox").put("left", f.boundingBox().left()).put("top", f.boundingBox().top())
                .put("width", f.boundingBox().width()).put("height", f.boundingBox().height());
            f.confidence().ifPresent(c -> n.put("confidence", c));
            f.ageRange().ifPresent(a -> n.putObject("ageRange").put("low", a.low()).put("high", a.high()));
            f.gender().ifPresent(g -> n.put("gender", g.rawValue()));
            f.smile().ifPresent(s -> n.put("smile", s.value()));
            f.dominantEmotion().ifPresent(e -> n.putObject("dominantEmotion").put("type", e.rawType()).put("confidence", e.confidence()));
            ArrayNode emotions = n.putArray("emotions");
            f.emotions().forEach(e -> emotions.addObject().put("type", e.rawType()).put("confidence", e.confidence()));
        }
        return root;
    }
}
