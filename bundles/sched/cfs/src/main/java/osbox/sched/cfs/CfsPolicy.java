package osbox.sched.cfs;

import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedTask;
import osbox.api.sched.StopReason;
import osbox.policy.support.HartPolicy;
import osbox.policy.support.NiceWeights;

/**
 * Linux's Completely Fair Scheduler, per hart: each task's virtual runtime
 * grows by {@code cycles * 1024 / weight} (weight from nice), the task with
 * the smallest vruntime runs next, for {@code max(min-granularity, latency *
 * weight / total weight)} cycles. New tasks start at the queue's min_vruntime;
 * woken tasks at {@code max(own, min_vruntime - latency/2)}; a yielding task
 * goes behind the rightmost. A queued task preempts the running one when its
 * vruntime is smaller by more than wakeup-granularity (in the candidate's
 * virtual time, as Linux's wakeup_gran). Enqueue and pick cost O(log n + harts).
 */
final class CfsPolicy extends HartPolicy<CfsPolicy.Task, CfsQueue> {
    /** CFS's view of a task. */
    static final class Task extends HartPolicy.Entry {
        int weight = NiceWeights.NICE_0;
        long vruntime;
        /** Remainder of cycles * 1024 / weight not yet added to vruntime. */
        long remainder;
        /** When it was last picked. */
        long pickedAt;

        Task(SchedTask task) {
            super(task);
        }
    }

    /** The policy's configuration (cycles). */
    record Config(long latency, long minGranularity, long wakeupGranularity) {
    }

    private final Config config;

    CfsPolicy(Config config) {
        this.config = config;
    }

    /** A fresh CFS entry. */
    @Override
    protected Task newEntry(SchedTask task) {
        return new Task(task);
    }

    /** A fresh CFS run queue. */
    @Override
    protected CfsQueue newQueue(int hart) {
        return new CfsQueue();
    }

    /** A task running at attach starts at its hart's min_vruntime. */
    @Override
    protected void onAttachRunning(Task e, int hart) {
        e.weight = NiceWeights.of(e.task().nice());
        e.vruntime = queue(hart).minVruntime();
        e.pickedAt = now();
    }

    /** Places vruntime: new at min_vruntime, woken no earlier than min_vruntime - latency/2, yielded behind the rightmost. */
    @Override
    protected void onEnqueue(Task e, EnqueueReason reason, int hart) {
        CfsQueue q = queue(hart);
        e.weight = NiceWeights.of(e.task().nice());
        if (e.fresh() || reason == EnqueueReason.NEW) {
            e.vruntime = q.minVruntime();
            e.remainder = 0;
        } else if (reason == EnqueueReason.WOKEN) {
            e.vruntime = Math.max(e.vruntime, q.minVruntime() - config.latency() / 2);
        } else if (reason == EnqueueReason.YIELDED) {
            Task last = q.last();
            if (last != null) {
                e.vruntime = Math.max(e.vruntime, last.vruntime);
            }
        }
    }

    /** Keeps a migrating task's lag: vruntime relative to the old queue's min becomes relative to the new one's. */
    @Override
    protected void onMigrate(Task e, int from, int to) {
        e.vruntime = e.vruntime - queue(from).minVruntime() + queue(to).minVruntime();
    }

    /** Notes when the task started and advances min_vruntime. */
    @Override
    protected void onPick(Task e, int hart) {
        e.pickedAt = now();
        updateMin(hart);
    }

    /** Adds cycles * 1024 / weight to vruntime (exactly, carrying the remainder) and advances min_vruntime. */
    @Override
    protected void onRan(Task e, long cycles, StopReason reason) {
        long scaled = saturatingMul(cycles, NiceWeights.NICE_0);
        long total = scaled / e.weight;
        e.remainder += scaled % e.weight;
        total += e.remainder / e.weight;
        e.remainder %= e.weight;
        e.vruntime = saturatingAdd(e.vruntime, total);
        if (e.runningOn() >= 0) {
            updateMin(e.runningOn());
        }
    }

    /** max(min-granularity, latency * weight / (queued weight + its weight)). */
    @Override
    public long slice(SchedTask task, int hart) {
        Task e = entry(task);
        int h = hart >= 0 && hart < harts() ? hart : 0;
        long total = queue(h).totalWeight() + e.weight;
        return Math.max(config.minGranularity(), config.latency() * e.weight / total);
    }

    /** True when this hart's leftmost task trails the running one by more than wakeup-granularity. */
    @Override
    public boolean shouldPreempt(SchedTask runningTask, int hart) {
        if (hart < 0 || hart >= harts()) {
            return false;
        }
        Task candidate = queue(hart).first();
        Task current = known(runningTask);
        if (candidate == null || current == null) {
            return false;
        }
        long vruntime = current.vruntime;
        if (current.runningOn() == hart) {
            long sofar = Math.max(0, now() - current.pickedAt);
            vruntime = saturatingAdd(vruntime, saturatingMul(sofar, NiceWeights.NICE_0) / current.weight);
        }
        long granularity = config.wakeupGranularity() * NiceWeights.NICE_0 / candidate.weight;
        return vruntime - candidate.vruntime > granularity;
    }

    /** min_vruntime = max(min_vruntime, min(running vruntime, leftmost vruntime)). */
    private void updateMin(int hart) {
        CfsQueue q = queue(hart);
        Task current = running(hart);
        Task first = q.first();
        if (current == null && first == null) {
            return;
        }
        long v = current != null ? current.vruntime : Long.MAX_VALUE;
        if (first != null) {
            v = Math.min(v, first.vruntime);
        }
        q.advanceMin(v);
    }

    /** The task's current vruntime (for tests and reports), or -1 if unknown. */
    long vruntimeOf(SchedTask task) {
        Task e = known(task);
        return e == null ? -1 : e.vruntime;
    }

    /** A hart's min_vruntime (for tests and reports). */
    long minVruntime(int hart) {
        return queue(hart).minVruntime();
    }

    /** a * b, clamped to Long.MAX_VALUE (both non-negative). */
    private static long saturatingMul(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    /** a + b, clamped to Long.MAX_VALUE. */
    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
