package dev.rekoface.s3.lambda;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.rekoface.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link S3Event}s: from the JSON S3 sends to Lambda (to run the handler as a plain function on a recorded
 * event), or for one uploaded object.
 */
public final class S3Events {
    private static final ObjectMapper JSON = new ObjectMapper();

    private S3Events() {
    }

    /**
     * Parses an S3 event notification as S3 delivers it ({@code {"Records":[{"eventName":"ObjectCreated:Put",
     * "s3":{"bucket":{"name":...},"object":{"key":...,"size":...}}}]}}).
     *
     * @param json the event
     * @return the event
     * @throws InvalidArgumentException if the JSON is not an S3 event
     */
    public static S3Event fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidArgumentException("event", "S3 event is not JSON: " + e.getMessage());
        }
        JsonNode records = root == null ? null : root.get("Records");
        if (records == null || !records.isArray()) {
            throw new InvalidArgumentException("event", "S3 event has no Records array");
        }
        List<S3EventNotification.S3EventNotificationRecord> out = new ArrayList<>();
        for (JsonNode r : records) {
            JsonNode s3 = r.path("s3");
            if (s3.path("bucket").path("name").isMissingNode() || s3.path("object").path("key").isMissingNode()) {
                throw new InvalidArgumentException("event", "S3 event record without s3.bucket.name or s3.object.key: " + r);
            }
            try {
                out.add(record(r.path("awsRegion").asString("us-east-1"), r.path("eventName").asString("ObjectCreated:Put"),
                    s3.path("bucket").path("name").asString(), s3.path("object").path("key").asString(),
                    s3.path("object").path("size").asLong(0), s3.path("object").path("eTag").asString(null)));
            } catch (JacksonException e) {
                throw new InvalidArgumentException("event", "S3 event record with a member of the wrong type: " + r);
            }
        }
        return new S3Event(out);
    }

    /**
     * Builds an event for one object creation.
     *
     * @param bucket the bucket
     * @param key the key, as S3 puts it in events (URL-encoded, '+' for a space)
     * @param size the size
     * @return the event
     */
    public static S3Event objectCreated(String bucket, String key, long size) {
        return new S3Event(List.of(record("us-east-1", "ObjectCreated:Put", bucket, key, size, null)));
    }

    private static S3EventNotification.S3EventNotificationRecord record(String region, String eventName, String bucket,
                                                                        String key, long size, String etag) {
        S3EventNotification.S3BucketEntity b = new S3EventNotification.S3BucketEntity(bucket, null, "arn:aws:s3:::" + bucket);
        S3EventNotification.S3ObjectEntity o = new S3EventNotification.S3ObjectEntity(key, size, etag, null, null);
        S3EventNotification.S3Entity s3 = new S3EventNotification.S3Entity("rekoface", b, o, "1.0");
        return new S3EventNotification.S3EventNotificationRecord(region, eventName, "aws:s3", null, "2.1", null, null, s3, null);
    }
}
