package osbox.testkit.syscall;

import osbox.api.kernel.WaitQueue;

/**
 * A wait queue for tests: it wakes nobody, but counts how often it was
 * asked to, and runs its watchers ({@link #watchOnce}, since 1.1) at each
 * wake-up.
 */
public final class CountingWaitQueue implements WaitQueue {
    private final String name;
    private int wakeCalls;
    private final java.util.List<Runnable> watchers = new java.util.ArrayList<>();

    /** A queue named {@code name}. */
    public CountingWaitQueue(String name) {
        this.name = name;
    }

    /** How many times {@link #wakeAll()} was called. */
    public int wakeCalls() {
        return wakeCalls;
    }

    @Override
    public int wakeAll() {
        wakeCalls++;
        java.util.List<Runnable> due = new java.util.ArrayList<>(watchers);
        watchers.clear();
        due.forEach(Runnable::run);
        return 0;
    }

    @Override
    public void watchOnce(Runnable r) {
        watchers.add(r);
    }

    @Override
    public void unwatch(Runnable r) {
        watchers.remove(r);
    }

    /** Watchers waiting for the next wake-up. */
    public int watchers() {
        return watchers.size();
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public String name() {
        return name;
    }
}
