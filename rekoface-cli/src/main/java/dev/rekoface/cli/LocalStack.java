package dev.rekoface.cli;

import dev.rekoface.examples.Clients;
import dev.rekoface.testkit.emulator.DataDirLock;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Rekognition and S3 on this machine, no AWS account needed: the rekoface emulator (with the local face engine for
 * images it has no annotation for) and an S3 server (S3Proxy) holding a {@value #SAMPLES_BUCKET} bucket preloaded with
 * the sample images. Both keep their state under a data directory, so separate runs see the same collections and
 * objects. Listens on loopback only.
 */
public final class LocalStack implements AutoCloseable {
    /** The bucket preloaded with the sample images. */
    public static final String SAMPLES_BUCKET = "rekoface-samples";
    /** Credentials for the local servers (they do not check them). */
    public static final StaticCredentialsProvider CREDENTIALS = Clients.EMULATOR_CREDENTIALS;

    private final S3Proxy s3;
    private final RekognitionEmulator rekognition;
    private final URI s3Endpoint;
    private final Path dataDir;
    private final DataDirLock lock;
    private final LongAdder s3Calls;

    private LocalStack(Path dataDir, DataDirLock lock, S3Proxy s3, URI s3Endpoint, RekognitionEmulator rekognition,
                       LongAdder s3Calls) {
        this.s3Calls = s3Calls;
        this.dataDir = dataDir;
        this.lock = lock;
        this.s3 = s3;
        this.s3Endpoint = s3Endpoint;
        this.rekognition = rekognition;
    }

    /**
     * Starts the stack on free ports.
     *
     * @param dataDir where state is kept (created if missing)
     * @return the running stack
     */
    public static LocalStack start(Path dataDir) {
        return start(dataDir, 0, 0, true);
    }

    /**
     * Starts the stack.
     *
     * @param dataDir where state is kept (created if missing)
     * @param rekognitionPort the emulator's port, 0 for a free one
     * @param s3Port the S3 server's port, 0 for a free one
     * @param faceEngine whether unknown images go to the local face engine (else they get a simulated face)
     * @return the running stack
     */
    public static LocalStack start(Path dataDir, int rekognitionPort, int s3Port, boolean faceEngine) {
        S3Proxy proxy = null;
        try {
            // private to the user whichever way the stack runs: background, --no-daemon or `rekoface local`
            Private.directory(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            Files.createDirectories(dataDir.resolve("s3"));
            Files.createDirectories(dataDir.resolve("rekognition"));
            Properties props = new Properties();
            props.setProperty("jclouds.filesystem.basedir", dataDir.resolve("s3").toAbsolutePath().toString());
            LongAdder s3Calls = new LongAdder();
            BlobStore store = BlobStores.create("filesystem", props);
            // the filesystem store keeps a bucket as a directory: once there, the samples are in it
            if (!Files.isDirectory(dataDir.resolve("s3").resolve(SAMPLES_BUCKET))) {
                preload(store);
            }
            proxy = S3Proxy.builder().blobStore(new CountingBlobStore(store, s3Calls))
                .endpoint(URI.create("http://127.0.0.1:" + s3Port)).build();
            proxy.start();
            for (int i = 0; i < 1000 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(10);
            }
            URI s3Endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
            RekognitionEmulator emulator = RekognitionEmulator.builder().port(rekognitionPort).logRequests(false)
                .dataDir(dataDir.resolve("rekognition")).s3Endpoint(s3Endpoint).faceEngine(faceEngine).start();
            return new LocalStack(dataDir, lock, proxy, s3Endpoint, emulator, s3Calls);
        } catch (IOException e) {
            stopQuietly(proxy);
            lock.close();
            throw new UncheckedIOException("cannot start the local stack in " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(proxy);
            lock.close();
            throw new IllegalStateException("interrupted while starting the local stack", e);
        } catch (Exception e) {
            stopQuietly(proxy);
            lock.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("cannot start the local stack: " + e, e);
        }
    }

    /** The S3 server's store, counting the calls S3Proxy makes to it (a request makes one or more). */
    private static final class CountingBlobStore extends ForwardingBlobStore {
        private final LongAdder calls;

        CountingBlobStore(BlobStore store, LongAdder calls) {
            super(store);
            this.calls = calls;
        }

        @Override
        public BlobStore delegate() {
            calls.increment();
            return super.delegate();
        }
    }

    /**
     * Creates the samples bucket with every sample image the class path holds, unless the bucket exists. rekoface.jar
     * leaves some of the fixture pack's photos without faces out, so the bucket holds what the jar ships.
     */
    private static void preload(BlobStore store) {
        // straight into the S3 server's store, before it listens: no S3 client to build and no HTTP round trips
        store.createContainer(SAMPLES_BUCKET);
        for (String name : samplePhotos()) {
            byte[] bytes = Fixtures.image(name).bytes();
            store.putBlob(PutObjectRequest.builder().bucket(SAMPLES_BUCKET).key(name)
                .contentType(name.endsWith(".png") ? "image/png" : "image/jpeg").contentLength((long) bytes.length)
                .build(), new ByteArrayInputStream(bytes));
        }
    }

    /** Returns the names of the fixture pack's sample photos present on the class path, sorted. */
    static List<String> samplePhotos() {
        ClassLoader loader = LocalStack.class.getClassLoader();
        return Fixtures.imageNames().stream()
            .filter(name -> loader.getResource(Fixtures.ROOT + "images/" + name) != null)
            .toList();
    }

    private static void stopQuietly(S3Proxy proxy) {
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (Exception ignored) {
                // nothing more to do
            }
        }
    }

    /** Returns the Rekognition endpoint. */
    public URI rekognitionEndpoint() {
        return rekognition.endpoint();
    }

    /** Returns the S3 endpoint (path-style). */
    public URI s3Endpoint() {
        return s3Endpoint;
    }

    /** Returns the data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** Returns the emulator (for its counters and faults). */
    public RekognitionEmulator emulator() {
        return rekognition;
    }

    /**
     * Returns a count that grows with every request the S3 server handles (not exactly one per request), for telling
     * whether the stack is in use.
     */
    public long s3Activity() {
        return s3Calls.sum();
    }

    @Override
    public void close() {
        rekognition.close();
        stopQuietly(s3);
        lock.close();
    }
}
