package osbox.kernel.core.sched;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import osbox.api.hw.Hart;
import osbox.api.hw.Machine;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.Timer;
import osbox.api.kernel.ProcessState;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.sched.StopReason;
import osbox.api.trace.TraceKind;
import osbox.api.kernel.WaitQueue;
import osbox.kernel.support.PolicySlot;

/**
 * The scheduling mechanism: the run set (the truth about who is runnable),
 * dispatch onto harts, context switch, timer-driven slices and ticks,
 * accounting, sleeping and waking, and the watchdog. Every decision is asked
 * of the active {@link SchedulingPolicy}; every call to it is guarded: a
 * policy that throws, picks a task that is not runnable, or leaves a
 * runnable task waiting longer than the watchdog timeout is ejected and the
 * built-in round robin takes over, seeded with every runnable task.
 *
 * <p>A context switch hands the hart another {@code HartContext} and
 * another satp: nothing is copied. The dispatcher runs tasks of type
 * {@code T} (the kernel's processes) and writes only their
 * {@link SchedEntity} and state.
 */
public final class Dispatcher<T extends Task> {
    private final Machine machine;
    private final Timer timer;
    private final long watchdog;
    private final long quantum;
    private final PolicySlot<SchedulingPolicy, SchedulingPolicyProvider> slot;
    /** READY processes not running, oldest-ready first (a LinkedHashSet: insertion order, no hashing order). */
    private final LinkedHashSet<T> runnable = new LinkedHashSet<>();
    /** The task running on each hart, or null. */
    private final List<T> current;
    private final int[] lastPid;
    /** The task that last stopped on each hart, until the next dispatch decides whether it was switched out. */
    private final List<T> stopped;
    private final boolean[] stoppedVoluntarily;
    private final long[] sliceEnd;
    private final long[] nextTick;
    /** When the running task's CPU limit falls on each hart (hart cycle), or Long.MAX_VALUE. */
    private final long[] cpuDeadline;
    private CpuLimit<T> cpuLimit = CpuLimit.none();
    /** Called with each task put on a hart (the return to user mode: signal delivery). */
    private java.util.function.Consumer<T> resumeHook = t -> { };
    private java.util.function.Consumer<T> waitEndHook = t -> { };
    private final Context context;
    private long clock;
    private boolean kickPending;
    private long contextSwitches;

    /**
     * @param quantum  the built-in round robin's quantum in cycles
     * @param watchdog longest a runnable task may wait before the policy is ejected, in cycles
     * @param seed     seed of the policies' random numbers
     */
    public Dispatcher(Machine machine, Timer timer, long quantum, long watchdog, long seed) {
        if (quantum < 1 || watchdog < 1) {
            throw new IllegalArgumentException("quantum and watchdog must be at least one cycle: " + quantum + ", "
                    + watchdog);
        }
        this.machine = machine;
        this.timer = timer;
        this.watchdog = watchdog;
        this.quantum = quantum;
        int n = machine.hartCount();
        this.current = new ArrayList<>(java.util.Collections.nCopies(n, null));
        this.lastPid = new int[n];
        this.stopped = new ArrayList<>(java.util.Collections.nCopies(n, null));
        this.stoppedVoluntarily = new boolean[n];
        this.sliceEnd = new long[n];
        this.nextTick = new long[n];
        this.cpuDeadline = new long[n];
        java.util.Arrays.fill(cpuDeadline, Long.MAX_VALUE);
        this.context = new Context(seed);
        this.slot = new PolicySlot<>("scheduling", new BuiltinRoundRobin(quantum), this::handOver);
    }

    /** Enforces {@code limits} on the tasks it runs from now on (see {@link CpuLimit}). */
    public void setCpuLimit(CpuLimit<T> limits) {
        cpuLimit = limits;
    }

    /**
     * Calls {@code hook} with each task this dispatcher puts on a hart, as
     * the last step of the dispatch: the task returns to user mode there
     * (the kernel delivers signals). The hook may retire or stop the task.
     */
    public void setResumeHook(java.util.function.Consumer<T> hook) {
        resumeHook = hook;
    }

    /**
     * Calls {@code hook} with each task whose sleep was an edge of the
     * wait-for graph when that sleep ends (woken, signal, timeout, stop,
     * exit), so the graph drops the edge; sleeps outside the graph cost one
     * field test.
     */
    public void setWaitEndHook(java.util.function.Consumer<T> hook) {
        waitEndHook = hook;
    }

    /**
     * A task's CPU limit changed (setrlimit, prlimit64): if it is running,
     * its hart's timer follows the new limit.
     */
    public void cpuLimitChanged(T p) {
        int h = p.sched().hart;
        if (h >= 0 && current.get(h) == p) {
            Hart hart = machine.hart(h);
            armCpuDeadline(hart, p);
            programTimer(hart);
        }
    }

    /** CPU cycles p has used, counting the stretch it is running now on its hart. */
    public long cpuUsed(T p) {
        SchedEntity s = p.sched();
        int h = s.hart;
        return h >= 0 && current.get(h) == p ? s.cpuCycles + machine.hart(h).cycle() - s.dispatchedCycle
                : s.cpuCycles;
    }

    // The hart cycle at which p, just dispatched or still running on h, reaches its CPU deadline.
    private void armCpuDeadline(Hart h, T p) {
        long deadline = cpuLimit.deadline(p);
        cpuDeadline[h.id()] = deadline == Long.MAX_VALUE ? Long.MAX_VALUE
                : saturatingAdd(h.cycle(), Math.max(0, deadline - cpuUsed(p)));
    }

    // Tells the kernel when the task running on h has reached its CPU limit; true when it still runs there.
    private boolean checkCpuLimit(Hart h, T p) {
        if (cpuDeadline[h.id()] == Long.MAX_VALUE || h.cycle() < cpuDeadline[h.id()]) {
            return true;
        }
        long used = cpuUsed(p);
        if (used >= cpuLimit.deadline(p)) {
            cpuLimit.reached(p, used);
        }
        if (current.get(h.id()) != p) {
            return false;
        }
        armCpuDeadline(h, p);
        return true;
    }

    /** The policy slot: selection, providers, ejections. */
    public PolicySlot<SchedulingPolicy, SchedulingPolicyProvider> slot() {
        return slot;
    }

    // ---- guarded policy calls ----

    // Runs a policy call; on a throw, ejects the policy and answers 'otherwise'.
    private <T> T ask(String what, Supplier<T> call, T otherwise) {
        return slot.guard(what, call, otherwise, this::eject);
    }

    private void tell(String what, Runnable call) {
        slot.guard(what, call, this::eject);
    }

    private void eject(String reason) {
        machine.tracer().record(TraceKind.NOTE, -1, 0, 0, 0, "scheduling policy " + slot.activeName()
                + " ejected: " + reason);
        slot.eject(now(), reason);
    }

    // Hands the mechanism's state to a new policy: every runnable task, and what runs on each hart.
    private void handOver(SchedulingPolicy from, SchedulingPolicy to) {
        try {
            from.detach();
        } catch (RuntimeException e) {
            // the old policy's failure to detach changes nothing: it is no longer called
        }
        machine.tracer().record(TraceKind.NOTE, -1, 0, slot.swaps(), 0, "scheduling policy " + slot.activeName());
        SchedTask[] running = current.toArray(new SchedTask[0]);
        List<SchedTask> seeds = new ArrayList<>(runnable);
        try {
            to.attach(context, seeds, running);
        } catch (RuntimeException e) {
            if (!slot.isFallback()) {
                eject("attach threw " + e);
            }
            return;
        }
        for (int h = 0; h < current.size(); h++) {
            if (current.get(h) != null) {
                int hart = h;
                T p = current.get(h);
                long s = ask("slice", () -> slot.active().slice(p, hart), 1_000_000L);
                sliceEnd[h] = saturatingAdd(now(), Math.max(1, s));
                programTimer(machine.hart(h));
            }
        }
        // No dispatching here: a handover can happen in the middle of a dispatch (an
        // ejection); the entry points that change policies kick idle harts themselves.
    }

    // ---- the mechanism ----

    /** The task running on hart h, or null. */
    public T current(int hart) {
        return current.get(hart);
    }

    /** A new wait queue whose sleepers this dispatcher wakes. */
    public KernelWaitQueue<T> newWaitQueue(String name) {
        return new KernelWaitQueue<>(name, this);
    }

    /**
     * The queue {@code q} typed as this dispatcher's, or null when another
     * made it (a queue handed in by a handler of another bundle is checked,
     * not trusted).
     */
    public KernelWaitQueue<T> own(WaitQueue q) {
        if (q instanceof KernelWaitQueue<?> k && k.dispatcher == this) {
            @SuppressWarnings("unchecked")
            KernelWaitQueue<T> mine = (KernelWaitQueue<T>) k;
            return mine;
        }
        return null;
    }

    /** Simulated time as the kernel knows it: the latest hart clock it has seen, or the machine's. */
    public long now() {
        return Math.max(clock, machine.now());
    }

    /** Notes a hart's clock (at every trap), so times the kernel records are the hart's, not the window's. */
    public void observe(long hartCycle) {
        clock = Math.max(clock, hartCycle);
    }

    /**
     * Admits a process created from outside (spawned, not forked): it joins
     * the run set and the policy, and idle harts are started by one event at
     * this same simulated time, after every other arrival of this instant, so
     * the policy chooses among all of them (SJF can reorder jobs that arrive
     * together).
     */
    public void admit(T p) {
        p.setState(ProcessState.READY);
        p.sched().readySince = now();
        runnable.add(p);
        SchedulingPolicy pol = slot.active();
        tell("enqueue", () -> pol.enqueue(p, EnqueueReason.NEW));
        if (!kickPending) {
            kickPending = true;
            machine.events().schedule(now(), () -> {
                kickPending = false;
                preemptIfAsked();
                kickIdleHarts();
            });
        }
    }

    /** Makes p runnable (NEW on creation, WOKEN after sleep) and lets the policy decide what runs. */
    public void makeReady(T p) {
        makeReady(p, p.sched().firstRunAt < 0 ? EnqueueReason.NEW : EnqueueReason.WOKEN);
    }

    private void makeReady(T p, EnqueueReason reason) {
        p.setState(ProcessState.READY);
        p.sched().readySince = now();
        runnable.add(p);
        SchedulingPolicy pol = slot.active();
        tell("enqueue", () -> pol.enqueue(p, reason));
        if (reason == EnqueueReason.NEW || reason == EnqueueReason.WOKEN) {
            preemptIfAsked();
        }
        kickIdleHarts();
    }

    // Asks the policy, for each busy hart, whether its task should give way now (a task became runnable).
    private void preemptIfAsked() {
        for (int h = 0; h < current.size(); h++) {
            T cur = current.get(h);
            int hart = h;
            if (cur != null && ask("shouldPreempt", () -> slot.active().shouldPreempt(cur, hart), false)) {
                preempt(machine.hart(h));
            }
        }
    }

    // Dispatches onto every idle hart while something is runnable.
    private void kickIdleHarts() {
        for (int i = 0; i < current.size() && !runnable.isEmpty(); i++) {
            if (current.get(i) == null) {
                dispatch(machine.hart(i));
            }
        }
    }

    /** Wakes a BLOCKED task (its pending call will run again). */
    public void wake(T p) {
        if (p.state() != ProcessState.BLOCKED) {
            return;
        }
        SchedEntity s = p.sched();
        if (s.sleepEvent != 0) {
            machine.events().cancel(s.sleepEvent);
            s.sleepEvent = 0;
        }
        if (s.sleepingOn != null) {
            s.sleepingOn.remove(p);
        }
        s.sleepingOn = null;
        s.woken = true;
        if (s.inWaitGraph) {
            waitEndHook.accept(p);
        }
        makeReady(p, EnqueueReason.WOKEN);
    }

    /**
     * p's priority changed (priority inheritance lent or took back a
     * priority): a queued p is queued again, so the policy files it under
     * the new one, and every hart is asked whether it should give way.
     */
    public void priorityChanged(T p) {
        if (runnable.contains(p)) {
            SchedulingPolicy pol = slot.active();
            tell("dequeue", () -> pol.dequeue(p));
            tell("enqueue", () -> pol.enqueue(p, EnqueueReason.PREEMPTED));
        }
        preemptIfAsked();
        kickIdleHarts();
    }

    /** Puts the task running on hart h to sleep on q and runs the next one. */
    public void sleepOn(Hart h, T p, KernelWaitQueue<T> q) {
        p.sched().sleepingOn = q;
        q.add(p);
        block(h, p);
    }

    /**
     * Puts the task running on hart h to sleep on q until cycle deadline
     * (Long.MAX_VALUE: no deadline), whichever comes first, and runs the
     * next one (poll's sleep: woken by its files or by its timeout).
     */
    public void sleepOnUntil(Hart h, T p, KernelWaitQueue<T> q, long deadline) {
        if (deadline != Long.MAX_VALUE) {
            p.sched().sleepEvent = machine.events().schedule(deadline, () -> {
                p.sched().sleepEvent = 0;
                clock = Math.max(clock, machine.now());
                wake(p);
            });
        }
        sleepOn(h, p, q);
    }

    /** Puts the task running on hart h to sleep until cycle deadline and runs the next one. */
    public void sleepUntil(Hart h, T p, long deadline) {
        p.sched().sleepDeadline = deadline;
        p.sched().sleepEvent = machine.events().schedule(deadline, () -> {
            p.sched().sleepEvent = 0;
            clock = Math.max(clock, machine.now());
            wake(p);
        });
        block(h, p);
    }

    private void block(Hart h, T p) {
        clock = h.cycle();
        switchOut(h, p, StopReason.BLOCKED);
        p.setState(ProcessState.BLOCKED);
        dispatch(h);
    }

    /** Stops running p for good (exit or kill): off its hart, which runs the next one, and out of every queue. */
    public void retire(T p) {
        SchedEntity s = p.sched();
        int on = s.hart;
        if (on >= 0) {
            Hart h = machine.hart(on);
            clock = Math.max(clock, h.cycle());
            switchOut(h, p, StopReason.EXITED);
            dispatch(h);
        } else if (runnable.remove(p)) {
            tell("dequeue", () -> slot.active().dequeue(p));
        }
        leaveSleep(p);
    }

    // Takes p off the queue or the timer it sleeps on, if any, and out of the wait-for graph.
    private void leaveSleep(T p) {
        SchedEntity s = p.sched();
        if (s.inWaitGraph) {
            waitEndHook.accept(p);
        }
        if (s.sleepingOn != null) {
            s.sleepingOn.remove(p);
            s.sleepingOn = null;
        }
        if (s.sleepEvent != 0) {
            machine.events().cancel(s.sleepEvent);
            s.sleepEvent = 0;
        }
    }

    /**
     * Stops p (a stop signal): off its hart (which runs the next task), out
     * of the run set, or off the queue or timer it sleeps on; BLOCKED until
     * {@link #resume}. A call it slept in runs again when it resumes.
     */
    public void stop(T p) {
        SchedEntity s = p.sched();
        if (s.hart >= 0) {
            Hart h = machine.hart(s.hart);
            clock = Math.max(clock, h.cycle());
            switchOut(h, p, StopReason.BLOCKED);
            p.setState(ProcessState.BLOCKED);
            dispatch(h);
            return;
        }
        if (runnable.remove(p)) {
            tell("dequeue", () -> slot.active().dequeue(p));
        }
        leaveSleep(p);
        p.setState(ProcessState.BLOCKED);
    }

    /** Makes a task {@link #stop}ped runnable again (SIGCONT). */
    public void resume(T p) {
        if (p.state() == ProcessState.BLOCKED && p.sched().sleepingOn == null && p.sched().sleepEvent == 0) {
            makeReady(p, EnqueueReason.WOKEN);
        }
    }

    /** sched_yield: the current process gives up the hart but stays runnable. */
    public void yield(Hart h) {
        T p = current.get(h.id());
        if (p == null) {
            return;
        }
        clock = h.cycle();
        switchOut(h, p, StopReason.YIELDED);
        makeReady(p, EnqueueReason.YIELDED);
        if (current.get(h.id()) == null) {
            dispatch(h);
        }
    }

    /** Timer interrupt on hart h: slice end, policy tick, preemption check, watchdog. */
    public void tick(Hart h) {
        timer.cancel(h.id());
        clock = h.cycle();
        checkWatchdog();
        T p = current.get(h.id());
        if (p == null) {
            dispatch(h);
            return;
        }
        if (!checkCpuLimit(h, p)) {
            return;
        }
        if (clock >= sliceEnd[h.id()]) {
            switchOut(h, p, StopReason.SLICE_EXPIRED);
            makeReady(p, EnqueueReason.PREEMPTED);
            if (current.get(h.id()) == null) {
                dispatch(h);
            }
            return;
        }
        if (clock >= nextTick[h.id()]) {
            tell("tick", () -> slot.active().tick());
            int hart = h.id();
            if (current.get(hart) == p && ask("shouldPreempt", () -> slot.active().shouldPreempt(p, hart), false)) {
                preempt(h);
                return;
            }
            nextTick[hart] = saturatingAdd(clock, Math.max(1, ask("tickPeriod", () -> slot.active().tickPeriod(),
                    Long.MAX_VALUE)));
        }
        programTimer(h);
        kickIdleHarts();
    }

    // Takes the running task off hart h because the policy preferred another.
    private void preempt(Hart h) {
        T p = current.get(h.id());
        clock = Math.max(clock, h.cycle());
        switchOut(h, p, StopReason.PREEMPTED);
        makeReady(p, EnqueueReason.PREEMPTED);
        if (current.get(h.id()) == null) {
            dispatch(h);
        }
    }

    // Ejects the policy if a runnable task has waited longer than the watchdog allows.
    private void checkWatchdog() {
        if (runnable.isEmpty() || slot.isFallback()) {
            return;
        }
        T oldest = runnable.iterator().next();
        long waited = now() - oldest.sched().readySince;
        if (waited > watchdog) {
            eject("runnable " + oldest + " waited " + waited + " cycles (watchdog " + watchdog + ")");
        }
    }

    // Takes p off hart h, charging it for the time and instructions it used, and tells the policy.
    private void switchOut(Hart h, T p, StopReason reason) {
        SchedEntity s = p.sched();
        long cycles = h.cycle() - s.dispatchedCycle;
        s.cpuCycles += cycles;
        s.instructions += h.instret() - s.dispatchedInstret;
        // the TLB work done while it ran (the hart reported its fast-path hits when it stopped running)
        TlbStatistics tlb = h.mmu().statistics();
        s.tlbAccesses += tlb.accesses() - s.dispatchedTlbAccesses;
        s.tlbMisses += tlb.misses() - s.dispatchedTlbMisses;
        s.burstCycles += cycles;
        if (reason == StopReason.BLOCKED) {
            s.lastBurst = s.burstCycles;
            s.burstCycles = 0;
        }
        s.hart = -1;
        cpuDeadline[h.id()] = Long.MAX_VALUE;
        current.set(h.id(), null);
        stopped.set(h.id(), p);
        stoppedVoluntarily[h.id()] = reason == StopReason.BLOCKED || reason == StopReason.YIELDED
                || reason == StopReason.EXITED;
        h.setContext(null);
        SchedulingPolicy pol = slot.active();
        tell("ran", () -> pol.ran(p, cycles, reason));
    }

    // Runs the task the policy picks on hart h, or idles it (tickless: no timer while idle).
    private void dispatch(Hart h) {
        clock = Math.max(clock, h.cycle());
        T next = runnable.isEmpty() ? null : pickFor(h.id());
        int from = lastPid[h.id()];
        countSwitch(h.id(), next);
        if (next == null) {
            timer.cancel(h.id());
            if (from != 0) {
                machine.tracer().record(TraceKind.CONTEXT_SWITCH, h.id(), 0, from, 0);
                lastPid[h.id()] = 0;
            }
            if (!runnable.isEmpty() && !slot.isFallback()) {
                // the policy left this hart idle with work queued: look again when the watchdog would fire
                T oldest = runnable.iterator().next();
                timer.program(h.id(), saturatingAdd(oldest.sched().readySince, watchdog + 1));
            }
            return;
        }
        runnable.remove(next);
        next.setState(ProcessState.RUNNING);
        SchedEntity e = next.sched();
        e.hart = h.id();
        e.lastHart = h.id();
        if (e.firstRunAt < 0) {
            e.firstRunAt = h.cycle();
        }
        e.dispatchedCycle = h.cycle();
        e.dispatchedInstret = h.instret();
        TlbStatistics tlb = h.mmu().statistics();
        e.dispatchedTlbAccesses = tlb.accesses();
        e.dispatchedTlbMisses = tlb.misses();
        current.set(h.id(), next);
        h.mmu().setSatp(next.space().satp());
        if (next.space().needsFlushOnSwitch()) {
            h.mmu().flushAsid(next.space().asid());
        }
        h.setContext(next.context());
        int hart = h.id();
        long s = ask("slice", () -> slot.active().slice(next, hart), -1L);
        if (s <= 0) {
            if (!slot.isFallback()) {
                eject("slice " + s + " for " + next);
            }
            s = slot.active().slice(next, hart);
        }
        sliceEnd[hart] = saturatingAdd(h.cycle(), s);
        long period = ask("tickPeriod", () -> slot.active().tickPeriod(), Long.MAX_VALUE);
        nextTick[hart] = saturatingAdd(h.cycle(), Math.max(1, period));
        armCpuDeadline(h, next);
        programTimer(h);
        int pid = next.id();
        if (pid != from) {
            contextSwitches++;
            machine.tracer().record(TraceKind.CONTEXT_SWITCH, hart, pid, from, pid);
        }
        lastPid[hart] = pid;
        resumeHook.accept(next);
    }

    // Counts the switch away from the task that last stopped on this hart, unless it runs on:
    // as Linux counts, a task re-picked at once has not been switched out.
    private void countSwitch(int hart, T next) {
        T p = stopped.get(hart);
        stopped.set(hart, null);
        if (p == null || p == next) {
            return;
        }
        if (stoppedVoluntarily[hart]) {
            p.sched().voluntarySwitches++;
        } else {
            p.sched().involuntarySwitches++;
        }
    }

    // Asks the policy for hart's next task and checks it is runnable; ejects and asks the fallback otherwise.
    private T pickFor(int hart) {
        SchedTask t = ask("pick", () -> slot.active().pick(hart), null);
        if (t == null) {
            return null;
        }
        T next = runnableTask(t);
        if (next == null) {
            eject("picked " + describe(t) + ", which is not runnable");
            return runnableTask(slot.active().pick(hart));
        }
        return next;
    }

    // The runnable task a policy named, or null when t is not one. A policy's answer is checked, not trusted:
    // only the kernel's own tasks are looked up (no foreign equals or hashCode runs), and only runnable ones pass.
    private T runnableTask(SchedTask t) {
        if (!(t instanceof Task) || !runnable.contains(t)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        T task = (T) t; // an element of runnable, so a T
        return task;
    }

    private static String describe(SchedTask t) {
        try {
            return "task " + t.id();
        } catch (RuntimeException e) {
            return "a foreign task";
        }
    }

    // Programs hart h's timer at the earliest of: slice end, next policy tick, CPU limit, watchdog check.
    private void programTimer(Hart h) {
        int i = h.id();
        long at = Math.min(Math.min(sliceEnd[i], nextTick[i]), cpuDeadline[i]);
        if (!runnable.isEmpty() && !slot.isFallback()) {
            at = Math.min(at, saturatingAdd(runnable.iterator().next().sched().readySince, watchdog + 1));
        }
        if (at == Long.MAX_VALUE) {
            timer.cancel(i);
        } else {
            timer.program(i, Math.max(at, h.cycle() + 1));
        }
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /** Selects the scheduling policy (see {@link PolicySlot#select}) and starts work on idle harts. */
    public boolean select(String name, Map<String, String> options) {
        boolean now = slot.select(name, options);
        kickIdleHarts();
        return now;
    }

    /** A policy provider arrived (it becomes active if it was chosen). */
    public void addProvider(String name, SchedulingPolicyProvider provider) {
        slot.addProvider(name, provider);
        kickIdleHarts();
    }

    /** A policy provider left (the built-in policy takes over if it was active). */
    public void removeProvider(String name, SchedulingPolicyProvider provider) {
        slot.removeProvider(name, provider);
        kickIdleHarts();
    }

    /** Processes waiting to run. */
    public int readyCount() {
        return runnable.size();
    }

    public long contextSwitches() {
        return contextSwitches;
    }

    /** The built-in round robin's quantum. */
    public long quantum() {
        return quantum;
    }

    /** What policies see of the mechanism: time, harts, seeded randomness. */
    private final class Context implements PolicyContext {
        private final SplittableRandom random;

        Context(long seed) {
            this.random = new SplittableRandom(seed);
        }

        @Override
        public long now() {
            return Dispatcher.this.now();
        }

        @Override
        public int harts() {
            return current.size();
        }

        @Override
        public long random(long bound) {
            if (bound <= 0) {
                throw new IllegalArgumentException("random bound must be positive: " + bound);
            }
            return random.nextLong(bound);
        }
    }
}
