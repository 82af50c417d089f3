package dev.rekoface.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The state is changed only under its write lock, through {@link StateLock}. */
class EmulatorStoreTest {
    private static ObjectNode create(String id) {
        return EmulatorState.JSON.createObjectNode().put("t", "createCollection").put("id", id).put("arn", "arn").put("created", 0.0);
    }

    @Test
    void apply_insideWrite_changesTheState() {
        EmulatorStore store = new EmulatorStore();
        store.write(() -> store.apply(create("c")));
        assertThat(store.read(() -> store.exists("c"))).isTrue();
        assertThat(store.collectionCount()).isEqualTo(1);
    }

    @Test
    void apply_outsideWriteOrInsideRead_isRefusedAndChangesNothing() {
        EmulatorStore store = new EmulatorStore();
        assertThatThrownBy(() -> store.apply(create("c"))).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("outside its write lock");
        assertThatThrownBy(() -> store.read(() -> {
            store.apply(create("c"));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.collectionCount()).isZero();
    }

    @Test
    void collection_missing_answersResourceNotFound() {
        EmulatorStore store = new EmulatorStore();
        assertThatThrownBy(() -> store.requireCollection("none")).isInstanceOfSatisfying(ServiceError.class, e -> {
            assertThat(e.code).isEqualTo("ResourceNotFoundException");
            assertThat(e.getMessage()).isEqualTo("The collection id: none does not exist");
        });
    }

    @Test
    void write_workThrows_releasesTheLock() {
        StateLock lock = new StateLock();
        assertThatThrownBy(() -> lock.write(() -> {
            throw ServiceError.notFound("x");
        })).isInstanceOf(ServiceError.class);
        assertThat(lock.writing()).isFalse();
        assertThat(lock.write(() -> lock.writing())).isTrue();
    }
}
