package dev.rekoface.examples;

import dev.rekoface.RekofaceClient;
import dev.rekoface.s3.PresignedUrl;
import dev.rekoface.s3.S3Images;
import dev.rekoface.s3.S3Uri;
import dev.rekoface.s3.Upload;
import dev.rekoface.s3.lambda.HandlerConfig;
import dev.rekoface.s3.lambda.S3EventHandler;
import dev.rekoface.s3.lambda.S3Events;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 002, "Show your emotions with AWS Rekognition": upload a photo to S3, let the S3-event handler (the Lambda
 * function of step 5) detect the faces and their emotions and write an annotated copy to the processed images, then
 * hand out a presigned link so someone without AWS credentials can see it.
 *
 * <p>Here the S3 event is delivered by calling the handler directly, exactly as Lambda would call it.
 *
 * <p>Run it on a running {@code rekoface local} (Rekognition and S3), or on AWS with {@code --bucket} alone:
 * <pre>{@code
 * java -cp rekoface-cli/target/rekoface.jar dev.rekoface.examples.EmotionPipeline --endpoint http://localhost:4599 \
 *     --s3-endpoint http://127.0.0.1:4598 --bucket rekoface-samples
 * }</pre>
 */
public final class EmotionPipeline {
    private EmotionPipeline() {
    }

    /**
     * Runs the example on AWS (default credential and region chains), or on a running emulator with
     * {@code --endpoint URL --s3-endpoint URL}; {@code --bucket B} names the bucket holding the sample photos.
     *
     * @param args {@value Clients#USAGE} (see {@link Clients})
     */
    public static void main(String[] args) {
        Clients.run(args, c ->
            run(c.rekognition(), c.s3(), c.bucket().orElse(null), new PrintWriter(System.out, true)));
    }

    /**
     * Uploads, processes, and links.
     *
     * @param reko the Rekognition client
     * @param s3 the S3 access
     * @param bucket the bucket holding the sample photos (the upload and its outputs go there too)
     * @param out where to print
     * @return the presigned link to the annotated image
     * @throws dev.rekoface.InvalidArgumentException when the bucket is null
     */
    public static PresignedUrl run(RekofaceClient reko, S3Images s3, String bucket, PrintWriter out) {
        // Step 2: upload the image to the raw images prefix
        S3Uri raw = Samples.inBucket(bucket, "uploads/his-girl-friday-1940.jpg");
        Upload upload = s3.upload(Samples.bytes("his-girl-friday-1940.jpg"), raw, Map.of());
        out.println("uploaded " + upload.uri() + " (" + upload.size() + " bytes)");

        // Steps 3 and 5: the S3 upload event runs the handler: faces, emotions, annotated copy to processed/
        S3EventHandler handler = new S3EventHandler(new HandlerConfig(raw.bucket(), "processed/", Optional.empty()),
            reko, s3);
        S3EventHandler.RecordResult result = handler.handle(S3Events.objectCreated(raw.bucket(), raw.key(), upload.size()))
            .records().get(0);
        Samples.check(result.error().isEmpty(), "the handler failed: " + result.error().orElse(""));
        out.println("handler: " + result.status() + ", " + result.faces() + " face(s); annotated copy "
            + result.annotated().orElse("-") + ", summary " + result.summary().orElse("-"));

        // Step 4: a presigned link for someone without credentials, valid for 15 minutes
        S3Uri annotated = S3Uri.parse(result.annotated().orElseThrow());
        PresignedUrl link = s3.presignGet(annotated, Duration.ofMinutes(15));
        int status = fetch(link);
        out.println("presigned link (15m, fetched without credentials: HTTP " + status + "): " + link.url());
        Samples.check(result.faces() > 0, "no face found in the uploaded photo");
        Samples.check(status == 200, "the presigned link answered HTTP " + status);
        return link;
    }

    /** Fetches a link as a browser would, with no credentials; returns the HTTP status. */
    private static int fetch(PresignedUrl link) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest req = HttpRequest.newBuilder(URI.create(link.url().toString())).timeout(Duration.ofSeconds(30))
                .GET().build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot fetch the presigned link", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
