package osbox.testkit.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.sched.StopReason;
import osbox.testkit.policy.PolicyProviderContract;

/**
 * The contract every scheduling policy must pass. Subclass it in your
 * bundle's tests and implement {@link #provider()}; override
 * {@link #options()} to test a configuration, {@link #fair()} when the policy
 * may starve a task by design (FIFO, SJF, STCF), and
 * {@link #freeFormOptions()} for options that accept any text.
 */
public abstract class SchedulingPolicyContract extends PolicyProviderContract<SchedulingPolicy> {
    /** The provider under test. */
    @Override
    protected abstract SchedulingPolicyProvider provider();

    /** Whether every runnable task must get the CPU while others never finish (default true). */
    protected boolean fair() {
        return true;
    }

    /** A checked, freshly attached policy on harts harts with seed. */
    protected CheckedPolicy attached(int harts, long seed) {
        return new CheckedPolicy(newPolicy(), new FakeContext(harts, seed));
    }

    // ---- the provider (and the checks of PolicyProviderContract) ----

    /** Each create(...) gives a new instance that shares no state with the others. */
    @Test
    public void instancesShareNoState() {
        CheckedPolicy a = attached(1, 1);
        CheckedPolicy b = attached(1, 1);
        assertNotSame(a.policy(), b.policy());
        a.enqueue(new FakeTask(1), EnqueueReason.NEW);
        assertNull(b.pick(0), "a task enqueued in one instance was picked by another");
        assertEquals(1, a.pickStrict(0).id());
    }

    // ---- picking ----

    /** With nothing enqueued, every hart gets null. */
    @Test
    public void picksNothingWhenNothingIsEnqueued() {
        for (int harts : new int[] {1, 4}) {
            CheckedPolicy p = attached(harts, 3);
            for (int h = 0; h < harts; h++) {
                assertNull(p.pick(h), "pick(" + h + ") on an empty policy");
            }
        }
    }

    /** On one hart, every enqueued task is picked exactly once, then null. */
    @Test
    public void picksEachEnqueuedTaskOnce() {
        CheckedPolicy p = attached(1, 5);
        for (int id = 1; id <= 5; id++) {
            p.enqueue(new FakeTask(id).lengthHint(100L * id), EnqueueReason.NEW);
        }
        Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 5; i++) {
            SchedTask t = p.pickStrict(0);
            assertTrue(seen.add(t.id()), "picked twice: " + t);
            p.stop(0, 10, StopReason.EXITED);
        }
        assertEquals(Set.of(1, 2, 3, 4, 5), seen);
        assertNull(p.pick(0));
    }

    /** A task taken out with dequeue is never picked. */
    @Test
    public void neverPicksADequeuedTask() {
        CheckedPolicy p = attached(1, 7);
        FakeTask a = new FakeTask(1);
        FakeTask b = new FakeTask(2);
        FakeTask c = new FakeTask(3);
        p.enqueue(a, EnqueueReason.NEW);
        p.enqueue(b, EnqueueReason.NEW);
        p.enqueue(c, EnqueueReason.NEW);
        p.dequeue(b);
        List<Integer> got = drain(p);
        assertEquals(2, got.size());
        assertFalse(got.contains(2), "dequeued task was picked");
    }

    /** A blocked task is not picked until it is woken, and then it is. */
    @Test
    public void blockedTaskWaitsForItsWakeup() {
        CheckedPolicy p = attached(1, 9);
        FakeTask a = new FakeTask(1);
        p.enqueue(a, EnqueueReason.NEW);
        assertEquals(1, p.pickStrict(0).id());
        a.addRuntime(50).lastBurst(50);
        p.stop(0, 50, StopReason.BLOCKED);
        assertNull(p.pick(0), "a blocked task was picked");
        p.enqueue(a, EnqueueReason.WOKEN);
        assertEquals(1, p.pickStrict(0).id());
    }

    /** After a task exits the policy forgets it; other tasks still run. */
    @Test
    public void exitedTaskIsForgotten() {
        CheckedPolicy p = attached(1, 11);
        FakeTask a = new FakeTask(1);
        p.enqueue(a, EnqueueReason.NEW);
        p.pickStrict(0);
        a.addRuntime(20);
        p.stop(0, 20, StopReason.EXITED);
        assertNull(p.pick(0));
        p.enqueue(new FakeTask(2), EnqueueReason.NEW);
        assertEquals(2, p.pickStrict(0).id());
    }

    /** Every stop reason is accepted and a task stopped but runnable comes back. */
    @Test
    public void everyStopReasonIsHandled() {
        for (StopReason r : StopReason.values()) {
            CheckedPolicy p = attached(1, 13);
            FakeTask a = new FakeTask(1);
            FakeTask b = new FakeTask(2);
            p.enqueue(a, EnqueueReason.NEW);
            p.enqueue(b, EnqueueReason.NEW);
            FakeTask first = (FakeTask) p.pickStrict(0);
            first.addRuntime(30);
            p.stop(0, 30, r);
            List<Integer> rest = drain(p);
            boolean requeued = r == StopReason.SLICE_EXPIRED || r == StopReason.PREEMPTED || r == StopReason.YIELDED;
            assertEquals(requeued ? 2 : 1, rest.size(), "after " + r + ": " + rest);
        }
    }

    /** tickPeriod() is positive; tick() and shouldPreempt(...) are safe at any time. */
    @Test
    public void ticksAndPreemptionChecksAreSafe() {
        CheckedPolicy p = attached(2, 17);
        assertTrue(p.policy().tickPeriod() > 0, "tickPeriod() must be positive");
        p.tick();
        for (int id = 1; id <= 4; id++) {
            p.enqueue(new FakeTask(id), EnqueueReason.NEW);
        }
        p.pick(0);
        p.tick();
        p.shouldPreempt(0);
        p.enqueue(new FakeTask(9), EnqueueReason.NEW);
        p.shouldPreempt(0);
        assertEquals(5, drainAll(p).size(), "every task runs once and exits");
    }

    // ---- several harts ----

    /** Several harts never get the same task, and all enqueued work is handed out. */
    @Test
    public void severalHartsNeverShareATask() {
        CheckedPolicy p = attached(4, 19);
        for (int id = 1; id <= 10; id++) {
            p.enqueue(new FakeTask(id), EnqueueReason.NEW);
        }
        Set<Integer> seen = new TreeSet<>();
        for (int round = 0; round < 20 && seen.size() < 10; round++) {
            boolean any = false;
            for (int h = 0; h < 4; h++) {
                SchedTask t = p.pick(h);
                if (t != null) {
                    any = true;
                    assertTrue(seen.add(t.id()), "picked twice: " + t);
                }
            }
            assertTrue(any || !p.hasEnqueued(), "every hart idle while tasks are enqueued");
            for (int h = 0; h < 4; h++) {
                if (p.running(h) != null) {
                    p.stop(h, 5, StopReason.EXITED);
                }
            }
        }
        assertEquals(10, seen.size(), "not every task was picked: " + seen);
    }

    /** A long random stream of kernel events on 1, 2 and 4 harts never makes the policy break a rule. */
    @Test
    public void randomEventsNeverBreakTheRules() {
        for (int harts : new int[] {1, 2, 4}) {
            for (long seed = 1; seed <= 3; seed++) {
                FakeContext ctx = new FakeContext(harts, seed);
                CheckedPolicy p = new CheckedPolicy(newPolicy(), ctx);
                new RandomWorkload(p, ctx, seed * 31 + harts, 1, 0).run(3000);
            }
        }
    }

    /** The same seed and the same events give the same decisions. */
    @Test
    public void decisionsAreDeterministic() {
        assertEquals(randomRun(2, 77), randomRun(2, 77));
    }

    // ---- hot swap ----

    /** A policy seeded at attach decides as one that was enqueued each task with NEW. */
    @Test
    public void seededAtAttachBehavesAsIfItHadSeenEveryEvent() {
        for (int harts : new int[] {1, 2}) {
            List<FakeTask> seenTasks = seedTasks();
            FakeContext ca = new FakeContext(harts, 5);
            CheckedPolicy a = new CheckedPolicy(newPolicy(), ca);
            for (FakeTask t : seenTasks) {
                a.enqueue(t, EnqueueReason.NEW);
            }
            new RandomWorkload(a, ca, 99, 100, seenTasks.size()).run(1500);

            FakeContext cb = new FakeContext(harts, 5);
            CheckedPolicy b = new CheckedPolicy(newPolicy(), cb, seedTasks(), new SchedTask[harts]);
            new RandomWorkload(b, cb, 99, 100, seenTasks.size()).run(1500);
            assertEquals(a.picks(), b.picks(), "seeded policy decided differently on " + harts + " hart(s)");
        }
    }

    /** Tasks running at attach time are accounted and come back when preempted. */
    @Test
    public void tasksRunningAtAttachAreKnown() {
        FakeTask running = new FakeTask(1).runtime(500);
        FakeTask waiting = new FakeTask(2);
        SchedTask[] onHarts = {running, null};
        CheckedPolicy p = new CheckedPolicy(newPolicy(), new FakeContext(2, 3), List.of(waiting), onHarts);
        p.shouldPreempt(0);
        running.addRuntime(100);
        p.stop(0, 100, StopReason.SLICE_EXPIRED);
        assertEquals(List.of(1, 2), sorted(drainAll(p)));
        p.policy().detach();
    }

    // ---- fairness ----

    /** With tasks that never finish, every one of them gets the CPU (fair policies only). */
    @Test
    public void everyRunnableTaskIsEventuallyPicked() {
        Assumptions.assumeTrue(fair(), "the policy is not fair by design");
        FakeContext ctx = new FakeContext(1, 23);
        CheckedPolicy p = new CheckedPolicy(newPolicy(), ctx);
        int n = 5;
        for (int id = 1; id <= n; id++) {
            p.enqueue(new FakeTask(id).nice(id - 3).priority(id).tickets(20 * id), EnqueueReason.NEW);
        }
        long period = p.policy().tickPeriod();
        long nextTick = period;
        Set<Integer> seen = new TreeSet<>();
        for (int stretch = 0; stretch < 20_000 && seen.size() < n; stretch++) {
            FakeTask t = (FakeTask) p.pickStrict(0);
            seen.add(t.id());
            long start = ctx.now();
            long end = saturatedAdd(start, p.slice(0));
            StopReason why = StopReason.SLICE_EXPIRED;
            while (nextTick < end) {
                ctx.now(nextTick);
                nextTick = saturatedAdd(nextTick, period);
                p.tick();
                if (p.shouldPreempt(0)) {
                    why = StopReason.PREEMPTED;
                    end = ctx.now();
                }
            }
            if (end == Long.MAX_VALUE) {
                fail(t + " was given an endless slice with no tick to stop it: not fair");
            }
            ctx.now(end);
            long cycles = Math.max(1, end - start);
            t.addRuntime(cycles);
            p.stop(0, cycles, why);
        }
        assertEquals(n, seen.size(), "some tasks never ran: ran " + seen);
    }

    /** In the lab, every finite job (with and without I/O, hints or not) finishes, after its arrival plus its length. */
    @Test
    public void everyFiniteJobFinishesInTheLab() {
        for (long seed = 1; seed <= 3; seed++) {
            java.util.Random r = new java.util.Random(seed);
            List<LabJob> jobs = new ArrayList<>();
            for (int id = 0; id < 8; id++) {
                jobs.add(new LabJob(id, r.nextInt(5000), 1 + r.nextInt(20_000),
                        r.nextBoolean() ? 0 : 1 + r.nextInt(5000)));
            }
            LabResult res = new LabRun(newPolicy(), jobs, 300, seed % 2 == 0,
                    1_000_000).run();
            for (JobStats j : res.jobs()) {
                LabJobCheck.finished(jobs.get(j.id()), j);
            }
        }
    }

    /** Checks one job's statistics are consistent. */
    private static final class LabJobCheck {
        static void finished(LabJob job, JobStats s) {
            assertTrue(s.firstRun() >= job.start(), "job " + job.id() + " ran before it arrived");
            assertTrue(s.end() >= job.start() + job.run(), "job " + job.id() + " ended too early");
            assertTrue(s.waitTime() >= 0 && s.waitTime() <= s.turnaround() - job.run(), "job " + job.id() + " wait");
        }
    }

    // ---- helpers ----

    /** Picks and exits tasks on hart 0 until nothing is left; returns the ids in pick order. */
    protected static List<Integer> drain(CheckedPolicy p) {
        List<Integer> got = new ArrayList<>();
        for (SchedTask t = p.pickStrict(0); t != null; t = p.pickStrict(0)) {
            got.add(t.id());
            p.stop(0, 1, StopReason.EXITED);
        }
        return got;
    }

    /** Exits whatever runs, then picks and exits on every hart until nothing is left; returns ids. */
    protected static List<Integer> drainAll(CheckedPolicy p) {
        List<Integer> got = new ArrayList<>();
        int harts = p.context().harts();
        for (int round = 0; round < 10_000; round++) {
            boolean any = false;
            for (int h = 0; h < harts; h++) {
                if (p.running(h) != null) {
                    got.add(p.stop(h, 1, StopReason.EXITED).id());
                    any = true;
                }
                SchedTask t = p.pick(h);
                if (t != null) {
                    any = true;
                }
            }
            if (!any && !p.hasEnqueued()) {
                return got;
            }
            if (!any) {
                fail("every hart idle while " + p.enqueued() + " are enqueued");
            }
        }
        fail("tasks never drained");
        return got;
    }

    /** The ids sorted. */
    private static List<Integer> sorted(List<Integer> ids) {
        List<Integer> s = new ArrayList<>(ids);
        s.sort(Integer::compare);
        return s;
    }

    /** Picks of a random run on harts with seed. */
    private List<Integer> randomRun(int harts, long seed) {
        FakeContext ctx = new FakeContext(harts, seed);
        CheckedPolicy p = new CheckedPolicy(newPolicy(), ctx);
        new RandomWorkload(p, ctx, seed, 1, 0).run(2000);
        return p.picks();
    }

    /** Six tasks with mixed hints and weights, for seeding. */
    private static List<FakeTask> seedTasks() {
        List<FakeTask> ts = new ArrayList<>();
        for (int id = 1; id <= 6; id++) {
            ts.add(new FakeTask(id).nice(id % 3 - 1).priority(id % 4).tickets(10 * id)
                    .lengthHint(id % 2 == 0 ? 1000L * id : -1).burstHint(id % 3 == 0 ? 200L * id : -1));
        }
        return ts;
    }

    /** a + b, or Long.MAX_VALUE on overflow. */
    private static long saturatedAdd(long a, long b) {
        long s = a + b;
        return (b > 0 && s < a) ? Long.MAX_VALUE : s;
    }
}
