package dev.rekoface.testkit.emulator;

import tools.jackson.databind.node.ObjectNode;
import dev.rekoface.testkit.emulator.EmulatorState.CollectionRecord;
import dev.rekoface.testkit.emulator.EmulatorState.UserRecord;
import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.function.Supplier;

/**
 * The emulator's state behind its {@link StateLock}, and the journal that keeps it: operations read it in
 * {@link #read}, change it in {@link #write} by {@linkplain #apply events} (journaled first when persistent), and find
 * collections and users with the service's not-found errors.
 */
final class EmulatorStore {
    private final EmulatorState state = new EmulatorState();
    private final StateLock lock = new StateLock();
    private Journal journal;

    /** Loads and then keeps the state in a data directory. */
    void persistTo(Path dir) {
        lock.write(() -> {
            journal = Journal.open(dir, state);
        });
    }

    /** Closes the journal, if any (releasing the data directory's lock). */
    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    /** Runs work that reads the state; see {@link StateLock#read}. */
    <T> T read(Supplier<T> work) {
        return lock.read(work);
    }

    /** Runs work that changes the state; see {@link StateLock#write}. */
    <T> T write(Supplier<T> work) {
        return lock.write(work);
    }

    /** Runs a change of the state; see {@link StateLock#write(Runnable)}. */
    void write(Runnable work) {
        lock.write(work);
    }

    /**
     * Changes the state by one event, journaled first when persistent; inside {@link #write} only.
     *
     * @param event the event: {@code {"t": type, ...}}
     */
    void apply(ObjectNode event) {
        if (!lock.writing()) {
            throw new IllegalStateException("a change of the emulator's state outside its write lock");
        }
        if (journal != null) {
            journal.append(event);
        }
        state.apply(event);
    }

    /** Removes every collection (and, when persistent, records that). */
    void reset() {
        write(() -> apply(EmulatorState.JSON.createObjectNode().put("t", "reset")));
    }

    /** Returns the collections by id, sorted; inside {@link #read} or {@link #write}. */
    NavigableMap<String, CollectionRecord> collections() {
        return state.collections;
    }

    /** Tells whether a collection exists; inside {@link #read} or {@link #write}. */
    boolean exists(String id) {
        return state.collection(id) != null;
    }

    /**
     * Returns a collection; inside {@link #read} or {@link #write}.
     *
     * @param id the collection id
     * @return the collection
     * @throws ServiceError ResourceNotFoundException when there is none
     */
    CollectionRecord collection(String id) {
        CollectionRecord c = state.collection(id);
        if (c == null) {
            throw ServiceError.notFound("The collection id: " + id + " does not exist");
        }
        return c;
    }

    /** Checks, under a read lock, that a collection exists before image work starts outside the lock. */
    void requireCollection(String id) {
        read(() -> collection(id));
    }

    /**
     * Returns a user of a collection.
     *
     * @param c the collection
     * @param userId the user id
     * @return the user
     * @throws ServiceError ResourceNotFoundException when there is none
     */
    static UserRecord user(CollectionRecord c, String userId) {
        UserRecord u = c.users.get(userId);
        if (u == null) {
            throw ServiceError.notFound("The user with id: " + userId + " does not exist in the collection " + c.id);
        }
        return u;
    }

    /** Returns the number of collections (for tests and logs). */
    int collectionCount() {
        return read(() -> state.collections.size());
    }
}
