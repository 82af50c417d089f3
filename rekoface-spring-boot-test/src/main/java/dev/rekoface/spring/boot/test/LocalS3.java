package dev.rekoface.spring.boot.test;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;

/**
 * An S3 server on loopback (S3Proxy with its in-memory blob store; signatures are not checked) for
 * {@code @AutoConfigureLocalRekognition(s3 = true)}. Loaded only then, so S3Proxy stays an optional dependency.
 */
final class LocalS3 implements AutoCloseable {
    private final S3Proxy proxy;

    private LocalS3(S3Proxy proxy) {
        this.proxy = proxy;
    }

    /** Starts a server on a free port and waits until it answers. */
    static LocalS3 start() {
        S3Proxy proxy = S3Proxy.builder().blobStore(BlobStores.create("transient", new Properties()))
            .endpoint(URI.create("http://127.0.0.1:0")).build();
        try {
            proxy.start();
            for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            try {
                proxy.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("the local S3 server (S3Proxy) did not start: " + e, e);
        }
        if (!"STARTED".equals(proxy.getState())) {
            IllegalStateException e = new IllegalStateException("the local S3 server (S3Proxy) did not start within 5 s: "
                + proxy.getState());
            try {
                proxy.stop();   // its threads and port, should it start after all
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new LocalS3(proxy);
    }

    /** Returns the endpoint, e.g. {@code http://127.0.0.1:40123}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the local S3 server failed: " + e, e);
        }
    }
}
