package dev.rekoface.testkit.emulator;

/** An error answer of the emulated service: the {@code __type}, the message and the HTTP status. */
final class ServiceError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String code;
    final int status;

    ServiceError(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    static ServiceError badRequest(String code, String message) {
        return new ServiceError(code, 400, message);
    }

    static ServiceError invalidParameter(String message) {
        return badRequest("InvalidParameterException", message);
    }

    static ServiceError notFound(String message) {
        return badRequest("ResourceNotFoundException", message);
    }

    static ServiceError validation(String message) {
        return badRequest("ValidationException", message);
    }
}
