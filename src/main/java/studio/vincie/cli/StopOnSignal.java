package studio.vincie.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long job end cleanly on Ctrl-C / SIGTERM. The JVM halts as soon as its shutdown hooks return,
 * so the hook asks the job to stop, waits until it has written its state, then waits until the command
 * has printed its summary (which {@link #close} marks). Closing also removes the hook, so a finished
 * command leaves nothing behind that keeps the job reachable.
 */
final class StopOnSignal implements AutoCloseable {

    /** Waits for the job to return; true when it did within the time. */
    @FunctionalInterface
    interface Await {
        boolean await(long seconds) throws InterruptedException;
    }

    private final Thread hook;
    private final CountDownLatch reported = new CountDownLatch(1);

    private StopOnSignal(String name, Runnable requestStop, Await done, long seconds) {
        hook = new Thread(() -> {
            requestStop.run();
            try {
                done.await(seconds);
                reported.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    /** Installs the hook; {@code seconds} bounds the wait for the job's last write. */
    static StopOnSignal install(String name, Runnable requestStop, Await done, long seconds) {
        StopOnSignal s = new StopOnSignal(name, requestStop, done, seconds);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** Call after the summary is printed (or the job failed): the hook may now let the JVM halt. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and waits for us; nothing to undo
        }
        reported.countDown();
    }
}
