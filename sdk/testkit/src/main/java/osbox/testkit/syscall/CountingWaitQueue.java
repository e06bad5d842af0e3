package osbox.testkit.syscall;

import osbox.api.kernel.WaitQueue;

/** A wait queue for tests: it wakes nobody, but counts how often it was asked to. */
public final class CountingWaitQueue implements WaitQueue {
    private final String name;
    private int wakeCalls;

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
        return 0;
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
