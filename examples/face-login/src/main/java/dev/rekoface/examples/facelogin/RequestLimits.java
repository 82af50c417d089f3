package dev.rekoface.examples.facelogin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what API requests can take: a body over {@code face-login.max-request-bytes} is refused with 413 before it
 * is read (by its Content-Length) or as soon as the limit is passed (a chunked body), and at most
 * {@code face-login.max-concurrent-requests} are handled at once (others wait up to 10 s, then get 503), so no
 * request, and no crowd of them, can exhaust the memory.
 */
@Component
public class RequestLimits extends OncePerRequestFilter {
    private final long maxBytes;
    private final Semaphore permits;

    /**
     * Creates the filter.
     *
     * @param properties the limits
     */
    public RequestLimits(FaceLoginProperties properties) {
        this.maxBytes = properties.getMaxRequestBytes();
        this.permits = new Semaphore(properties.getMaxConcurrentRequests(), true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            refuse(response, 413, "BODY_TOO_LARGE", tooLarge(length + " bytes"));
            return;
        }
        boolean acquired;
        try {
            acquired = permits.tryAcquire(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            refuse(response, 503, "BUSY", "too many requests at once, try again in a moment");
            return;
        }
        try {
            chain.doFilter(new Bounded(request, maxBytes), response);
        } finally {
            permits.release();
        }
    }

    private String tooLarge(String size) {
        return "the request body (" + size + ") is over the limit of " + maxBytes
            + " bytes (an image of at most 5 MB, as a base64 data URL)";
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Connection", "close");
        String json = "{\"error\":\"" + message.replace("\"", "'") + "\",\"code\":\"" + code + "\"}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reading past the limit. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(String message) {
            super(message);
        }
    }

    /** A request whose body stream fails once more than the limit has been read. */
    private final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLargeException(tooLarge("more than " + limit + " bytes"));
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
