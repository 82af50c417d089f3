package dev.rekoface.internal.mapper;

import dev.rekoface.model.FaceRefusal;
import java.util.List;

/**
 * What one DeleteFaces call did.
 *
 * @param deleted the ids of the faces deleted
 * @param refused the faces the service did not delete, with its reasons
 */
public record DeletedFaces(List<String> deleted, List<FaceRefusal> refused) {
}
