package dev.rekoface.internal.operation;

/** The service's limits the collection operations check before a request (see docs/rekognition-notes.md). */
public final class Limits {
    /** Most faces per user, and per AssociateFaces/DisassociateFaces call. */
    public static final int MAX_FACES_PER_USER = 100;
    /** Most face ids per DeleteFaces call. */
    public static final int MAX_DELETE = 4096;
    /** Most matches a face search returns. */
    public static final int MAX_SEARCH_FACES = 4096;
    /** Most users a user search returns, and the page size of ListUsers. */
    public static final int MAX_USERS = 500;
    /** The page size of ListFaces. */
    public static final int LIST_FACES_PAGE = 1000;

    private Limits() {
    }
}
