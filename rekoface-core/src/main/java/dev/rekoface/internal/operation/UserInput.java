package dev.rekoface.internal.operation;

/**
 * The input of CreateUser and DeleteUser.
 *
 * @param collectionId the collection
 * @param personId the person, encoded to the user id
 * @param clientRequestToken the idempotency token, the same on every attempt of one call
 */
public record UserInput(String collectionId, String personId, String clientRequestToken)
    implements Resources.UserScoped {
}
