package osbox.policy.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;

/**
 * The multi-hart half of a policy: one run queue per hart, where a runnable
 * task is placed, stealing when a hart's queue is empty, and the book-keeping
 * that keeps every task in at most one place (queued on one hart, running on
 * one hart, or neither). Subclasses decide only order, keys and slices.
 *
 * <p>Placement: a task goes back to the hart it last ran on, unless that hart
 * carries at least {@link #IMBALANCE} more load (queued + running) than the
 * least loaded one; a task that never ran goes to the least loaded hart.
 * A hart whose queue is empty steals the next task of the hart with the most
 * queued tasks. Ties always go to the lowest hart number, so every decision is
 * deterministic. Costs: O(harts) plus the queue's own cost.
 *
 * <p>Tasks are found by id in a hash map that is only looked up, never
 * iterated, so nothing decided depends on hash order.
 *
 * @param <E> what the policy keeps about a task
 * @param <Q> a hart's run queue
 */
public abstract class HartPolicy<E extends HartPolicy.Entry, Q extends RunQueue<E>> implements SchedulingPolicy {
    /** Load difference (tasks) at which an enqueued task leaves its last hart for the least loaded one. */
    public static final int IMBALANCE = 2;

    /**
     * What the policy keeps about one task. Subclasses add their keys; where
     * the task is (queue, hart) is kept by {@link HartPolicy} and read-only
     * here.
     */
    public static class Entry {
        // Package-private: HartPolicy keeps them; subclasses read them through the accessors.
        final int id;
        SchedTask task;
        /** Hart whose queue holds it, or -1. */
        int queuedOn = -1;
        /** Hart it was picked for and has not yet reported {@code ran} on, or -1. */
        int runningOn = -1;
        /** Hart it last ran on (our own record), or -1. */
        int hart = -1;
        /** True until its first enqueue: its keys are not set yet. */
        boolean fresh = true;

        /** An entry for a task seen for the first time. */
        protected Entry(SchedTask task) {
            this.id = task.id();
            this.task = task;
        }

        /** The task's id. */
        public final int id() {
            return id;
        }

        /** The latest view of the task. */
        public final SchedTask task() {
            return task;
        }

        /** Hart whose queue holds it, or -1. */
        public final int queuedOn() {
            return queuedOn;
        }

        /** Hart it was picked for and has not yet reported {@code ran} on, or -1. */
        public final int runningOn() {
            return runningOn;
        }

        /** Hart it last ran on (the policy's own record), or -1. */
        public final int hart() {
            return hart;
        }

        /** True until its first enqueue: its keys are not set yet. */
        public final boolean fresh() {
            return fresh;
        }
    }

    private final Map<Integer, E> entries = new HashMap<>();
    private final List<Q> queues = new ArrayList<>();
    private final List<E> running = new ArrayList<>();
    private PolicyContext context;

    /** A policy with no queues until {@link #attach}. */
    protected HartPolicy() {
    }

    /** A new entry for a task seen for the first time. */
    protected abstract E newEntry(SchedTask task);

    /** A new, empty run queue for a hart ({@link #context()} is set). */
    protected abstract Q newQueue(int hart);

    /** Sets the entry's keys before it joins {@code hart}'s queue. */
    protected abstract void onEnqueue(E entry, EnqueueReason reason, int hart);

    /** Accounts {@code cycles} of running (the entry is still marked running, and in no queue). */
    protected abstract void onRan(E entry, long cycles, StopReason reason);

    /** Moves the entry's keys from one hart's frame to another's (before it is queued on {@code to}). */
    protected void onMigrate(E entry, int from, int to) {
    }

    /** Called once the entry was picked for {@code hart} and marked running there. */
    protected void onPick(E entry, int hart) {
    }

    /** Sets the keys of a task found running on {@code hart} when the policy attached. */
    protected void onAttachRunning(E entry, int hart) {
    }

    /** Starts afresh: a queue per hart, the running tasks recorded, the runnable ones enqueued as NEW. */
    @Override
    public void attach(PolicyContext context, List<SchedTask> runnable, SchedTask[] runningNow) {
        this.context = context;
        entries.clear();
        queues.clear();
        running.clear();
        int harts = Math.max(1, context.harts());
        for (int h = 0; h < harts; h++) {
            queues.add(newQueue(h));
            running.add(null);
        }
        if (runningNow != null) {
            for (int h = 0; h < Math.min(harts, runningNow.length); h++) {
                if (runningNow[h] != null) {
                    E e = entry(runningNow[h]);
                    e.runningOn = h;
                    e.hart = h;
                    e.fresh = false;
                    running.set(h, e);
                    onAttachRunning(e, h);
                }
            }
        }
        if (runnable != null) {
            for (SchedTask t : runnable) {
                enqueue(t, EnqueueReason.NEW);
            }
        }
    }

    /** Forgets everything; the policy will not be called again. */
    @Override
    public void detach() {
        context = null;
        entries.clear();
        queues.clear();
        running.clear();
    }

    /** Places the task on a hart's queue (a second enqueue of a queued task only moves it). */
    @Override
    public void enqueue(SchedTask task, EnqueueReason reason) {
        attached();
        E e = entry(task);
        if (e.queuedOn >= 0) {
            queues.get(e.queuedOn).remove(e);
            e.queuedOn = -1;
        }
        stopRunning(e);
        int from = e.hart >= 0 ? e.hart : validHart(task.lastHart());
        int to = place(from);
        if (!e.fresh && from >= 0 && from != to) {
            onMigrate(e, from, to);
        }
        onEnqueue(e, reason, to);
        e.fresh = false;
        queues.get(to).add(e);
        e.queuedOn = to;
    }

    /** Removes a queued task that leaves without running; unknown tasks are ignored. */
    @Override
    public void dequeue(SchedTask task) {
        attached();
        E e = entries.remove(task.id());
        if (e == null) {
            return;
        }
        if (e.queuedOn >= 0) {
            queues.get(e.queuedOn).remove(e);
            e.queuedOn = -1;
        }
        stopRunning(e);
    }

    /** Takes the next task of this hart's queue, or steals one from the most loaded queue; null when none is queued. */
    @Override
    public SchedTask pick(int hart) {
        attached();
        if (hart < 0 || hart >= queues.size()) {
            throw new IllegalArgumentException("no hart " + hart + " (harts: " + queues.size() + ")");
        }
        E e = queues.get(hart).poll();
        if (e == null) {
            int source = busiestQueue();
            if (source < 0) {
                return null;
            }
            e = queues.get(source).poll();
            onMigrate(e, source, hart);
        }
        e.queuedOn = -1;
        E previous = running.get(hart);
        if (previous != null && previous != e) {
            previous.runningOn = -1;
        }
        e.runningOn = hart;
        e.hart = hart;
        running.set(hart, e);
        onPick(e, hart);
        return e.task;
    }

    /** Accounts a stretch of running; an exited task is forgotten. */
    @Override
    public void ran(SchedTask task, long cycles, StopReason reason) {
        attached();
        E e = entry(task);
        int queued = e.queuedOn;
        if (queued >= 0) {
            queues.get(queued).remove(e);
            e.queuedOn = -1;
        }
        onRan(e, Math.max(0, cycles), reason);
        stopRunning(e);
        if (reason == StopReason.EXITED) {
            entries.remove(e.id);
        } else if (queued >= 0) {
            queues.get(queued).add(e);
            e.queuedOn = queued;
        }
    }

    /** Number of tasks the policy knows (queued, running or sleeping). */
    public final int knownTasks() {
        return entries.size();
    }

    /** The context given at attach. */
    protected final PolicyContext context() {
        return context;
    }

    /** Simulated time now. */
    protected final long now() {
        return context.now();
    }

    /** Number of harts (queues). */
    protected final int harts() {
        return queues.size();
    }

    /** The run queue of a hart. */
    protected final Q queue(int hart) {
        return queues.get(hart);
    }

    /** The entry running on a hart, or null. */
    protected final E running(int hart) {
        return running.get(hart);
    }

    /** The entry of a known task, or null. */
    protected final E known(SchedTask task) {
        return entries.get(task.id());
    }

    /** The entry of a task, created when first seen; keeps the latest view object. */
    protected final E entry(SchedTask task) {
        E e = entries.get(task.id());
        if (e == null) {
            e = newEntry(task);
            entries.put(e.id, e);
        }
        e.task = task;
        return e;
    }

    /** Marks the entry as no longer running. */
    private void stopRunning(E e) {
        if (e.runningOn >= 0) {
            if (running.get(e.runningOn) == e) {
                running.set(e.runningOn, null);
            }
            e.runningOn = -1;
        }
    }

    /** The hart a task should join, given the hart it came from (-1 for none). */
    private int place(int from) {
        int least = 0;
        for (int h = 1; h < queues.size(); h++) {
            if (load(h) < load(least)) {
                least = h;
            }
        }
        if (from < 0 || load(from) - load(least) >= IMBALANCE) {
            return least;
        }
        return from;
    }

    /** Queued plus running tasks of a hart. */
    private int load(int hart) {
        return queues.get(hart).size() + (running.get(hart) != null ? 1 : 0);
    }

    /** The hart with the most queued tasks (lowest number on ties), or -1 when all queues are empty. */
    private int busiestQueue() {
        int best = -1;
        for (int h = 0; h < queues.size(); h++) {
            int size = queues.get(h).size();
            if (size > 0 && (best < 0 || size > queues.get(best).size())) {
                best = h;
            }
        }
        return best;
    }

    /** The hart number if valid, else -1. */
    private int validHart(int hart) {
        return hart >= 0 && hart < queues.size() ? hart : -1;
    }

    /** Fails clearly when called before attach. */
    private void attached() {
        if (context == null) {
            throw new IllegalStateException("policy not attached");
        }
    }
}
