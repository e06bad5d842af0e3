package osbox.kernel.core.strace;

import osbox.api.kernel.UserMemory;
import osbox.api.kernel.WaitStatus;

/**
 * A traced process's strace state, kept in its PCB (null there: not
 * traced, the one test the system-call path makes). It holds the call in
 * progress: its arguments as made, whether it is running (inside its
 * handler) or asleep (it will run again when woken: the RESTART model), so
 * that a call prints one line, once, with its final result. What happens
 * to the process while its call runs (a signal it sent itself, its own
 * end) is held back and printed after the call's line, in the order
 * strace shows it. Simulation thread only.
 */
public final class Traced {
    private enum State { IDLE, RUNNING, SLEEPING }

    private final SyscallTracer tracer;
    private final StraceLog log;
    private final CallArgs call = new CallArgs();
    private State state = State.IDLE;
    private long number;
    private String entryText;
    private final StringBuilder heldBack = new StringBuilder();
    private boolean ended;

    Traced(SyscallTracer tracer, StraceLog log) {
        this.tracer = tracer;
        this.log = log;
    }

    /** The log its lines go to. */
    public StraceLog log() {
        return log;
    }

    /** What a child it forks gets: its own state on the same log when the log follows forks, else null. */
    public Traced forChild() {
        return log.followForks() ? new Traced(tracer, log) : null;
    }

    // ---- the system-call trap (through SyscallTracer) ----

    void enter(long number, long[] registers, int a0, UserMemory memory) {
        this.number = number;
        call.enter(registers, a0, memory);
        CallFormat f = SyscallDecoders.lookup(number);
        entryText = f != null && f.atEntry() ? tracer.arguments(number, call) : null;
        state = State.RUNNING;
    }

    void sleep() {
        state = State.SLEEPING;
        flushHeldBack(0);
    }

    void answer(int pid, long result, UserMemory memory) {
        if (state == State.IDLE) {
            return;
        }
        call.answer(result, memory);
        String args = entryText != null ? entryText : tracer.arguments(number, call);
        finish(pid, args, tracer.result(number, result));
    }

    void answerUnknown(int pid) {
        if (state == State.IDLE) {
            return;
        }
        String args = entryText != null ? entryText : tracer.arguments(number, call);
        finish(pid, args, "?");
    }

    private void finish(int pid, String args, String result) {
        StringBuilder line = new StringBuilder(tracer.name(number)).append('(').append(args).append(") ");
        pad(line, pid);
        log.line(pid, line.append("= ").append(result));
        state = State.IDLE;
        entryText = null;
        flushHeldBack(pid);
    }

    // strace puts the result at column 40 (counting the [pid N] prefix)
    private static void pad(StringBuilder line, int pid) {
        int prefix = 7 + Integer.toString(pid).length();
        while (prefix + line.length() < 40) {
            line.append(' ');
        }
    }

    private void flushHeldBack(int pid) {
        if (heldBack.length() == 0) {
            return;
        }
        String[] lines = heldBack.toString().split("\n");
        heldBack.setLength(0);
        for (String l : lines) {
            log.line(pid, l);
        }
    }

    // ---- signals and the end ----

    /**
     * A signal is delivered to the process (its handler runs, or its
     * default action is taken): {@code --- SIGCHLD {si_signo=...} ---};
     * {@code siginfo} is the kernel's struct siginfo (proc.SigInfo's bytes).
     */
    public void signalDelivered(int pid, byte[] siginfo) {
        if (siginfo.length < 32) {
            throw new IllegalArgumentException("a siginfo of " + siginfo.length + " bytes");
        }
        emit(pid, "--- " + SignalNames.name((int) Formats.field(siginfo, 0, 4, true)) + " "
                + SiginfoFormat.describe(siginfo) + " ---");
    }

    /**
     * The process ended with wait status {@code status}:
     * {@code +++ exited with 0 +++} or {@code +++ killed by SIGSEGV +++}
     * ({@code (core dumped)} when the status says so). A call it slept in
     * is shown unfinished first, as strace does.
     */
    public void exited(int pid, int status) {
        if (ended) {
            return;
        }
        ended = true;
        if (state == State.SLEEPING) {
            StringBuilder line = new StringBuilder(tracer.name(number)).append('(')
                    .append(entryText != null ? entryText : tracer.arguments(number, call))
                    .append(" <unfinished ...>) ");
            pad(line, pid);
            log.line(pid, line.append("= ?"));
            state = State.IDLE;
        }
        String end = WaitStatus.isExited(status) ? "+++ exited with " + WaitStatus.exitCode(status) + " +++"
                : "+++ killed by " + SignalNames.name(WaitStatus.termSignal(status))
                        + ((status & 0x80) != 0 ? " (core dumped)" : "") + " +++";
        emit(pid, end);
    }

    // a line now, or after the running call's line
    private void emit(int pid, String text) {
        if (state == State.RUNNING) {
            heldBack.append(text).append('\n');
        } else {
            log.line(pid, text);
        }
    }
}
