package dev.rekoface.examples.facelogin;

import dev.rekoface.testkit.emulator.RekognitionEmulator;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rekognition and S3 inside this process, no AWS account needed: the rekoface emulator with the local face engine,
 * and an in-memory S3 server (S3Proxy), both on free loopback ports. Nothing is written to disk: stopping the
 * application forgets everyone.
 */
final class LocalBackend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalBackend.class);

    private final S3Proxy s3;
    private final URI s3Endpoint;
    private final RekognitionEmulator rekognition;

    private LocalBackend(S3Proxy s3, URI s3Endpoint, RekognitionEmulator rekognition) {
        this.s3 = s3;
        this.s3Endpoint = s3Endpoint;
        this.rekognition = rekognition;
    }

    /** Starts both servers and waits until S3 answers. */
    static LocalBackend start() {
        S3Proxy proxy = S3Proxy.builder().blobStore(BlobStores.create("transient", new Properties()))
            .endpoint(URI.create("http://127.0.0.1:0")).build();
        try {
            proxy.start();
            for (int i = 0; i < 1000 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(10);
            }
            if (!"STARTED".equals(proxy.getState())) {
                throw new IllegalStateException("the local S3 server did not start within 10 s: " + proxy.getState());
            }
            URI s3Endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
            RekognitionEmulator emulator = RekognitionEmulator.builder().faceEngine(true).logRequests(false)
                .s3Endpoint(s3Endpoint).start();
            LOG.info("Local Rekognition at {}, local S3 at {} (in memory)", emulator.endpoint(), s3Endpoint);
            return new LocalBackend(proxy, s3Endpoint, emulator);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(proxy);
            throw new IllegalStateException("interrupted while starting the local backend", e);
        } catch (Exception e) {
            stopQuietly(proxy);
            throw e instanceof RuntimeException r ? r : new IllegalStateException("cannot start the local S3 server: " + e, e);
        }
    }

    /** Returns the Rekognition endpoint. */
    URI rekognitionEndpoint() {
        return rekognition.endpoint();
    }

    /** Returns the S3 endpoint (path style). */
    URI s3Endpoint() {
        return s3Endpoint;
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.debug("stopping the local S3 server failed", e);
        }
    }

    @Override
    public void close() {
        rekognition.close();
        stopQuietly(s3);
    }
}
