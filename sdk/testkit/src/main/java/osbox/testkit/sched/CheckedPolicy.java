package osbox.testkit.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;

/**
 * Calls a policy the way the kernel mechanism does, and checks its answers:
 * it keeps the truth (which tasks are enqueued, which runs on which hart)
 * and throws {@link PolicyViolation} when the policy picks a task that is not
 * enqueued, picks one twice, gives a slice that is not positive, or (when
 * strict) leaves every hart idle while tasks wait. Misuse by the caller (the
 * test) throws IllegalStateException.
 */
public final class CheckedPolicy {
    private final SchedulingPolicy policy;
    private final PolicyContext context;
    private final TreeMap<Integer, SchedTask> enqueued = new TreeMap<>();
    private final SchedTask[] running;
    private final long[] slices;
    private final List<Integer> picks = new ArrayList<>();

    /** Wraps policy and attaches it with nothing runnable and every hart idle. */
    public CheckedPolicy(SchedulingPolicy policy, PolicyContext context) {
        this(policy, context, List.of(), new SchedTask[context.harts()]);
    }

    /** Wraps policy and attaches it with these runnable tasks (in order) and running tasks per hart. */
    public CheckedPolicy(SchedulingPolicy policy, PolicyContext context, List<? extends SchedTask> runnable,
            SchedTask[] runningNow) {
        if (runningNow.length != context.harts()) {
            throw new IllegalStateException("running[] must have one entry per hart");
        }
        this.policy = policy;
        this.context = context;
        this.running = runningNow.clone();
        this.slices = new long[context.harts()];
        for (SchedTask t : runnable) {
            requireAbsent(t);
            enqueued.put(t.id(), t);
        }
        for (int h = 0; h < running.length; h++) {
            slices[h] = Long.MAX_VALUE;
        }
        policy.attach(context, List.copyOf(runnable), running.clone());
    }

    /** The wrapped policy. */
    public SchedulingPolicy policy() {
        return policy;
    }

    /** The context the policy was attached with. */
    public PolicyContext context() {
        return context;
    }

    /** Tells the policy task became runnable. */
    public void enqueue(SchedTask task, EnqueueReason reason) {
        requireAbsent(task);
        enqueued.put(task.id(), task);
        policy.enqueue(task, reason);
    }

    /** Tells the policy an enqueued task leaves without running. */
    public void dequeue(SchedTask task) {
        if (enqueued.remove(task.id()) == null) {
            throw new IllegalStateException(task + " is not enqueued");
        }
        policy.dequeue(task);
    }

    /**
     * Asks the policy for hart's next task and checks it; on a task, also
     * asks for its slice (checked positive). Returns the task or null.
     */
    public SchedTask pick(int hart) {
        if (running[hart] != null) {
            throw new IllegalStateException("hart " + hart + " is running " + running[hart]);
        }
        SchedTask t = policy.pick(hart);
        if (t == null) {
            return null;
        }
        SchedTask known = enqueued.remove(t.id());
        if (known == null) {
            throw new PolicyViolation("pick(" + hart + ") returned " + t + ", which is not enqueued"
                    + runningWhere(t));
        }
        running[hart] = known;
        picks.add(known.id());
        long slice = policy.slice(known, hart);
        if (slice <= 0) {
            throw new PolicyViolation("slice(" + known + ", " + hart + ") = " + slice + ", must be positive");
        }
        slices[hart] = slice;
        return known;
    }

    /** Like pick, but a null answer while tasks are enqueued is a violation (one-hart mechanisms). */
    public SchedTask pickStrict(int hart) {
        SchedTask t = pick(hart);
        if (t == null && !enqueued.isEmpty()) {
            throw new PolicyViolation("pick(" + hart + ") returned null while " + enqueued.keySet()
                    + " are enqueued");
        }
        return t;
    }

    /** The slice the policy gave hart's running task. */
    public long slice(int hart) {
        return slices[hart];
    }

    /** Asks whether hart's running task should give the hart up. */
    public boolean shouldPreempt(int hart) {
        SchedTask t = running[hart];
        if (t == null) {
            throw new IllegalStateException("hart " + hart + " is idle");
        }
        return policy.shouldPreempt(t, hart);
    }

    /**
     * Ends hart's stretch: calls ran(task, cycles, reason), then enqueues the
     * task again (PREEMPTED after SLICE_EXPIRED or PREEMPTED, YIELDED after
     * YIELDED). Does not touch the task's runtime: the caller accounts first.
     * Returns the task.
     */
    public SchedTask stop(int hart, long cycles, StopReason reason) {
        SchedTask t = running[hart];
        if (t == null) {
            throw new IllegalStateException("hart " + hart + " is idle");
        }
        running[hart] = null;
        slices[hart] = 0;
        policy.ran(t, cycles, reason);
        EnqueueReason again = REQUEUE.get(reason);
        if (again != null) {
            enqueue(t, again);
        }
        return t;
    }

    /** Runs the policy's periodic work. */
    public void tick() {
        policy.tick();
    }

    /** The task running on hart, or null. */
    public SchedTask running(int hart) {
        return running[hart];
    }

    /** Whether any task is enqueued. */
    public boolean hasEnqueued() {
        return !enqueued.isEmpty();
    }

    /** The enqueued tasks, by id. */
    public List<SchedTask> enqueued() {
        return List.copyOf(enqueued.values());
    }

    /** Whether this task is enqueued. */
    public boolean isEnqueued(SchedTask task) {
        return enqueued.containsKey(task.id());
    }

    /** Ids of every task picked so far, in order. */
    public List<Integer> picks() {
        return List.copyOf(picks);
    }

    /** Which reason a stop re-enqueues with (absent: not re-enqueued). */
    private static final Map<StopReason, EnqueueReason> REQUEUE = Map.of(
            StopReason.SLICE_EXPIRED, EnqueueReason.PREEMPTED,
            StopReason.PREEMPTED, EnqueueReason.PREEMPTED,
            StopReason.YIELDED, EnqueueReason.YIELDED);

    /** Throws when task is already enqueued or running (a caller's mistake). */
    private void requireAbsent(SchedTask task) {
        if (enqueued.containsKey(task.id())) {
            throw new IllegalStateException(task + " is already enqueued");
        }
        for (int h = 0; h < running.length; h++) {
            if (running[h] != null && running[h].id() == task.id()) {
                throw new IllegalStateException(task + " is running on hart " + h);
            }
        }
    }

    /** " (it is running on hart h)" when t runs somewhere, else "". */
    private String runningWhere(SchedTask t) {
        for (int h = 0; h < running.length; h++) {
            if (running[h] != null && running[h].id() == t.id()) {
                return " (it is running on hart " + h + ")";
            }
        }
        return "";
    }
}
