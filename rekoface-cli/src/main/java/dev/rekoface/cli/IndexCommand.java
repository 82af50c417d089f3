package dev.rekoface.cli;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.model.IndexOptions;
import dev.rekoface.model.IndexResult;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.model.QualityFilter;
import dev.rekoface.model.UnindexedFace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rekoface index IMAGE --collection C --external-id ID}: remember a person's face. */
@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Add the largest face of an image to a collection, under a person id.")
final class IndexCommand extends BaseCommand {
    @Mixin
    ImageArgument input;

    @Mixin
    CollectionOption collection;

    @Option(names = {"--external-id", "--person"}, required = true, paramLabel = "ID",
        description = "Who this is: any text (e.g. a name or an email); rekoface encodes it for the service.")
    String personId;

    @Option(names = "--max-faces", paramLabel = "N", defaultValue = "1",
        description = "Index up to N faces, largest first (default: ${DEFAULT-VALUE}).")
    int maxFaces;

    @Option(names = "--create", description = "Create the collection when it does not exist.")
    boolean create;

    @Override
    int execute() {
        IndexOptions options = IndexOptions.defaults().withMaxFaces(maxFaces).withQualityFilter(QualityFilter.AUTO);
        var source = image(input.image);
        var c = rekognition().collection(collection.id);
        if (create) {
            c.createIfAbsent();
        }
        IndexResult r = c.index(source, personId, options);
        if (json()) {
            ObjectNode doc = Render.object().put("collection", collection.id).put("personId", personId)
                .put("image", input.image);
            ArrayNode idx = doc.putArray("indexed");
            r.indexed().forEach(f -> idx.add(Render.indexedFace(f)));
            ArrayNode un = doc.putArray("unindexed");
            for (UnindexedFace u : r.unindexed()) {
                ObjectNode n = un.addObject();
                ArrayNode reasons = n.putArray("reasons");
                u.reasons().forEach(x -> reasons.add(x.name()));
                n.set("boundingBox", Render.box(u.face().boundingBox()));
            }
            printJson(doc);
        } else {
            for (IndexedFace f : r.indexed()) {
                out().println("indexed face " + f.faceId() + " as " + personId + " in " + collection.id);
            }
            for (UnindexedFace u : r.unindexed()) {
                out().println("not indexed: a face at " + Render.boxText(u.face()) + " (" + u.reasons() + ")");
            }
        }
        if (!r.anyIndexed()) {
            err().println("rekoface: no face of " + input.image + " was indexed" + (r.unindexed().isEmpty() ? " (no face found)"
                : " (" + r.unindexed().size() + " face(s) refused: " + r.unindexed().get(0).reasons() + ")"));
            err().flush();
            return RekofaceCli.FAILED;
        }
        return RekofaceCli.OK;
    }
}
