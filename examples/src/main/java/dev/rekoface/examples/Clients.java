package dev.rekoface.examples;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceClient;
import dev.rekoface.s3.S3Images;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Builds the clients a story program's {@code main} runs with, from its arguments. Closing it closes them.
 *
 * <ul>
 *   <li>no arguments: AWS, through the default credential and region chains ({@code --region R} to choose the region);
 *   <li>{@code --endpoint URL [--s3-endpoint URL]}: a running emulator, such as {@code rekoface local} (Rekognition on
 *       {@code http://localhost:4599}, S3 on {@code http://127.0.0.1:4598}) or the standalone emulator jar (no S3),
 *       with dummy credentials in us-east-1;
 *   <li>{@code --bucket B}: the bucket holding the sample photos, for the stories that read S3 ({@code rekoface local}
 *       serves them as {@code rekoface-samples}).
 * </ul>
 */
public final class Clients implements AutoCloseable {
    /** The arguments every story program takes. */
    public static final String USAGE = "[--endpoint URL [--s3-endpoint URL]] [--region REGION] [--bucket BUCKET]";

    /** Credentials for an emulator (it does not check them). */
    public static final StaticCredentialsProvider EMULATOR_CREDENTIALS =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final RekofaceClient rekognition;
    private final S3Images s3;
    private final String bucket;
    private final String description;

    private Clients(RekofaceClient rekognition, S3Images s3, String bucket, String description) {
        this.rekognition = rekognition;
        this.s3 = s3;
        this.bucket = bucket;
        this.description = description;
    }

    /**
     * Parses a story program's arguments ({@value #USAGE}) and builds its clients.
     *
     * @param args the program's arguments
     * @return the clients
     * @throws InvalidArgumentException for an unknown argument, a missing value, or {@code --s3-endpoint} without
     *     {@code --endpoint}
     */
    public static Clients fromArgs(String... args) {
        String endpoint = null;
        String s3Endpoint = null;
        String region = null;
        String bucket = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.equals("--endpoint") && !name.equals("--s3-endpoint") && !name.equals("--region")
                && !name.equals("--bucket")) {
                throw new InvalidArgumentException(name, "unknown argument '" + name + "'; the arguments are " + USAGE);
            }
            if (i + 1 == args.length || args[i + 1].startsWith("--")) {
                throw new InvalidArgumentException(name, name + " needs a value; the arguments are " + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--endpoint" -> endpoint = value;
                case "--s3-endpoint" -> s3Endpoint = value;
                case "--region" -> region = value;
                default -> bucket = value;
            }
        }
        if (endpoint != null) {
            return emulator(URI.create(endpoint), s3Endpoint == null ? null : URI.create(s3Endpoint), bucket);
        }
        if (s3Endpoint != null) {
            throw new InvalidArgumentException("--s3-endpoint", "--s3-endpoint goes with --endpoint (a running emulator)");
        }
        return aws(region == null ? null : Region.of(region), bucket);
    }

    /**
     * Holds clients built elsewhere; closing this object closes them.
     *
     * @param rekognition the Rekognition client
     * @param s3 the S3 access, or null for none
     * @param bucket the bucket holding the sample photos, or null
     * @param description where the clients point, for one line on stderr
     * @return the clients
     */
    public static Clients of(RekofaceClient rekognition, S3Images s3, String bucket, String description) {
        return new Clients(Objects.requireNonNull(rekognition, "rekognition"), s3, bucket,
            Objects.requireNonNull(description, "description"));
    }

    /**
     * Talks to a running Rekognition-compatible endpoint and, optionally, an S3-compatible one (path style), in
     * us-east-1 with dummy credentials.
     *
     * @param rekognitionEndpoint the Rekognition endpoint
     * @param s3Endpoint the S3 endpoint, or null for none
     * @param bucket the bucket holding the sample photos, or null
     * @return the clients
     */
    public static Clients emulator(URI rekognitionEndpoint, URI s3Endpoint, String bucket) {
        RekofaceClient reko = RekofaceClient.builder().endpointOverride(rekognitionEndpoint).region(Region.US_EAST_1)
            .credentialsProvider(EMULATOR_CREDENTIALS).build();
        S3Images s3 = s3Endpoint == null ? null : S3Images.builder().endpointOverride(s3Endpoint).region(Region.US_EAST_1)
            .credentialsProvider(EMULATOR_CREDENTIALS).build();
        return new Clients(reko, s3, bucket, "Rekognition at " + rekognitionEndpoint
            + (s3Endpoint == null ? "" : " and S3 at " + s3Endpoint));
    }

    /**
     * Runs a story program: builds the clients its arguments name ({@value #USAGE}), says on stderr which backend
     * they use, runs the story on them and closes them.
     *
     * @param args the program's arguments
     * @param story the story
     * @throws InvalidArgumentException for bad arguments
     */
    public static void run(String[] args, Consumer<Clients> story) {
        try (Clients clients = fromArgs(args)) {
            System.err.println("using " + clients.description());
            story.accept(clients);
        }
    }

    /**
     * Uses AWS with the default credential chain.
     *
     * @param region the region, or null for the default region chain
     * @param bucket a bucket of yours holding the sample photos, or null
     * @return the clients
     * @throws InvalidArgumentException when no region is given or configured
     */
    public static Clients aws(Region region, String bucket) {
        Region r = region;
        if (r == null) {
            try {
                r = DefaultAwsRegionProviderChain.builder().build().getRegion();
            } catch (RuntimeException e) {
                throw new InvalidArgumentException("--region", "no AWS region is configured: set AWS_REGION or the "
                    + "profile's region, or pass --region");
            }
        }
        return new Clients(RekofaceClient.builder().region(r).build(),
            S3Images.builder().region(r).rekognitionRegion(r).build(), bucket, "AWS in " + r);
    }

    /** Returns the Rekognition client. */
    public RekofaceClient rekognition() {
        return rekognition;
    }

    /**
     * Returns the S3 access.
     *
     * @return the S3 images
     * @throws InvalidArgumentException when {@code --endpoint} was given without {@code --s3-endpoint}
     */
    public S3Images s3() {
        if (s3 == null) {
            throw new InvalidArgumentException("--s3-endpoint", "no S3 is configured here: pass --s3-endpoint URL with "
                + "--endpoint");
        }
        return s3;
    }

    /** Returns the bucket holding the sample photos, when one was named. */
    public Optional<String> bucket() {
        return Optional.ofNullable(bucket);
    }

    /** Returns where the clients point, for one line on stderr. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        rekognition.close();
        if (s3 != null) {
            s3.close();
        }
    }
}
