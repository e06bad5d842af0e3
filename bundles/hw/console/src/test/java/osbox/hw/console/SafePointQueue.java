package osbox.hw.console;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A safe-point executor that only queues; the test thread plays the simulation thread and drains it. */
final class SafePointQueue implements Executor {
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    int size() {
        return tasks.size();
    }

    // Runs every task queued now; returns how many ran.
    int drain() {
        int n = 0;
        for (Runnable r; (r = tasks.poll()) != null; n++) {
            r.run();
        }
        return n;
    }

    // Runs tasks as they come until `done` holds; fails after 10 seconds without it.
    void drainUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the console's reader did not deliver in time");
            }
            Runnable r = tasks.poll(left, TimeUnit.NANOSECONDS);
            if (r != null) {
                r.run();
            }
        }
    }
}
