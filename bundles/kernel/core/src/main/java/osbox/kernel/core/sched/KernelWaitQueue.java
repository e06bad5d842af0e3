package osbox.kernel.core.sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.WaitQueue;

/**
 * Sleepers in FIFO order; waking makes them READY through the dispatcher
 * that made the queue ({@link Dispatcher#newWaitQueue}).
 */
public final class KernelWaitQueue<T extends Task> implements WaitQueue {
    private final String name;
    final Dispatcher<T> dispatcher;
    private final ArrayDeque<T> sleepers = new ArrayDeque<>();
    // one-shot callbacks run at the next wakeAll (poll watching several queues at once)
    private final List<Runnable> watchers = new ArrayList<>();

    KernelWaitQueue(String name, Dispatcher<T> dispatcher) {
        this.name = name;
        this.dispatcher = dispatcher;
    }

    // The dispatcher puts t to sleep here.
    void add(T t) {
        sleepers.add(t);
    }

    // The dispatcher took t off this queue (woken or retired).
    void remove(Task t) {
        sleepers.remove(t);
    }

    /**
     * Wakes every sleeper still asleep on this queue, in the order they
     * slept, then runs (and forgets) the watchers, in the order they were
     * added; returns how many sleepers woke.
     */
    @Override
    public int wakeAll() {
        List<T> woken = new ArrayList<>(sleepers);
        sleepers.clear();
        int n = 0;
        for (T t : woken) {
            if (t.state() == ProcessState.BLOCKED && t.sched().sleepingOn == this) {
                dispatcher.wake(t);
                n++;
            }
        }
        if (!watchers.isEmpty()) {
            List<Runnable> due = new ArrayList<>(watchers);
            watchers.clear();
            due.forEach(Runnable::run);
        }
        return n;
    }

    /**
     * Runs {@code r} once, at the next {@link #wakeAll}: how a poller that
     * sleeps on its own queue learns that one of several files it watches
     * may have become ready (Linux's poll table entries).
     */
    @Override
    public void watchOnce(Runnable r) {
        watchers.add(r);
    }

    /** Forgets a watcher that has not run yet (the poll it served is over). */
    @Override
    public void unwatch(Runnable r) {
        watchers.remove(r);
    }

    @Override
    public int size() {
        return sleepers.size();
    }

    @Override
    public String name() {
        return name;
    }
}
