package dev.rekoface.testkit.emulator;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The one read-write lock of the emulator's state: many readers or one writer. Every access to {@link EmulatorState}
 * goes through {@link #read} or {@link #write}, so no operation locks or unlocks by hand. Image work (decoding, face
 * detection) happens outside it. Reentrant; a read cannot be upgraded to a write.
 */
final class StateLock {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * Runs work that only reads the state, alongside other readers.
     *
     * @param work the work
     * @param <T> its result
     * @return what the work returned
     */
    <T> T read(Supplier<T> work) {
        return locked(lock.readLock(), work);
    }

    /**
     * Runs work that changes the state, alone.
     *
     * @param work the work
     * @param <T> its result
     * @return what the work returned
     */
    <T> T write(Supplier<T> work) {
        return locked(lock.writeLock(), work);
    }

    /**
     * Runs a change of the state, alone.
     *
     * @param work the change
     */
    void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /** Tells whether this thread holds the write lock (a change of the state must). */
    boolean writing() {
        return lock.isWriteLockedByCurrentThread();
    }

    private static <T> T locked(Lock l, Supplier<T> work) {
        l.lock();
        try {
            return work.get();
        } finally {
            l.unlock();
        }
    }
}
