package dev.rekoface.examples.facelogin;

import dev.rekoface.InvalidArgumentException;
import dev.rekoface.RekofaceException;
import dev.rekoface.ThrottledException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures into {@code {"error": "...", "code": "..."}}: 400 for a client's mistake (never 500), 503 when
 * Rekognition throttles, 502 when it fails, 500 only for the application's own faults (without details).
 */
@RestControllerAdvice
public class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /**
     * A refused request.
     *
     * @param e the refusal
     * @return 400
     */
    @ExceptionHandler(BadRequestException.class)
    public ResponseEntity<Map<String, Object>> badRequest(BadRequestException e) {
        return body(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    /**
     * A body that is not the expected JSON.
     *
     * @param e the parse failure
     * @return 400
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof RequestLimits.BodyTooLargeException tooLarge) {
            return body(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", tooLarge.getMessage());
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int newline = detail.indexOf('\n');
        return body(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "the request body is not the expected JSON object: "
            + (newline > 0 ? detail.substring(0, newline) : detail));
    }

    /**
     * An argument rekoface refused before calling AWS.
     *
     * @param e the refusal
     * @return 400
     */
    @ExceptionHandler(InvalidArgumentException.class)
    public ResponseEntity<Map<String, Object>> invalidArgument(InvalidArgumentException e) {
        return body(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", e.getMessage());
    }

    /**
     * Rekognition throttled after rekoface's retries.
     *
     * @param e the failure
     * @return 503
     */
    @ExceptionHandler(ThrottledException.class)
    public ResponseEntity<Map<String, Object>> throttled(ThrottledException e) {
        return body(HttpStatus.SERVICE_UNAVAILABLE, "BUSY", "the face service is busy, try again in a moment");
    }

    /**
     * Rekognition or S3 failed.
     *
     * @param e the failure
     * @return 502
     */
    @ExceptionHandler(RekofaceException.class)
    public ResponseEntity<Map<String, Object>> serviceFailed(RekofaceException e) {
        LOG.warn("The face service failed: {}", e.getMessage());
        return body(HttpStatus.BAD_GATEWAY, "SERVICE_FAILED", "the face service failed: " + e.getMessage());
    }

    /**
     * Spring MVC's own refusals (wrong method, media type): their status, in this shape.
     *
     * @param e the refusal
     * @return its status
     */
    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
        HttpMediaTypeNotAcceptableException.class})
    public ResponseEntity<Map<String, Object>> mvc(Exception e) {
        HttpStatusCode status = ((ErrorResponse) e).getStatusCode();
        String detail = ((ErrorResponse) e).getBody().getDetail();
        return body(status, "REFUSED", detail == null ? e.getMessage() : detail);
    }

    /**
     * Anything else: the application's fault.
     *
     * @param e the failure
     * @return 500, without internals
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, Object>> internal(Exception e) {
        LOG.error("Request failed", e);
        // the message may name files, hosts or keys: it goes to the log only
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "internal error");
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatusCode status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
