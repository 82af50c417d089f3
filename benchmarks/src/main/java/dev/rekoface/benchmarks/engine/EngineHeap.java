package dev.rekoface.benchmarks.engine;

import dev.rekoface.engine.FaceEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures the heap retained by a loaded {@link FaceEngine}: used heap after full GCs before and after loading (the
 * engine kept reachable), plus the engine's own count of weight bytes.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.rekoface.benchmarks.engine.EngineHeap}. Not
 * thread-safe; a program, not a JMH benchmark.
 */
public final class EngineHeap {
    private EngineHeap() {
    }

    /**
     * Prints the measurement.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long before = settledUsed(mx);
        long t0 = System.nanoTime();
        FaceEngine engine = FaceEngine.load();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long after = settledUsed(mx);
        System.out.printf("load time: %d ms%n", loadMs);
        System.out.printf("retained heap after load: %.1f MB%n", (after - before) / 1e6);
        System.out.printf("model weights (engine's count): %.1f MB%n", engine.weightBytes() / 1e6);
        if (engine.weightBytes() < 0) {
            System.out.println(engine);
        }
    }

    private static long settledUsed(MemoryMXBean mx) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, mx.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
