package osbox.testkit.sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;

/**
 * A deterministic discrete-event run of one policy over a job list on one
 * hart, calling the policy as the kernel mechanism does (through
 * {@link CheckedPolicy}, so every answer is checked). At each instant, in
 * this order: the running stretch ends (ran(...), then enqueue PREEMPTED or
 * YIELDED when still runnable; I/O starts on BLOCKED); the tick (tick(),
 * then shouldPreempt); arrivals and I/O completions in the order they were
 * scheduled (enqueue NEW or WOKEN, each followed by shouldPreempt); then an
 * idle hart picks. A stretch ends at the first of: the job finishes
 * (EXITED), it issues an I/O (BLOCKED), its slice ends (SLICE_EXPIRED).
 * runtime() includes every cycle run up to the call. 1 unit = 1 cycle.
 */
public final class LabRun {
    /** A pending arrival or I/O completion. */
    private record Pending(int job, EnqueueReason reason) {
    }

    private final SchedulingPolicy policy;
    private final List<LabJob> jobs;
    private final long ioTime;
    private final boolean hints;
    private final long maxStretches;
    private final FakeContext ctx = new FakeContext(1, 0);
    private final TreeMap<Long, ArrayDeque<Pending>> events = new TreeMap<>();
    private final List<String> trace = new ArrayList<>();
    private FakeTask[] tasks;
    private long[] firstRun;
    private long[] end;
    private long[] wait;
    private long[] readySince;
    private long[] burst;
    private CheckedPolicy checked;
    private int running = -1;
    private long stretchStart;
    private long runtimeAtStart;
    private long stopAt;
    private StopReason stopReason;
    private int finished;
    private long stretches;
    private int traceSlot;

    /** A run of policy over jobs; I/O takes ioTime; hints: declare lengths and bursts to the policy. */
    public LabRun(SchedulingPolicy policy, List<LabJob> jobs, long ioTime, boolean hints, long maxStretches) {
        this.policy = policy;
        this.jobs = List.copyOf(jobs);
        this.ioTime = ioTime;
        this.hints = hints;
        this.maxStretches = maxStretches;
    }

    /** Runs every job to completion and returns the statistics and trace. */
    public LabResult run() {
        int n = jobs.size();
        tasks = new FakeTask[n];
        firstRun = new long[n];
        end = new long[n];
        wait = new long[n];
        readySince = new long[n];
        burst = new long[n];
        for (int j = 0; j < n; j++) {
            LabJob job = jobs.get(j);
            tasks[j] = new FakeTask(job.id()).arrival(job.start()).tickets(100);
            firstRun[j] = -1;
            updateHints(j);
            schedule(job.start(), new Pending(j, EnqueueReason.NEW));
        }
        checked = new CheckedPolicy(policy, ctx);
        long period = policy.tickPeriod();
        long nextTick = period;
        while (finished < n) {
            long now = Math.min(running >= 0 ? stopAt : Long.MAX_VALUE,
                    Math.min(events.isEmpty() ? Long.MAX_VALUE : events.firstKey(), nextTick));
            if (now == Long.MAX_VALUE) {
                throw new PolicyViolation("nothing left to happen but " + (n - finished) + " jobs unfinished");
            }
            ctx.now(now);
            if (running >= 0 && stopAt == now) {
                endStretch(stopReason);
            }
            if (nextTick == now) {
                nextTick = now + period < now ? Long.MAX_VALUE : now + period;
                checked.tick();
                trace.add(line(now, "TICK"));
                preemptionCheck();
            }
            arrivals(now);
            if (running < 0 && finished < n) {
                startStretch(now);
            }
        }
        List<JobStats> stats = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            stats.add(new JobStats(jobs.get(j).id(), jobs.get(j).start(), firstRun[j], end[j], wait[j]));
        }
        return new LabResult(stats, trace);
    }

    /** Enqueues everything due now, each followed by a preemption check. */
    private void arrivals(long now) {
        ArrayDeque<Pending> due = events.remove(now);
        if (due == null) {
            return;
        }
        for (Pending p : due) {
            trace.add(line(now, p.reason() == EnqueueReason.NEW ? "JOB BEGINS by JOB " + jobs.get(p.job()).id()
                    : "IO_DONE by JOB " + jobs.get(p.job()).id()));
            readySince[p.job()] = now;
            checked.enqueue(tasks[p.job()], p.reason());
            preemptionCheck();
        }
    }

    /** Asks whether the running job should give the hart up, and preempts it if so. */
    private void preemptionCheck() {
        if (running >= 0) {
            account();
            if (checked.shouldPreempt(0)) {
                endStretch(StopReason.PREEMPTED);
            }
        }
    }

    /** The idle hart picks; the picked job's stretch is planned. */
    private void startStretch(long now) {
        var t = checked.pickStrict(0);
        if (t == null) {
            return;
        }
        if (++stretches > maxStretches) {
            throw new PolicyViolation("more than " + maxStretches + " stretches: the run does not end");
        }
        running = indexOf(t.id());
        int j = running;
        traceSlot = trace.size();
        trace.add("");
        wait[j] += now - readySince[j];
        if (firstRun[j] < 0) {
            firstRun[j] = now;
        }
        tasks[j].lastHart(0);
        stretchStart = now;
        runtimeAtStart = tasks[j].runtime();
        long slice = checked.slice(0);
        long left = jobs.get(j).run() - runtimeAtStart;
        long toIo = jobs.get(j).ioFreq() > 0 ? jobs.get(j).ioFreq() - runtimeAtStart % jobs.get(j).ioFreq()
                : Long.MAX_VALUE;
        long len = Math.min(left, Math.min(toIo, slice));
        stopReason = len == left ? StopReason.EXITED : len == toIo ? StopReason.BLOCKED : StopReason.SLICE_EXPIRED;
        stopAt = now + len;
    }

    /** Ends the running stretch for reason: accounts, tells the policy, starts I/O or records the end. */
    private void endStretch(StopReason reason) {
        int j = running;
        long now = ctx.now();
        account();
        long cycles = now - stretchStart;
        burst[j] += cycles;
        String what = WHAT.get(reason);
        if (reason == StopReason.BLOCKED) {
            tasks[j].lastBurst(burst[j]);
            burst[j] = 0;
            updateHints(j);
            schedule(now + ioTime, new Pending(j, EnqueueReason.WOKEN));
            what = "( IO_START, done at " + (now + ioTime) + " )";
        } else if (reason == StopReason.EXITED) {
            end[j] = now;
            finished++;
            what = "( DONE at " + now + " )";
        }
        trace.set(traceSlot, line(stretchStart, String.format(Locale.ROOT, "Run JOB %d for %d %s", jobs.get(j).id(), cycles, what)));
        running = -1;
        readySince[j] = now;
        checked.stop(0, cycles, reason);
    }

    /** Brings the running job's runtime and hints up to now. */
    private void account() {
        tasks[running].runtime(runtimeAtStart + (ctx.now() - stretchStart));
        updateHints(running);
    }

    /** Sets job j's declared length and next burst (or -1 without hints). */
    private void updateHints(int j) {
        LabJob job = jobs.get(j);
        long left = job.run() - tasks[j].runtime();
        long next = job.ioFreq() > 0 ? Math.min(left, job.ioFreq() - tasks[j].runtime() % job.ioFreq()) : left;
        tasks[j].lengthHint(hints ? job.run() : -1).burstHint(hints ? next : -1);
    }

    /** Adds a pending event at time (after those already there). */
    private void schedule(long time, Pending p) {
        events.computeIfAbsent(time, k -> new ArrayDeque<>()).addLast(p);
    }

    /** Index of the job with id. */
    private int indexOf(int id) {
        for (int j = 0; j < jobs.size(); j++) {
            if (jobs.get(j).id() == id) {
                return j;
            }
        }
        throw new PolicyViolation("picked unknown task " + id);
    }

    /** "[ time t ] text". */
    private static String line(long time, String text) {
        return String.format(Locale.ROOT, "[ time %3d ] %s", time, text);
    }

    private static final java.util.Map<StopReason, String> WHAT = java.util.Map.of(
            StopReason.SLICE_EXPIRED, "( slice expired )",
            StopReason.PREEMPTED, "( preempted )",
            StopReason.YIELDED, "( yielded )",
            StopReason.BLOCKED, "( blocked )",
            StopReason.EXITED, "( exited )");
}
