package dev.rekoface.internal.operation;

/**
 * Describes the resource a not-found or already-exists error refers to, for the operations' {@code resource}; each
 * method fits {@link SdkOperation}'s resource argument.
 */
final class Resources {
    private Resources() {
    }

    static String collection(String collectionId) {
        return "collection '" + collectionId + "'";
    }

    static String collection(CollectionScoped input) {
        return input.collectionId() == null ? null : collection(input.collectionId());
    }

    static String user(String personId, String collectionId) {
        return "user '" + personId + "' in " + collection(collectionId);
    }

    static String user(UserScoped input) {
        return user(input.personId(), input.collectionId());
    }

    /** An input that refers to a collection (null for none). */
    interface CollectionScoped {
        /** Returns the collection id, or null. */
        String collectionId();
    }

    /** An input that refers to a person's user in a collection. */
    interface UserScoped extends CollectionScoped {
        /** Returns the person, encoded to the user id. */
        String personId();
    }
}
