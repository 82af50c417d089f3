package dev.rekoface.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.rekoface.Operation;
import dev.rekoface.RekofaceAsyncClient;
import dev.rekoface.RekofaceClient;
import dev.rekoface.testkit.emulator.FaultProfile;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.stub.RekognitionStubs;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/** Runs small scenario classes through the JUnit engine to check what the two extensions promise. */
class ExtensionsTest {

    static final AtomicReference<RekognitionEmulator> SEEN = new AtomicReference<>();

    private static Events run(Class<?> scenario) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(scenario)).execute().testEvents();
    }

    @Test
    void stubbedRekognition_unmatchedRequest_failsTheTestNamingTheOperation() {
        Events events = run(UnmatchedScenario.class);
        events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        events.assertThatEvents().haveExactly(1, event(test("sendsUnstubbedRequest"),
            finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("matched no stub") && m.contains("ListCollections")))));
    }

    @Test
    void localRekognition_resetBetweenTests_givesEachTestAFreshEmulatorState() {
        Events events = run(ResetScenario.class);
        events.assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void localRekognition_sharedState_keepsCollectionsAcrossTests() {
        Events events = run(SharedScenario.class);
        events.assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void localRekognition_classEnds_closesTheEmulator() throws Exception {
        run(ResetScenario.class);
        RekognitionEmulator emu = SEEN.get();
        assertThat(emu).isNotNull();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(java.net.http.HttpRequest.newBuilder(emu.endpoint()).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }

    @StubbedRekognition
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class UnmatchedScenario {
        @Test
        @Order(1)
        void sendsUnstubbedRequest(RekognitionClient sdk) {
            try {
                sdk.listCollections();
            } catch (RuntimeException expected) {
                // 404 NoStubMatchedException; the extension fails the test after it returns
            }
        }

        @Test
        @Order(2)
        void stubbedRequest_passes(RekognitionStubs stubs, RekognitionClient sdk) {
            stubs.on(Operation.LIST_COLLECTIONS).respondWithJson("{\"CollectionIds\":[\"a\"]}");
            assertThat(sdk.listCollections().collectionIds()).containsExactly("a");
        }
    }

    @LocalRekognition
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ResetScenario {
        @Test
        @Order(1)
        void first(RekognitionClient sdk, RekognitionAsyncClient async, RekofaceClient reko, RekofaceAsyncClient rekoAsync,
                   RekognitionEmulator emu, @LocalRekognitionEndpoint URI endpoint) {
            SEEN.set(emu);
            assertThat(endpoint).isEqualTo(emu.endpoint());
            sdk.createCollection(r -> r.collectionId("one"));
            async.createCollection(r -> r.collectionId("two")).join();
            emu.setFaults(Operation.DETECT_FACES, FaultProfile.builder().tpsQuota(1).build());
            assertThat(reko).isNotNull();
            assertThat(rekoAsync).isNotNull();
        }

        @Test
        @Order(2)
        void second(RekognitionClient sdk, RekognitionEmulator emu) {
            assertThat(sdk.listCollections().collectionIds()).isEmpty();
            assertThat(emu.faults(Operation.DETECT_FACES).tpsQuota()).isZero();
            assertThat(emu.counters().requests(Operation.CREATE_COLLECTION)).isZero();
        }
    }

    @LocalRekognition(resetBetweenTests = false)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharedScenario {
        @Test
        @Order(1)
        void first(RekognitionClient sdk) {
            sdk.createCollection(r -> r.collectionId("kept"));
        }

        @Test
        @Order(2)
        void second(RekognitionClient sdk) {
            assertThat(sdk.listCollections().collectionIds()).containsExactly("kept");
        }
    }
}
