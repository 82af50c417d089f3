package dev.rekoface.cli;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.model.ForgetResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rekoface forget ID --collection C}: erase a person (GDPR erasure). */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = "Delete every face of a person, and their user, from a collection.")
final class ForgetCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The person id given to index.")
    String personId;

    @Mixin
    CollectionOption collectionOption;

    @Override
    int execute() {
        String collection = collectionOption.id;
        ForgetResult r = rekognition().collection(collection).forget(personId);
        if (json()) {
            ObjectNode doc = Render.object().put("collection", collection).put("personId", personId);
            ArrayNode ids = doc.putArray("deletedFaceIds");
            r.deletedFaceIds().forEach(ids::add);
            doc.put("userDeleted", r.userDeleted());
            printJson(doc);
        } else if (r.erasedAnything()) {
            out().println("forgot " + personId + ": deleted " + r.deletedFaceIds().size() + " face(s)"
                + (r.userDeleted() ? " and the user" : ""));
        } else {
            out().println(personId + " was not in " + collection + "; nothing to delete");
        }
        return RekofaceCli.OK;
    }
}
