package dev.rekoface.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.apache.http.HttpHost;
import org.apache.http.conn.socket.LayeredConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.protocol.HttpContext;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The SDK HTTP client for a plain-HTTP endpoint (a local stack, a standalone emulator): the SDK's Apache client, whose
 * TLS set-up (the trust store, about a tenth of a second of a command's start) is made only if an https URL is ever
 * opened, which for such an endpoint it never is.
 */
final class PlainHttp {
    private PlainHttp() {
    }

    /**
     * Returns an HTTP client for an endpoint, or null to keep the SDK's default.
     *
     * @param endpoint the endpoint
     * @return a client with a lazy TLS set-up for an {@code http} endpoint, or null for any other
     */
    static SdkHttpClient forEndpoint(URI endpoint) {
        if (endpoint == null || !"http".equalsIgnoreCase(endpoint.getScheme())) {
            return null;
        }
        return ApacheHttpClient.builder().socketFactory(new LazyTls()).build();
    }

    /** The https socket factory, made on first use. */
    private static final class LazyTls implements LayeredConnectionSocketFactory {
        private volatile LayeredConnectionSocketFactory delegate;

        private LayeredConnectionSocketFactory delegate() {
            LayeredConnectionSocketFactory d = delegate;
            if (d == null) {
                synchronized (this) {
                    d = delegate;
                    if (d == null) {
                        d = SSLConnectionSocketFactory.getSystemSocketFactory();
                        delegate = d;
                    }
                }
            }
            return d;
        }

        @Override
        public Socket createSocket(HttpContext context) throws IOException {
            return delegate().createSocket(context);
        }

        @Override
        public Socket connectSocket(int connectTimeout, Socket sock, HttpHost host, InetSocketAddress remoteAddress,
                                    InetSocketAddress localAddress, HttpContext context) throws IOException {
            return delegate().connectSocket(connectTimeout, sock, host, remoteAddress, localAddress, context);
        }

        @Override
        public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context)
            throws IOException {
            return delegate().createLayeredSocket(socket, target, port, context);
        }
    }
}
