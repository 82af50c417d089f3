package dev.rekoface.cli;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.model.AssociationResult;
import dev.rekoface.model.FaceRefusal;
import dev.rekoface.model.IndexedFace;
import dev.rekoface.model.UserInfo;
import dev.rekoface.model.UserSearch;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rekoface users create|list|delete|associate|search}: users, which group a person's faces. */
@Command(name = "users", mixinStandardHelpOptions = true,
    description = "Users group the faces of one person, for matching on all of them at once.",
    subcommands = {UsersCommand.Create.class, UsersCommand.ListUsers.class, UsersCommand.Delete.class,
        UsersCommand.Associate.class, UsersCommand.Search.class})
final class UsersCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "users: say which: create, list, delete, associate or search");
    }

    /** What every users subcommand needs: the collection. */
    abstract static class UsersBase extends BaseCommand {
        @Mixin
        CollectionOption collection;
    }

    /** {@code users create ID}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user for a person.")
    static final class Create extends UsersBase {
        @Parameters(paramLabel = "ID", description = "The person id.")
        String personId;

        @Override
        int execute() {
            UserInfo u = rekognition().collection(collection.id).createUser(personId);
            if (json()) {
                printJson(Render.object().put("personId", u.personId()).put("userId", u.userId())
                    .put("status", u.status().name()));
            } else {
                out().println("created user " + u.personId() + " (" + u.status() + ") in " + collection.id);
            }
            return RekofaceCli.OK;
        }
    }

    /** {@code users list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users of a collection.")
    static final class ListUsers extends UsersBase {
        @Override
        int execute() {
            List<UserInfo> users = all(rekognition().collection(collection.id).users());
            printList(Render.object().put("collection", collection.id), "users", users,
                u -> Render.object().put("personId", u.personId()).put("status", u.status().name()),
                users.size() + " user(s) in " + collection.id, new Render.Table("person", "status"),
                u -> new Object[] {u.personId(), u.status()});
            return RekofaceCli.OK;
        }
    }

    /** {@code users delete ID}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a user (the faces stay; use forget to erase a person).")
    static final class Delete extends UsersBase {
        @Parameters(paramLabel = "ID", description = "The person id.")
        String personId;

        @Override
        int execute() {
            boolean deleted = rekognition().collection(collection.id).deleteUser(personId);
            if (json()) {
                printJson(Render.object().put("personId", personId).put("deleted", deleted));
            } else {
                out().println(deleted ? "deleted user " + personId : "user " + personId + " did not exist");
            }
            return RekofaceCli.OK;
        }
    }

    /** {@code users associate ID}. */
    @Command(name = "associate", mixinStandardHelpOptions = true,
        description = "Associate faces with a user: the given face ids, or by default every face indexed for the person.")
    static final class Associate extends UsersBase {
        @Parameters(index = "0", paramLabel = "ID", description = "The person id.")
        String personId;

        @Option(names = "--face-id", paramLabel = "FACE", split = ",", description = "Face ids (default: all of the person's).")
        List<String> faceIds;

        @Override
        int execute() {
            var c = rekognition().collection(collection.id);
            List<String> ids = faceIds != null ? faceIds
                : c.facesOf(personId).stream().map(IndexedFace::faceId).collect(Collectors.toList());
            if (ids.isEmpty()) {
                throw new dev.rekoface.RekofaceException("person " + personId + " has no indexed faces in " + collection.id
                    + "; index some first");
            }
            AssociationResult r = c.associateFaces(personId, ids);
            if (json()) {
                ObjectNode doc = Render.object().put("personId", personId).put("status", r.userStatus().name());
                ArrayNode ok = doc.putArray("associated");
                r.faceIds().forEach(ok::add);
                ArrayNode refused = doc.putArray("refused");
                for (FaceRefusal f : r.refused()) {
                    ArrayNode reasons = refused.addObject().put("faceId", f.faceId()).putArray("reasons");
                    f.reasons().forEach(x -> reasons.add(x.name()));
                }
                printJson(doc);
            } else {
                out().println("associated " + r.faceIds().size() + " face(s) with " + personId
                    + (r.refused().isEmpty() ? "" : "; refused " + r.refused().size() + ": " + r.refused()));
            }
            return RekofaceCli.OK;
        }
    }

    /** {@code users search IMAGE}. */
    @Command(name = "search", mixinStandardHelpOptions = true, description = "Find the users matching the largest face of an image.")
    static final class Search extends UsersBase {
        @Mixin
        ImageArgument input;

        @Mixin
        ThresholdOption threshold;

        @Option(names = "--max", paramLabel = "N", defaultValue = "5", description = "At most N users (default: ${DEFAULT-VALUE}).")
        int max;

        @Override
        int execute() {
            UserSearch s = rekognition().collection(collection.id).searchUsers(image(input.image), threshold.threshold(),
                max);
            printList(Render.object().put("image", input.image).put("collection", collection.id), "matches", s.matches(),
                m -> Render.object().put("personId", m.personId()).put("similarity", Render.round(m.similarity())),
                s.matches().size() + " user(s) match", new Render.Table("person", "similarity"),
                m -> new Object[] {m.personId(), Render.pct(m.similarity())});
            return RekofaceCli.OK;
        }
    }
}
