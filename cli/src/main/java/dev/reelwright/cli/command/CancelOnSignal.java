package dev.reelwright.cli.command;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ctrl-C during a run: instead of the JVM dying mid-call, the working thread is interrupted so that remote jobs
 * ask their vendors to cancel and partial files are cleaned up, and the JVM waits a few seconds for that.
 */
final class CancelOnSignal {
    private static final long GRACE_SECONDS = 10;

    private CancelOnSignal() {}

    static <T> T run(Supplier<T> work) {
        Thread worker = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // the JVM is going down either way
            }
        }, "reelwright-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it will see the latch
            }
        }
    }
}
