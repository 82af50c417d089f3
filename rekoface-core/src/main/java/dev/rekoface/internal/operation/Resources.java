package dev.rekoface.internal.operation;

/** Describes the resource a not-found or already-exists error refers to, for the operations' {@code resource}. */
final class Resources {
    private Resources() {
    }

    static String collection(String collectionId) {
        return "collection '" + collectionId + "'";
    }

    static String user(String personId, String collectionId) {
        return "user '" + personId + "' in " + collection(collectionId);
    }
}
