package osbox.kernel.core.proc;

import java.util.ArrayList;
import java.util.List;
import osbox.kernel.core.sched.KernelWaitQueue;

/**
 * A process's sleep in ppoll or pselect6: its own queue, which it sleeps on
 * with the call's deadline, and the files' queues it watches meanwhile; a
 * wake-up of any of them wakes its queue (Linux's poll table). The deadline
 * is kept so the restarted call, after the wake-up, still ends at the time
 * the first call computed. Simulation thread only.
 */
public final class PollWait {
    private final KernelWaitQueue<Process> queue;
    private final List<KernelWaitQueue<?>> watched = new ArrayList<>();
    private final Runnable waker;
    private long deadline = Long.MAX_VALUE;

    /** A poll wait sleeping on {@code queue}. */
    public PollWait(KernelWaitQueue<Process> queue) {
        this.queue = queue;
        this.waker = queue::wakeAll;
    }

    /** The queue the poller sleeps on. */
    public KernelWaitQueue<Process> queue() {
        return queue;
    }

    /** The cycle the poll that slept ends at (Long.MAX_VALUE: never). */
    public long deadline() {
        return deadline;
    }

    /** Sets the cycle the poll ends at. */
    public void setDeadline(long cycle) {
        deadline = cycle;
    }

    /** Watches a file's queue: its next wake-up wakes the poller. */
    public void watch(KernelWaitQueue<?> fileQueue) {
        fileQueue.watchOnce(waker);
        watched.add(fileQueue);
    }

    /** Stops watching every file's queue (a new scan registers again). */
    public void unwatchAll() {
        for (KernelWaitQueue<?> q : watched) {
            q.unwatch(waker);
        }
        watched.clear();
    }
}
