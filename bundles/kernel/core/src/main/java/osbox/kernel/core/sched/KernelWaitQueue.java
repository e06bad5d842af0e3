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

    /** Wakes every sleeper still asleep on this queue, in the order they slept; returns how many. */
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
        return n;
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
