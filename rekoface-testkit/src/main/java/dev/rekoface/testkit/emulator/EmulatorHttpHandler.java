package dev.rekoface.testkit.emulator;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.rekoface.InvalidArgumentException;
import dev.rekoface.Operation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's HTTP side of the AWS JSON 1.1 protocol: health checks, the operation from {@code X-Amz-Target}, the
 * operation's quota and faults ({@link FaultInjector}), the bounded body ({@link RequestBody}), the JSON, then the
 * {@link RekognitionService}; its answer or {@link ServiceError} as the service's JSON, one log line per request.
 * No request leaves the client waiting: even an {@link Error} is answered.
 */
final class EmulatorHttpHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RekognitionEmulator.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("dev.rekoface.testkit.emulator.requests");
    private static final String JSON_TYPE = "application/x-amz-json-1.1";

    private final RekognitionService service;
    private final FaultInjector faults;
    private final EmulatorCounters counters;
    private final boolean logRequests;

    EmulatorHttpHandler(RekognitionService service, FaultInjector faults, EmulatorCounters counters, boolean logRequests) {
        this.service = service;
        this.faults = faults;
        this.counters = counters;
        this.logRequests = logRequests;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long t0 = System.nanoTime();
        String name = "-";
        int status = 0;
        String outcome = "";
        try {
            String method = ex.getRequestMethod();
            if ("GET".equals(method) || "HEAD".equals(method)) {
                RequestBody.discard(ex.getRequestBody(), RequestBody.DRAIN_MAX);
                name = "health";
                status = 200;
                send(ex, 200, "{\"status\":\"ok\",\"service\":\"rekognition\"}".getBytes(StandardCharsets.UTF_8), null);
                return;
            }
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            Optional<Operation> found = operationOf(target);
            byte[] body = RequestBody.read(ex, found);
            if (!"POST".equals(method) || found.isEmpty()) {
                counters.unknownOperation();
                name = target == null ? "(no X-Amz-Target)" : target;
                status = 400;
                outcome = "UnknownOperationException";
                sendError(ex, 400, "UnknownOperationException", target == null ? "Missing X-Amz-Target header"
                    : "Operation " + target + " is not supported by this Rekognition emulator");
                return;
            }
            Operation op = found.get();
            name = op.wireName();
            counters.countRequest(op);
            FaultInjector.Request fault = faults.start(op);
            String throttle = fault.throttled();
            if (throttle != null) {
                counters.countThrottled(op);
                status = 400;
                outcome = throttle;
                sendError(ex, 400, throttle, "ProvisionedThroughputExceededException".equals(throttle)
                    ? "Provisioned rate exceeded" : "Rate exceeded");
                return;
            }
            fault.delay();
            if (fault.internalError()) {
                counters.countFaulted(op);
                status = 500;
                outcome = "InternalServerError (injected)";
                sendError(ex, 500, "InternalServerError", "Internal server error");
                return;
            }
            if (fault.connectionReset()) {
                counters.countFaulted(op);
                outcome = "connection reset (injected)";
                ex.close();
                return;
            }
            ObjectNode resp = service.handle(op, json(body));
            if (fault.responseLost()) {
                counters.countFaulted(op);
                outcome = "response lost after success (injected)";
                ex.close();
                return;
            }
            counters.countSucceeded(op);
            status = 200;
            send(ex, 200, EmulatorState.JSON.writeValueAsBytes(resp), null);
        } catch (ServiceError e) {
            Operation.find(name).ifPresent(counters::countError);
            status = e.status;
            outcome = e.code;
            sendError(ex, e.status, e.code, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("emulator failure in {}", name, e);
            status = 500;
            outcome = "InternalServerError";
            sendError(ex, 500, "InternalServerError", "Internal server error");
        } catch (Error e) {
            // An OutOfMemoryError or StackOverflowError on this request: answer it (left alone, the exchange would
            // stay open and the client wait forever), log it once, and let the thread serve the next request.
            status = 500;
            outcome = "InternalServerError (" + e.getClass().getSimpleName() + ")";
            LOG.error("emulator failure in {}: {}", name, e.toString(), e);
            answerAfterError(ex);
        } finally {
            if (logRequests) {
                REQUESTS.info("{} {} {}{} ms", name, status == 0 ? "---" : status, outcome.isEmpty() ? "" : outcome + " ",
                    (System.nanoTime() - t0) / 1_000_000);
            }
        }
    }

    /** Parses a request body: a JSON object (an empty body is {@code {}}), else the service's SerializationException. */
    private static JsonNode json(byte[] body) throws IOException {
        try {
            JsonNode req = EmulatorState.JSON.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
            if (req == null || !req.isObject()) {
                throw new ServiceError("SerializationException", 400, "Request body must be a JSON object");
            }
            return req;
        } catch (StreamConstraintsException e) {
            throw new ServiceError("SerializationException", 400, "Request body is over a limit of the JSON parser: "
                + e.getOriginalMessage().replaceAll(",? from `[^`]*`", ""));
        } catch (JacksonException e) {
            throw new ServiceError("SerializationException", 400, "Request body is not valid JSON");
        }
    }

    /** Answers 500 after an {@link Error}; if even that fails, closes the exchange so the client is not left waiting. */
    private static void answerAfterError(HttpExchange ex) {
        try {
            sendError(ex, 500, "InternalServerError", "Internal server error");
        } catch (IOException | RuntimeException | Error again) {
            ex.close();
        }
    }

    /** The operation an {@code X-Amz-Target} header names exactly, e.g. {@code RekognitionService.DetectFaces}. */
    private static Optional<Operation> operationOf(String target) {
        if (target == null || !target.startsWith(Operation.TARGET_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Operation.fromWireName(target.substring(Operation.TARGET_PREFIX.length())));
        } catch (InvalidArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static void sendError(HttpExchange ex, int status, String code, String message) throws IOException {
        ObjectNode o = EmulatorState.JSON.createObjectNode();
        o.put("__type", code);
        o.put("Message", message);
        send(ex, status, EmulatorState.JSON.writeValueAsBytes(o), code);
    }

    private static void send(HttpExchange ex, int status, byte[] body, String errorType) throws IOException {
        ex.getResponseHeaders().set("Content-Type", JSON_TYPE);
        ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            ex.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }
}
