package dev.rekoface.s3;

import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A presigned link: anyone holding it may GET (or PUT) the object until it expires, without AWS credentials.
 *
 * @param url the link
 * @param method {@code GET} or {@code PUT}
 * @param expiresAt when it stops working
 * @param headers headers the request must carry (for a PUT: the content type it was signed for)
 */
public record PresignedUrl(URL url, String method, Instant expiresAt, Map<String, List<String>> headers) {
    /** Validates and copies. */
    public PresignedUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(expiresAt, "expiresAt");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    }
}
