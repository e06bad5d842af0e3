package osbox.kernel.core.proc;

import java.util.function.LongSupplier;
import osbox.api.hw.EventQueue;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;

/**
 * setitimer and getitimer's three timers. ITIMER_REAL (alarm too: glibc's
 * alarm on riscv64 is setitimer) is one per process, as on Linux (every
 * thread sets and reads the same timer, which outlives the thread that
 * armed it), counted in simulated time: an event on the machine's queue
 * that sends the process SIGALRM (si_code SI_KERNEL) when it expires and
 * is re-armed with its interval. ITIMER_VIRTUAL
 * (SIGVTALRM) and ITIMER_PROF (SIGPROF) count the process's CPU time, the
 * cycles the dispatcher charged it: their expiry is a point in CPU cycles
 * used, which the dispatcher's CPU deadline ({@link CpuTimeLimit}) reaches
 * while the process runs; on expiry the timer moves on by its interval
 * (Linux's check_cpu_itimer). osbox spends no simulated cycle in the
 * kernel, so user time is all the CPU time and the two count alike. A
 * fork's child starts with none; execve keeps them. Simulation thread only.
 */
public final class IntervalTimers {
    /** setitimer's which: ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF. */
    public static final int ITIMER_REAL = 0, ITIMER_VIRTUAL = 1, ITIMER_PROF = 2;
    /** The CPU timers' signals (Linux's generic numbers; osbox.api.kernel.Signals does not name them). */
    static final int SIGVTALRM = 26, SIGPROF = 27;
    private static final int[] CPU_TIMER_SIGNAL = {0, SIGVTALRM, SIGPROF};
    private static final String[] CPU_TIMER_NAME = {"", "ITIMER_VIRTUAL", "ITIMER_PROF"};

    private final EventQueue events;
    private final long frequencyHz;
    private final LongSupplier now;
    private final SignalDelivery signals;

    /** Timers whose events go on {@code events}, at {@code frequencyHz} cycles a second, read at {@code now}. */
    IntervalTimers(EventQueue events, long frequencyHz, LongSupplier now, SignalDelivery signals) {
        this.events = events;
        this.frequencyHz = frequencyHz;
        this.now = now;
        this.signals = signals;
    }

    /** Microseconds as cycles (saturating). */
    public long microsToCycles(long sec, long usec) {
        if (sec > Long.MAX_VALUE / 4 / frequencyHz) {
            return Long.MAX_VALUE / 4;
        }
        return sec * frequencyHz + (usec * frequencyHz + 999_999) / 1_000_000;
    }

    /** Cycles as nanoseconds. */
    public long cyclesToNanos(long cycles) {
        return Math.multiplyHigh(cycles, 1_000_000_000L) != 0 ? Long.MAX_VALUE
                : cycles * 1_000_000_000L / frequencyHz;
    }

    /**
     * p's ITIMER_REAL now, as {interval, value} in microseconds: value is
     * the time left (at least 1 µs while armed, as Linux), 0 when disarmed.
     */
    public long[] get(Process p) {
        SignalState s = p.signals();
        long left = s.shared.realEvent == 0 ? 0 : Math.max(1, cyclesToNanos(s.shared.realDeadline - now.getAsLong()) / 1000);
        return new long[] {cyclesToNanos(s.shared.realInterval) / 1000, left};
    }

    /** Arms (value &gt; 0) or disarms p's ITIMER_REAL; value and interval in cycles. */
    public void set(Process p, long valueCycles, long intervalCycles) {
        SignalState s = p.signals();
        cancelAll(p);
        s.shared.realInterval = intervalCycles;
        if (valueCycles > 0) {
            arm(p, now.getAsLong() + valueCycles);
        }
    }

    private void arm(Process p, long at) {
        SignalState s = p.signals();
        s.shared.realDeadline = at;
        s.shared.realEvent = events.schedule(at, () -> expire(p));
    }

    // The timer expired: SIGALRM, and again after the interval if there is one.
    private void expire(Process p) {
        SignalState s = p.signals();
        s.shared.realEvent = 0;
        if (p.group().liveThreads().isEmpty()) {
            return;     // the process ended; the thread that armed it may have ended alone, the process goes on
        }
        if (s.shared.realInterval > 0) {
            arm(p, s.shared.realDeadline + s.shared.realInterval);
        }
        signals.post(p, SigInfo.kernel(Signals.SIGALRM), "timer expired (ITIMER_REAL)");
    }

    /** Disarms p's timer (setitimer, the exit). */
    public void cancelAll(Process p) {
        SignalState s = p.signals();
        if (s.shared.realEvent != 0) {
            events.cancel(s.shared.realEvent);
            s.shared.realEvent = 0;
        }
    }

    // ---- ITIMER_VIRTUAL and ITIMER_PROF: in CPU cycles used ----

    /**
     * p's CPU timer {@code which} (ITIMER_VIRTUAL or ITIMER_PROF) when p has
     * used {@code used} cycles, as {interval, value} in microseconds: value
     * is the CPU time left (at least 1 µs while armed), 0 when disarmed.
     */
    public long[] getCpu(Process p, int which, long used) {
        SignalState s = p.signals();
        long expires = s.cpuExpires[checkCpuTimer(which)];
        long left = expires == 0 ? 0 : Math.max(1, cyclesToNanos(expires - used) / 1000);
        return new long[] {cyclesToNanos(s.cpuInterval[which]) / 1000, left};
    }

    /**
     * Arms (value &gt; 0) or disarms p's CPU timer {@code which}, p having
     * used {@code used} cycles; value and interval in cycles. The interval
     * is kept even when the timer is disarmed, as Linux's set_cpu_itimer.
     * The caller tells the dispatcher (its CPU deadline moved).
     */
    public void setCpu(Process p, int which, long valueCycles, long intervalCycles, long used) {
        SignalState s = p.signals();
        s.cpuExpires[checkCpuTimer(which)] = valueCycles > 0 ? used + valueCycles : 0;
        s.cpuInterval[which] = intervalCycles;
    }

    /** The CPU cycles used at which p's next CPU timer expires; Long.MAX_VALUE when none is armed. */
    public long cpuDeadline(Process p) {
        SignalState s = p.signals();
        long at = Long.MAX_VALUE;
        for (int which = ITIMER_VIRTUAL; which <= ITIMER_PROF; which++) {
            if (s.cpuExpires[which] != 0) {
                at = Math.min(at, s.cpuExpires[which]);
            }
        }
        return at;
    }

    /**
     * p has used {@code used} cycles: each CPU timer that expired by then
     * sends its signal (SIGVTALRM, SIGPROF) and moves on by its interval,
     * or is disarmed without one.
     */
    public void cpuReached(Process p, long used) {
        SignalState s = p.signals();
        for (int which = ITIMER_VIRTUAL; which <= ITIMER_PROF; which++) {
            long expires = s.cpuExpires[which];
            if (expires == 0 || used < expires) {
                continue;
            }
            long interval = s.cpuInterval[which];
            s.cpuExpires[which] = interval > 0 ? expires + interval : 0;
            if (p.state() != ProcessState.ZOMBIE) {
                signals.post(p, SigInfo.kernel(CPU_TIMER_SIGNAL[which]),
                        "timer expired (" + CPU_TIMER_NAME[which] + ")");
            }
        }
    }

    // which, checked to be a CPU timer (callers check setitimer's argument first).
    private static int checkCpuTimer(int which) {
        if (which != ITIMER_VIRTUAL && which != ITIMER_PROF) {
            throw new IllegalArgumentException("not a CPU timer: " + which);
        }
        return which;
    }
}
