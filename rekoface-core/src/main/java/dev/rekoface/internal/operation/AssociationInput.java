package dev.rekoface.internal.operation;

import dev.rekoface.model.Threshold;
import java.util.List;

/**
 * The input of AssociateFaces and DisassociateFaces.
 *
 * @param collectionId the collection
 * @param personId the person, encoded to the user id
 * @param faceIds the faces, 1 to {@value Limits#MAX_FACES_PER_USER}
 * @param threshold the user match threshold (AssociateFaces only)
 * @param clientRequestToken the idempotency token, the same on every attempt of one call
 */
public record AssociationInput(String collectionId, String personId, List<String> faceIds, Threshold threshold,
                               String clientRequestToken) implements Resources.UserScoped {
}
