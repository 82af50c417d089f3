package dev.rekoface.testkit.emulator;

import tools.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.rekoface.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads request bodies with a bound, so that no request can make the emulator buffer more than a valid request of its
 * operation can need.
 *
 * <p>The bound of an operation is derived from the service model: the base64 length of every blob member of its
 * input at the blob's maximum size (an {@code Image.Bytes} of 5 MB is 6,990,508 characters), plus
 * {@value #OTHER_MEMBERS} bytes for everything else. DetectFaces may so send about 7.7 MiB, CompareFaces (two images)
 * about 14.3 MiB, and an operation without images 1 MiB. A longer body is answered like AWS front ends answer one:
 * HTTP 413 {@code RequestEntityTooLargeException}, before any of it is parsed. Up to {@value #DRAIN_MAX} bytes of it
 * are read and thrown away first, so that the client, still sending, can read that answer; beyond that the
 * connection is closed.
 */
final class RequestBody {
    /** Room for every member that is not a blob, JSON syntax and escaping included. */
    static final long OTHER_MEMBERS = 1024 * 1024;
    /** The most bytes of an oversize body read (and discarded) before answering. */
    static final long DRAIN_MAX = 64L * 1024 * 1024;
    /** The error code of an oversize body. */
    static final String TOO_LARGE = "RequestEntityTooLargeException";

    private static final Map<Operation, Long> LIMITS = limits();

    private RequestBody() {
    }

    /**
     * Returns the largest body accepted for an operation, or for a request that names none.
     *
     * @param op the operation, empty when the target is unknown
     * @return the bound in bytes
     */
    static long limit(Optional<Operation> op) {
        return op.map(LIMITS::get).orElse(OTHER_MEMBERS);
    }

    /**
     * Reads the body of a request, at most {@link #limit(Optional)} bytes.
     *
     * @param ex the exchange
     * @param op the operation the request names, if any
     * @return the bytes
     * @throws ServiceError 413 {@value #TOO_LARGE} for a longer body
     * @throws IOException if reading fails
     */
    static byte[] read(HttpExchange ex, Optional<Operation> op) throws IOException {
        long limit = limit(op);
        long declared = declaredLength(ex.getRequestHeaders().getFirst("Content-Length"));
        InputStream in = ex.getRequestBody();
        if (declared > limit) {
            if (declared <= DRAIN_MAX) {
                discard(in, DRAIN_MAX);
            }
            throw tooLarge(op, limit, declared);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared >= 0 ? (int) declared : 8192);
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(chunk)) != -1; ) {
            total += n;
            if (total > limit) {
                long rest = discard(in, DRAIN_MAX - total);
                throw tooLarge(op, limit, rest >= 0 ? total + rest : -1);
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads and drops at most {@code max} bytes; returns how many, or -1 if the stream had more. */
    static long discard(InputStream in, long max) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(chunk)) != -1; ) {
            total += n;
            if (total > max) {
                return -1;
            }
        }
        return total;
    }

    private static ServiceError tooLarge(Optional<Operation> op, long limit, long size) {
        return new ServiceError(TOO_LARGE, 413, "Request body is " + (size >= 0 ? size + " bytes" : "over " + DRAIN_MAX + " bytes")
            + "; the " + op.map(Operation::wireName).orElse("emulator's") + " limit is " + limit + " bytes"
            + (op.isPresent() && limit > OTHER_MEMBERS ? " (images of at most 5 MB, base64-encoded)" : ""));
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<Operation, Long> limits() {
        ServiceModel model = ServiceModel.get();
        Map<Operation, Long> out = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            long limit = OTHER_MEMBERS;
            for (JsonNode shape : model.flattenInput(op.wireName()).values()) {
                if ("blob".equals(shape.path("type").asString()) && shape.has("max")) {
                    limit += (shape.get("max").asLong() + 2) / 3 * 4;
                }
            }
            out.put(op, limit);
        }
        return out;
    }
}
