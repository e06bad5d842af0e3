package osbox.kernel.core.sched;

import java.util.ArrayDeque;
import osbox.api.hw.Hart;
import osbox.api.hw.Machine;
import osbox.api.hw.Timer;
import osbox.api.kernel.ProcessState;
import osbox.api.trace.TraceKind;
import osbox.kernel.core.proc.Process;

/**
 * The scheduling mechanism: run queue, dispatch onto harts, context switch,
 * timer-driven preemption, accounting, sleeping and waking. The policy
 * built in today is round robin with a fixed quantum (the scheduler SPI of
 * a later issue plugs policies in here, keeping this mechanism).
 *
 * <p>A context switch hands the hart another {@code HartContext} and
 * another satp: nothing is copied.
 */
public final class Dispatcher {
    private final Machine machine;
    private final Timer timer;
    private final long quantum;
    private final ArrayDeque<Process> runQueue = new ArrayDeque<>();
    private final Process[] current;
    /** Pid last run on each hart (0 = idle), for the context-switch trace. */
    private final int[] lastPid;
    private long contextSwitches;

    /** {@code quantum}: cycles a process runs before the timer preempts it (if others wait). */
    public Dispatcher(Machine machine, Timer timer, long quantum) {
        if (quantum < 1) {
            throw new IllegalArgumentException("quantum must be at least one cycle: " + quantum);
        }
        this.machine = machine;
        this.timer = timer;
        this.quantum = quantum;
        this.current = new Process[machine.hartCount()];
        this.lastPid = new int[machine.hartCount()];
    }

    /** The process running on hart h, or null. */
    public Process current(int hart) {
        return current[hart];
    }

    /** Makes p READY at the tail of the run queue and starts it on an idle hart if there is one. */
    public void makeReady(Process p) {
        p.setState(ProcessState.READY);
        runQueue.add(p);
        for (int i = 0; i < current.length; i++) {
            if (current[i] == null && !runQueue.isEmpty()) {
                dispatch(machine.hart(i));
            }
        }
    }

    /** Wakes a BLOCKED process (its pending call will run again). */
    public void wake(Process p) {
        if (p.state() != ProcessState.BLOCKED) {
            return;
        }
        if (p.sleepEvent != 0) {
            machine.events().cancel(p.sleepEvent);
            p.sleepEvent = 0;
        }
        if (p.sleepingOn instanceof KernelWaitQueue) {
            ((KernelWaitQueue) p.sleepingOn).remove(p);
        }
        p.sleepingOn = null;
        p.woken = true;
        makeReady(p);
    }

    /** Puts the process running on hart h to sleep on q and runs the next one. */
    public void sleepOn(Hart h, Process p, KernelWaitQueue q) {
        p.sleepingOn = q;
        q.add(p);
        block(h, p);
    }

    /** Puts the process running on hart h to sleep until cycle deadline and runs the next one. */
    public void sleepUntil(Hart h, Process p, long deadline) {
        p.sleepEvent = machine.events().schedule(deadline, () -> {
            p.sleepEvent = 0;
            wake(p);
        });
        block(h, p);
    }

    private void block(Hart h, Process p) {
        switchOut(h, p, true);
        p.setState(ProcessState.BLOCKED);
        dispatch(h);
    }

    /** Stops running p for good (exit or kill): off its hart, which runs the next one, and out of every queue. */
    public void retire(Process p) {
        int on = p.hart;
        if (on >= 0) {
            Hart h = machine.hart(on);
            switchOut(h, p, true);
            dispatch(h);
        }
        runQueue.remove(p);
        if (p.sleepingOn instanceof KernelWaitQueue) {
            ((KernelWaitQueue) p.sleepingOn).remove(p);
            p.sleepingOn = null;
        }
        if (p.sleepEvent != 0) {
            machine.events().cancel(p.sleepEvent);
            p.sleepEvent = 0;
        }
    }

    /** The current process gives up the hart but stays READY (sched_yield). */
    public void yield(Hart h) {
        Process p = current[h.id()];
        if (p == null || runQueue.isEmpty()) {
            return;
        }
        switchOut(h, p, true);
        p.setState(ProcessState.READY);
        runQueue.add(p);
        dispatch(h);
    }

    /** Timer interrupt on hart h: preempt if someone waits, else grant a new quantum. */
    public void tick(Hart h) {
        timer.cancel(h.id());
        Process p = current[h.id()];
        if (p == null) {
            dispatch(h);
            return;
        }
        if (runQueue.isEmpty()) {
            timer.program(h.id(), h.cycle() + quantum);
            return;
        }
        switchOut(h, p, false);
        p.setState(ProcessState.READY);
        runQueue.add(p);
        dispatch(h);
    }

    // Takes p off hart h, charging it for the time and instructions it used.
    private void switchOut(Hart h, Process p, boolean voluntary) {
        p.cpuCycles += h.cycle() - p.dispatchedCycle;
        p.instructions += h.instret() - p.dispatchedInstret;
        if (voluntary) {
            p.voluntarySwitches++;
        } else {
            p.involuntarySwitches++;
        }
        p.hart = -1;
        current[h.id()] = null;
        lastPid[h.id()] = p.pid;
        h.setContext(null);
    }

    // Runs the next READY process on hart h, or idles it (tickless: no timer while idle).
    private void dispatch(Hart h) {
        Process next = runQueue.poll();
        int from = lastPid[h.id()];
        if (next == null) {
            timer.cancel(h.id());
            if (from != 0) {
                machine.tracer().record(TraceKind.CONTEXT_SWITCH, h.id(), 0, from, 0);
                lastPid[h.id()] = 0;
            }
            return;
        }
        next.setState(ProcessState.RUNNING);
        next.hart = h.id();
        next.markRunning(h.cycle());
        next.dispatchedCycle = h.cycle();
        next.dispatchedInstret = h.instret();
        current[h.id()] = next;
        h.mmu().setSatp(next.space.satp());
        if (next.space.needsFlushOnSwitch()) {
            h.mmu().flushAsid(next.space.asid());
        }
        h.setContext(next.context);
        timer.program(h.id(), h.cycle() + quantum);
        contextSwitches++;
        machine.tracer().record(TraceKind.CONTEXT_SWITCH, h.id(), next.pid, from, next.pid);
        lastPid[h.id()] = next.pid;
    }

    /** Processes waiting to run, in order. */
    public int readyCount() {
        return runQueue.size();
    }

    public long contextSwitches() {
        return contextSwitches;
    }

    public long quantum() {
        return quantum;
    }
}
