package osbox.kernel.core.proc;

import java.util.function.LongSupplier;
import osbox.api.hw.EventQueue;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;

/**
 * setitimer and getitimer's ITIMER_REAL (alarm too: glibc's alarm on
 * riscv64 is setitimer): one timer per process, counted in simulated time,
 * that sends SIGALRM (si_code SI_KERNEL) when it expires and is re-armed
 * with its interval. A fork's child starts with none; execve keeps it.
 * Simulation thread only.
 */
public final class IntervalTimers {
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
        long left = s.realEvent == 0 ? 0 : Math.max(1, cyclesToNanos(s.realDeadline - now.getAsLong()) / 1000);
        return new long[] {cyclesToNanos(s.realInterval) / 1000, left};
    }

    /** Arms (value &gt; 0) or disarms p's ITIMER_REAL; value and interval in cycles. */
    public void set(Process p, long valueCycles, long intervalCycles) {
        SignalState s = p.signals();
        cancelAll(p);
        s.realInterval = intervalCycles;
        if (valueCycles > 0) {
            arm(p, now.getAsLong() + valueCycles);
        }
    }

    private void arm(Process p, long at) {
        SignalState s = p.signals();
        s.realDeadline = at;
        s.realEvent = events.schedule(at, () -> expire(p));
    }

    // The timer expired: SIGALRM, and again after the interval if there is one.
    private void expire(Process p) {
        SignalState s = p.signals();
        s.realEvent = 0;
        if (p.state() == ProcessState.ZOMBIE) {
            return;
        }
        if (s.realInterval > 0) {
            arm(p, s.realDeadline + s.realInterval);
        }
        signals.post(p, SigInfo.kernel(Signals.SIGALRM), "timer expired (ITIMER_REAL)");
    }

    /** Disarms p's timer (setitimer, the exit). */
    public void cancelAll(Process p) {
        SignalState s = p.signals();
        if (s.realEvent != 0) {
            events.cancel(s.realEvent);
            s.realEvent = 0;
        }
    }
}
