package osbox.kernel.core.sched;

/**
 * The dispatcher's part of a task (Linux's sched_entity): where it runs,
 * how it sleeps, the bursts policies are told about, and the CPU time and
 * context switches it is charged. Every field is written by the
 * {@link Dispatcher} alone (package-private), with one exception stated at
 * {@link #restartServed}; the rest of the kernel reads it through the
 * getters.
 */
public final class SchedEntity {
    // ---- where it runs (dispatch and switch-out) ----
    /** The hart it runs on, or -1. */
    int hart = -1;
    /** The hart it last ran on, or -1 (policies see it). */
    int lastHart = -1;
    /** Cycle it first ran, or -1. */
    long firstRunAt = -1;
    /** Hart cycle, instret and TLB counters when it was last dispatched (charged at switch-out). */
    long dispatchedCycle;
    long dispatchedInstret;
    long dispatchedTlbAccesses;
    long dispatchedTlbMisses;

    // ---- waiting (ready, sleeping, waking) ----
    /** Cycle it last became READY: the watchdog measures waits from here. */
    long readySince;
    /** The queue it sleeps on while BLOCKED, or null. */
    KernelWaitQueue<?> sleepingOn;
    /** Event id of a timed sleep, or 0. */
    long sleepEvent;
    /** The cycle its last timed sleep was to end (nanosleep's rem when a signal cuts it short). */
    long sleepDeadline;
    /** It was woken from a sleep and its pending call runs again (a restart). */
    boolean woken;
    /** Its sleep is an edge of the wait-for graph: the dispatcher tells the graph when the sleep ends. */
    boolean inWaitGraph;

    // ---- bursts (what policies learn) ----
    /** CPU cycles of the current burst so far (since it last slept). */
    long burstCycles;
    /** CPU cycles of its last complete burst, or -1. */
    long lastBurst = -1;

    // ---- accounting ----
    long cpuCycles;
    long instructions;
    long voluntarySwitches;
    long involuntarySwitches;
    /** TLB accesses and misses while it ran (charged at each switch-out). */
    long tlbAccesses;
    long tlbMisses;

    /** The hart it runs on now, or -1. */
    public int hart() {
        return hart;
    }

    /** The hart it last ran on, or -1. */
    public int lastHart() {
        return lastHart;
    }

    /** The cycle it first ran, or -1 when it has not run yet. */
    public long firstRunAt() {
        return firstRunAt;
    }

    /** The cycle it last became READY. */
    public long readySince() {
        return readySince;
    }

    /** Whether its sleep is an edge of the wait-for graph. */
    public boolean inWaitGraph() {
        return inWaitGraph;
    }

    /** Marks its sleep as an edge of the wait-for graph, or no longer (the graph calls it). */
    public void setInWaitGraph(boolean on) {
        inWaitGraph = on;
    }

    /** The queue it sleeps on while BLOCKED, or null. */
    public KernelWaitQueue<?> sleepingOn() {
        return sleepingOn;
    }

    /** Whether a timed sleep is pending (an event will wake it). */
    public boolean sleepsUntilDeadline() {
        return sleepEvent != 0;
    }

    /** The cycle its last timed sleep was to end. */
    public long sleepDeadline() {
        return sleepDeadline;
    }

    /** Whether its pending system call is the restart of a call that slept. */
    public boolean woken() {
        return woken;
    }

    /**
     * The restarted call completed: the next call is not a restart. The one
     * write from outside the dispatcher: the system-call trap calls it when
     * a call returns to the process.
     */
    public void restartServed() {
        woken = false;
    }

    /** CPU cycles of the last complete burst, or -1. */
    public long lastBurst() {
        return lastBurst;
    }

    /** CPU cycles of the current burst so far. */
    public long burstCycles() {
        return burstCycles;
    }

    /** CPU cycles charged so far (up to its last switch-out). */
    public long cpuCycles() {
        return cpuCycles;
    }

    /** Instructions retired so far (up to its last switch-out). */
    public long instructions() {
        return instructions;
    }

    /** Times it gave up a hart itself (slept, yielded, exited) and another task ran. */
    public long voluntarySwitches() {
        return voluntarySwitches;
    }

    /** Times it was taken off a hart (slice end, preemption) and another task ran. */
    public long involuntarySwitches() {
        return involuntarySwitches;
    }

    /** TLB accesses while it ran. */
    public long tlbAccesses() {
        return tlbAccesses;
    }

    /** TLB misses while it ran. */
    public long tlbMisses() {
        return tlbMisses;
    }
}
