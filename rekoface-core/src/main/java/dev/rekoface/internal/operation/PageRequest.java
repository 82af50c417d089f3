package dev.rekoface.internal.operation;

/**
 * The input of a listing operation (ListCollections, ListFaces, ListUsers): one page.
 *
 * @param collectionId the collection listed, or null for ListCollections
 * @param token the page token, or null for the first page
 */
public record PageRequest(String collectionId, String token) implements Resources.CollectionScoped {
}
