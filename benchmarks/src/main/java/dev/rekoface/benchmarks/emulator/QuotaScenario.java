package dev.rekoface.benchmarks.emulator;

import dev.rekoface.Operation;
import dev.rekoface.testkit.emulator.FaultProfile;
import dev.rekoface.testkit.emulator.RekognitionEmulator;
import dev.rekoface.testkit.fixtures.Fixtures;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * What a client meets under the service's quota: 1,000 CompareFaces sent by a given number of concurrent callers
 * (no retries) to an emulator with a 50 TPS quota and 200 ms latency. Requests beyond the rate are throttled at once
 * (ProvisionedThroughputExceededException), not queued, so the accepted rate stays near 50/s.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.emulator.QuotaScenario [requests] [concurrency]
 * </pre>
 */
public final class QuotaScenario {
    private QuotaScenario() {
    }

    /**
     * Runs the scenario.
     *
     * @param args optional: requests (1000), concurrency (64)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        String a = Base64.getEncoder().encodeToString(Fixtures.image("Werner2.jpeg").bytes());
        String b = Base64.getEncoder().encodeToString(Fixtures.image("werner-and-swami.jpeg").bytes());
        byte[] body = ("{\"SourceImage\":{\"Bytes\":\"" + a + "\"},\"TargetImage\":{\"Bytes\":\"" + b + "\"}}").getBytes(StandardCharsets.UTF_8);
        try (RekognitionEmulator emu = RekognitionEmulator.builder().logRequests(false)
            .faults(Operation.COMPARE_FACES, FaultProfile.builder().tpsQuota(50).latency(Duration.ofMillis(200)).build()).start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest req = HttpRequest.newBuilder(emu.endpoint()).header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", Operation.COMPARE_FACES.target()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            Semaphore slots = new Semaphore(concurrency);
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < total; i++) {
                slots.acquire();
                all.add(http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode)
                    .whenComplete((s, e) -> slots.release()));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long ok = all.stream().filter(f -> f.join() == 200).count();
            long throttled = all.stream().filter(f -> f.join() == 400).count();
            System.out.printf("%d CompareFaces, %d concurrent callers, quota 50 TPS + 200 ms: %d accepted, %d throttled in %.2f s "
                + "(accepted %.1f/s)%n", total, concurrency, ok, throttled, seconds, ok / seconds);
            System.out.printf("server counters: %d attempts, %d throttled, %d succeeded%n", emu.counters().requests(Operation.COMPARE_FACES),
                emu.counters().throttled(Operation.COMPARE_FACES), emu.counters().succeeded(Operation.COMPARE_FACES));
        }
        System.exit(0);
    }
}
