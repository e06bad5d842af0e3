package osbox.testkit.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedTask;
import osbox.api.sched.StopReason;

/**
 * Drives a {@link CheckedPolicy} with a seeded random stream of what a kernel
 * does: tasks arrive, harts pick, tasks run, block, wake, yield, exit or are
 * killed, ticks come, and new arrivals may preempt. The same seed and the
 * same policy answers give the same calls, so two runs can be compared pick
 * by pick. Every answer is checked by the CheckedPolicy.
 */
public final class RandomWorkload {
    private static final StopReason[] STOPS = {StopReason.SLICE_EXPIRED, StopReason.SLICE_EXPIRED,
        StopReason.YIELDED, StopReason.BLOCKED, StopReason.BLOCKED, StopReason.EXITED};
    private static final int MAX_TASKS = 40;

    private final CheckedPolicy checked;
    private final FakeContext context;
    private final Random random;
    private final List<FakeTask> blocked = new ArrayList<>();
    private final long[] started;
    private final TreeMap<Integer, Long> burst = new TreeMap<>();
    private int nextId;
    private int live;

    /**
     * A workload on checked (whose context must be context), drawing from
     * seed; new tasks get ids from firstNewId; {@code liveTasks} counts the
     * tasks already enqueued or running.
     */
    public RandomWorkload(CheckedPolicy checked, FakeContext context, long seed, int firstNewId, int liveTasks) {
        this.checked = checked;
        this.context = context;
        this.random = new Random(seed);
        this.started = new long[context.harts()];
        this.nextId = firstNewId;
        this.live = liveTasks;
        for (int h = 0; h < started.length; h++) {
            started[h] = context.now();
        }
    }

    /** Runs steps random steps. */
    public void run(int steps) {
        for (int i = 0; i < steps; i++) {
            step();
        }
    }

    /** One random step: time passes, then one kernel event happens. */
    public void step() {
        context.advance(1 + random.nextInt(1000));
        int op = random.nextInt(10);
        if (op < 2) {
            arrive();
        } else if (op < 5) {
            pickAll();
        } else if (op < 8) {
            stopOne();
        } else if (op < 9) {
            wakeOne();
        } else {
            tickOrKill();
        }
    }

    /** A new task arrives (NEW) and running tasks may be preempted. */
    public void arrive() {
        if (live >= MAX_TASKS) {
            return;
        }
        FakeTask t = new FakeTask(nextId++).arrival(context.now())
                .nice(random.nextInt(40) - 20).priority(random.nextInt(10)).tickets(1 + random.nextInt(200))
                .lengthHint(random.nextBoolean() ? 1 + random.nextInt(50_000) : -1)
                .burstHint(random.nextBoolean() ? 1 + random.nextInt(5_000) : -1);
        live++;
        checked.enqueue(t, EnqueueReason.NEW);
        preemptionCheck();
    }

    /** Every idle hart picks; all idle with work waiting is a violation. */
    public void pickAll() {
        boolean anyRunning = false;
        for (int h = 0; h < started.length; h++) {
            if (checked.running(h) == null && checked.pick(h) != null) {
                started[h] = context.now();
                ((FakeTask) checked.running(h)).lastHart(h);
            }
            anyRunning |= checked.running(h) != null;
        }
        if (!anyRunning && checked.hasEnqueued()) {
            throw new PolicyViolation("every hart idle while " + checked.enqueued() + " are enqueued");
        }
    }

    /** A random running hart's task stops for a random reason. */
    public void stopOne() {
        int h = random.nextInt(started.length);
        if (checked.running(h) != null) {
            stop(h, STOPS[random.nextInt(STOPS.length)]);
        }
    }

    /** The oldest-blocked or a random blocked task wakes. */
    public void wakeOne() {
        if (!blocked.isEmpty()) {
            FakeTask t = blocked.remove(random.nextInt(blocked.size()));
            checked.enqueue(t, EnqueueReason.WOKEN);
            preemptionCheck();
        }
    }

    /** Mostly a tick with its preemption check; sometimes an enqueued task is killed. */
    public void tickOrKill() {
        if (random.nextInt(4) == 0 && checked.hasEnqueued()) {
            List<SchedTask> q = checked.enqueued();
            SchedTask victim = q.get(random.nextInt(q.size()));
            checked.dequeue(victim);
            live--;
            return;
        }
        checked.tick();
        preemptionCheck();
    }

    /** Asks about every running hart and preempts where the policy says so. */
    private void preemptionCheck() {
        for (int h = 0; h < started.length; h++) {
            if (checked.running(h) != null && checked.shouldPreempt(h)) {
                stop(h, StopReason.PREEMPTED);
            }
        }
    }

    /** Accounts hart's stretch on its task and stops it for reason. */
    private void stop(int h, StopReason reason) {
        FakeTask t = (FakeTask) checked.running(h);
        long cycles = Math.max(1, Math.min(context.now() - started[h], checked.slice(h)));
        t.addRuntime(cycles);
        long b = burst.getOrDefault(t.id(), 0L) + cycles;
        burst.put(t.id(), b);
        if (reason == StopReason.BLOCKED) {
            t.lastBurst(b);
            burst.put(t.id(), 0L);
        }
        checked.stop(h, cycles, reason);
        if (reason == StopReason.BLOCKED) {
            blocked.add(t);
        } else if (reason == StopReason.EXITED) {
            burst.remove(t.id());
            live--;
        }
    }
}
