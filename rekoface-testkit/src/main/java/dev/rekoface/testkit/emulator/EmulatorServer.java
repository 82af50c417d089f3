package dev.rekoface.testkit.emulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server the emulator listens with, and its pool of daemon threads: at least 4, at most
 * {@code maxThreads}; beyond them the accepting thread serves the request itself, so requests wait rather than fail.
 */
final class EmulatorServer {
    /**
     * The system property that sets how long, in seconds, a request may take from its first byte to its answer
     * before the connection is closed (default {@value #DEFAULT_REQUEST_TIMEOUT_SECONDS}); read once per JVM, when the
     * first emulator starts.
     */
    static final String REQUEST_TIMEOUT_PROPERTY = "rekoface.emulator.requestTimeoutSeconds";
    /** Default of {@link #REQUEST_TIMEOUT_PROPERTY}: far above any real request, short enough to free a stuck thread. */
    static final long DEFAULT_REQUEST_TIMEOUT_SECONDS = 120;

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and delayed ACKs
        // add ~40 ms to every keep-alive answer. Read once, when the JDK's server configuration is first loaded.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // A client that declares a body and never sends it (or sends it a byte a minute) must not hold a handler thread
        // for ever: the JDK server closes a connection whose request has not been answered within maxReqTime seconds.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime",
                Long.toString(Long.getLong(REQUEST_TIMEOUT_PROPERTY, DEFAULT_REQUEST_TIMEOUT_SECONDS)));
        }
    }


    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final URI endpoint;

    /**
     * Starts the server.
     *
     * @param host the address to listen on, or null for loopback
     * @param port the port, 0 for a free one
     * @param maxThreads the most requests served at once
     * @param handler what answers every request
     * @throws IOException if the address is unknown or the port cannot be bound
     */
    EmulatorServer(String host, int port, int maxThreads, HttpHandler handler) throws IOException {
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(4, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "rekognition-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        InetAddress addr;
        try {
            addr = host == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
            this.server = HttpServer.create(new InetSocketAddress(addr, port), 256);
        } catch (IOException e) {
            executor.shutdownNow();
            throw e;
        }
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        String shown = addr.isLoopbackAddress() || addr.isAnyLocalAddress() ? "localhost" : addr.getHostAddress();
        this.endpoint = URI.create("http://" + shown + ":" + server.getAddress().getPort());
    }

    /** Returns the endpoint to give clients, e.g. {@code http://localhost:40123}. */
    URI endpoint() {
        return endpoint;
    }

    /** Returns the port the server listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    /** Stops the server, waiting at most a second for requests in flight. */
    void stop() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
