package dev.rekoface.cli;

import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.model.CollectionInfo;
import dev.rekoface.model.CollectionSummary;
import dev.rekoface.model.IndexedFace;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rekoface collection create|list|describe|delete|faces}: face collections. */
@Command(name = "collection", mixinStandardHelpOptions = true,
    description = "Create, list, describe and delete face collections, and list a collection's faces.",
    subcommands = {CollectionCommand.Create.class, CollectionCommand.ListCollections.class,
        CollectionCommand.Describe.class, CollectionCommand.Delete.class, CollectionCommand.Faces.class})
final class CollectionCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "collection: say which: create, list, describe, delete or faces");
    }

    static ObjectNode info(CollectionInfo c) {
        ObjectNode n = Render.object().put("id", c.id());
        c.arn().ifPresent(a -> n.put("arn", a));
        n.put("faceCount", c.faceCount()).put("userCount", c.userCount()).put("faceModelVersion", c.faceModelVersion());
        c.creationTime().ifPresent(t -> n.put("created", t.toString()));
        return n;
    }

    static void printInfo(BaseCommand cmd, String verb, CollectionInfo c) {
        if (cmd.json()) {
            cmd.printJson(info(c));
        } else {
            cmd.out().println((verb.isEmpty() ? "" : verb + " ") + "collection " + c.id() + ": " + c.faceCount() + " face(s), " + c.userCount()
                + " user(s), face model " + c.faceModelVersion() + c.creationTime().map(t -> ", created " + t).orElse(""));
        }
    }

    /** {@code collection create C}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a collection.")
    static final class Create extends BaseCommand {
        @Parameters(paramLabel = "COLLECTION", description = "The collection id (letters, digits, '.', '_', '-').")
        String id;

        @Option(names = "--if-absent", description = "Succeed when the collection already exists.")
        boolean ifAbsent;

        @Override
        int execute() {
            var c = rekognition().collection(id);
            printInfo(this, "created", ifAbsent ? c.createIfAbsent() : c.create());
            return RekofaceCli.OK;
        }
    }

    /** {@code collection list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the collections (every page).")
    static final class ListCollections extends BaseCommand {
        @Override
        int execute() {
            List<CollectionSummary> all = all(rekognition().listCollections());
            printList(Render.object(), "collections", all,
                c -> Render.object().put("id", c.id()).put("faceModelVersion", c.faceModelVersion()),
                all.size() + " collection(s)", new Render.Table("collection", "face model"),
                c -> new Object[] {c.id(), c.faceModelVersion()});
            return RekofaceCli.OK;
        }
    }

    /** {@code collection describe C}. */
    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Describe a collection.")
    static final class Describe extends BaseCommand {
        @Parameters(paramLabel = "COLLECTION", description = "The collection id.")
        String id;

        @Override
        int execute() {
            printInfo(this, "", rekognition().collection(id).describe());
            return RekofaceCli.OK;
        }
    }

    /** {@code collection delete C}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a collection and every face in it (this cannot be undone).")
    static final class Delete extends BaseCommand {
        @Parameters(paramLabel = "COLLECTION", description = "The collection id.")
        String id;

        @Option(names = "--if-exists", description = "Succeed when the collection does not exist.")
        boolean ifExists;

        @Override
        int execute() {
            var c = rekognition().collection(id);
            boolean deleted;
            if (ifExists) {
                deleted = c.deleteIfExists();
            } else {
                c.delete();
                deleted = true;
            }
            if (json()) {
                printJson(Render.object().put("id", id).put("deleted", deleted));
            } else {
                out().println(deleted ? "deleted collection " + id : "collection " + id + " did not exist");
            }
            return RekofaceCli.OK;
        }
    }

    /** {@code collection faces C}. */
    @Command(name = "faces", mixinStandardHelpOptions = true, description = "List the faces of a collection (every page).")
    static final class Faces extends BaseCommand {
        @Parameters(paramLabel = "COLLECTION", description = "The collection id.")
        String id;

        @Option(names = "--person", paramLabel = "ID", description = "Only the faces of this person.")
        String person;

        @Override
        int execute() {
            var c = rekognition().collection(id);
            List<IndexedFace> faces = person != null ? c.facesOf(person) : all(c.faces());
            printList(Render.object().put("collection", id), "faces", faces, Render::indexedFace,
                faces.size() + " face(s) in " + id, new Render.Table("face id", "person", "user"),
                f -> new Object[] {f.faceId(), f.personId().orElse("-"), f.userPersonId().orElse("-")});
            return RekofaceCli.OK;
        }
    }
}
