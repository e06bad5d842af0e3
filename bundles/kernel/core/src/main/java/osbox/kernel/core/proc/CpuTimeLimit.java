package osbox.kernel.core.proc;

import osbox.api.kernel.Signals;
import osbox.kernel.core.sched.CpuLimit;

/**
 * The CPU-time events of a process for the dispatcher: its CPU interval
 * timers (ITIMER_VIRTUAL, ITIMER_PROF: {@link IntervalTimers}) and
 * RLIMIT_CPU, as Linux's check_process_timers enforces it: at the hard limit SIGKILL; at the soft limit SIGXCPU, and the soft
 * limit moves one second on (so, with the signal caught, another SIGXCPU
 * comes every second until the hard limit). Without a handler SIGXCPU's
 * default action (terminate, with the core flag under a nonzero
 * RLIMIT_CORE) ends the process at the soft limit. CPU time is
 * simulated: the cycles charged to the process (user and system alike) at
 * the machine's frequency; limits are whole seconds.
 */
public final class CpuTimeLimit implements CpuLimit<Process> {
    private final long frequencyHz;
    private final SignalDelivery signals;

    /** Limits counted in seconds of {@code frequencyHz} cycles, enforced with {@code signals}. */
    public CpuTimeLimit(long frequencyHz, SignalDelivery signals) {
        if (frequencyHz < 1) {
            throw new IllegalArgumentException("frequency must be positive: " + frequencyHz);
        }
        this.frequencyHz = frequencyHz;
        this.signals = signals;
    }

    @Override
    public long deadline(Process p) {
        return Math.min(limitDeadline(p), signals.timers().cpuDeadline(p));
    }

    // The CPU cycles at which RLIMIT_CPU's next limit falls.
    private long limitDeadline(Process p) {
        ResourceLimits l = p.limits();
        return Math.min(cycles(l.soft(ResourceLimits.RLIMIT_CPU)), cycles(l.hard(ResourceLimits.RLIMIT_CPU)));
    }

    @Override
    public void reached(Process p, long used) {
        // the timers first, as Linux's check_process_timers (a process killed by the limit then gets nothing more)
        signals.timers().cpuReached(p, used);
        if (used >= limitDeadline(p)) {
            limitReached(p, used);
        }
    }

    // RLIMIT_CPU's soft or hard limit reached: SIGXCPU or SIGKILL.
    private void limitReached(Process p, long used) {
        ResourceLimits l = p.limits();
        long hard = l.hard(ResourceLimits.RLIMIT_CPU);
        if (used >= cycles(hard)) {
            StraceHooks.signalDelivered(p, SigInfo.kernel(Signals.SIGKILL));
            signals.kill(p, Signals.SIGKILL, "CPU time limit reached (RLIMIT_CPU hard limit, "
                    + Long.toUnsignedString(hard) + " s)", 0);
            return;
        }
        long soft = l.soft(ResourceLimits.RLIMIT_CPU);
        l.advanceCpuSoftLimit();
        // a signal like any other (Linux's send_signal with SEND_SIG_PRIV): a handler may catch it
        signals.post(p, SigInfo.kernel(Signals.SIGXCPU), "CPU time limit exceeded (RLIMIT_CPU soft limit, "
                + Long.toUnsignedString(soft) + " s)");
    }

    // Seconds of CPU as cycles; Long.MAX_VALUE for RLIM_INFINITY or more than a long holds.
    private long cycles(long seconds) {
        if (seconds == ResourceLimits.INFINITY || Long.compareUnsigned(seconds, Long.MAX_VALUE / frequencyHz) > 0) {
            return Long.MAX_VALUE;
        }
        return seconds * frequencyHz;
    }
}
